package nl.mensenmakennederland.digest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.mensenmakennederland.shared.Html;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.outbox.OutboxMail;

/**
 * The digest as an admin reads it on a phone at breakfast: Dutch, one column, each figure with
 * its change since the digest before, the details under it; HTML with the same text beside it.
 */
final class DigestMail {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.forLanguageTag("nl-NL"));

    private final String siteOrigin;

    DigestMail(String siteOrigin) {
        this.siteOrigin = siteOrigin;
    }

    String subject(Digest digest) {
        return "Mensen maken Nederland: overzicht van " + days(digest.period());
    }

    OutboxMail to(String recipient, Digest digest, Instant now) {
        return new OutboxMail(Ids.random(), recipient, subject(digest), text(digest), html(digest), java.util.List.of(),
                "digest/" + digest.period().lastDay(), now);
    }

    static String days(Period period) {
        return period.days() == 1 ? DAY.format(period.lastDay())
                : DAY.format(period.firstDay()) + " tot en met " + DAY.format(period.lastDay());
    }

    String text(Digest digest) {
        StringBuilder text = new StringBuilder("Goedemorgen,\n\nZo ging het op ").append(days(digest.period()))
                .append(" (tussen haakjes: het verschil met het vorige overzicht).\n");
        for (Section section : digest.sections()) {
            text.append("\n").append(section.title().toUpperCase(Locale.forLanguageTag("nl-NL"))).append("\n");
            for (Figure figure : section.figures()) {
                text.append("- ").append(figure.label()).append(": ").append(figure.value())
                        .append(figure.change().isEmpty() ? "" : " (" + figure.change() + ")").append("\n");
            }
            section.details().forEach(detail -> text.append("  ").append(detail).append("\n"));
        }
        return text.append("\nDe details staan in het beheer: ").append(siteOrigin).append("/beheer.html\n\n")
                .append("Mensen maken Nederland\nDit overzicht gaat elke ochtend naar de beheerders.\n").toString();
    }

    String html(Digest digest) {
        StringBuilder html = new StringBuilder()
                .append("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
                .append(Html.escape(subject(digest))).append("</title></head>")
                .append("<body style=\"margin:0;padding:12px;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.45\">")
                .append("<div style=\"max-width:36em;margin:0 auto\">")
                .append("<h1 style=\"font-size:1.3em;color:#00594f;margin:0 0 .3em\">Overzicht van ")
                .append(Html.escape(days(digest.period()))).append("</h1>")
                .append("<p style=\"margin:0 0 1em;color:#555\">Tussen haakjes: het verschil met het vorige overzicht.</p>");
        for (Section section : digest.sections()) {
            html.append("<h2 style=\"font-size:1.1em;border-bottom:2px solid #00594f;padding-bottom:.2em;margin:1.2em 0 .4em\">")
                    .append(Html.escape(section.title())).append("</h2>")
                    .append("<table role=\"presentation\" style=\"width:100%;border-collapse:collapse\">");
            for (Figure figure : section.figures()) {
                html.append("<tr><td style=\"padding:.25em 0\">").append(Html.escape(figure.label()))
                        .append("</td><td style=\"padding:.25em 0;text-align:right;font-weight:bold;white-space:nowrap\">")
                        .append(figure.value())
                        .append(figure.change().isEmpty() ? "" : " <span style=\"font-weight:normal;color:#555\">("
                                + Html.escape(figure.change()) + ")</span>")
                        .append("</td></tr>");
            }
            html.append("</table>");
            if (!section.details().isEmpty()) {
                html.append("<ul style=\"padding-left:1.2em;margin:.4em 0;color:#333\">");
                section.details().forEach(detail -> html.append("<li>").append(Html.escape(detail)).append("</li>"));
                html.append("</ul>");
            }
        }
        return html.append("<p style=\"margin-top:1.5em\"><a href=\"").append(Html.escape(siteOrigin))
                .append("/beheer.html\" style=\"color:#00594f\">Naar het beheer</a></p>")
                .append("<p style=\"color:#777;font-size:.85em\">Dit overzicht gaat elke ochtend naar de beheerders.</p>")
                .append("</div></body></html>").toString();
    }
}
