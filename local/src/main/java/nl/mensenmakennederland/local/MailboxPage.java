package nl.mensenmakennederland.local;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Html;

/**
 * The local mailbox at {@code /_local/mail}: the sent mails, newest first, each with subject,
 * recipients, its HTML body (in a sandboxed frame whose links open in the whole window) and
 * its attachments to download. {@code /_local/mail.json} gives the same for scripts and tests.
 */
final class MailboxPage {

    static final String PATH = "/_local/mail";

    private static final Pattern BODY = Pattern.compile("/_local/mail/([^/]+)/body");
    private static final Pattern ATTACHMENT = Pattern.compile("/_local/mail/([^/]+)/attachments/(\\d+)");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm:ss", Locale.of("nl")).withZone(ZoneId.of("Europe/Amsterdam"));

    private final Mailbox mailbox;

    MailboxPage(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    Optional<LocalResponse> get(String path) {
        if (path.equals(PATH) || path.equals(PATH + "/")) {
            return Optional.of(LocalResponse.of(200, "text/html; charset=utf-8", list(mailbox.mails())));
        }
        if (path.equals(PATH + ".json")) {
            return Optional.of(LocalResponse.of(200, "application/json", Json.write(summaries(mailbox.mails()))));
        }
        Matcher body = BODY.matcher(path);
        if (body.matches()) {
            return find(body.group(1)).map(mail -> LocalResponse.of(200, "text/html; charset=utf-8", framed(mail)));
        }
        Matcher attachment = ATTACHMENT.matcher(path);
        if (attachment.matches()) {
            int index = Integer.parseInt(attachment.group(2));
            return find(attachment.group(1)).filter(mail -> index < mail.attachments().size()).map(mail -> {
                Mailbox.Attachment file = mail.attachments().get(index);
                return new LocalResponse(200, Map.of(
                        "content-type", List.of(file.contentType()),
                        "content-disposition", List.of("attachment; filename=\"" + file.filename().replace("\"", "") + "\"")),
                        file.content());
            });
        }
        return Optional.empty();
    }

    private Optional<Mailbox.Mail> find(String id) {
        return mailbox.mails().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The mail's own HTML, with links opening in the whole window rather than in the frame. */
    private static String framed(Mailbox.Mail mail) {
        String html = mail.html() != null ? mail.html() : "<pre>" + Html.escape(String.valueOf(mail.text())) + "</pre>";
        return "<!doctype html><meta charset=\"utf-8\"><base target=\"_top\">" + html;
    }

    private static List<Map<String, Object>> summaries(List<Mailbox.Mail> mails) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Mailbox.Mail mail : mails) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("id", mail.id());
            summary.put("from", mail.from());
            summary.put("to", mail.to());
            summary.put("subject", mail.subject());
            summary.put("html", mail.html());
            summary.put("text", mail.text());
            summary.put("attachments", mail.attachments().stream().map(Mailbox.Attachment::filename).toList());
            summary.put("seenAt", mail.seenAt().toString());
            list.add(summary);
        }
        return list;
    }

    private static String list(List<Mailbox.Mail> mails) {
        StringBuilder page = new StringBuilder("""
                <!doctype html>
                <html lang="nl">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Lokale mailbox · Mensen maken Nederland</title>
                <link rel="stylesheet" href="/css/site.css">
                </head>
                <body>
                <main id="inhoud" class="page mailbox">
                <p><a href="/">← Naar de site</a></p>
                <h1>Lokale mailbox</h1>
                <p>Alle mails die de functies via SES verstuurden, nieuwste bovenaan. Alleen lokaal: er gaat niets echt de deur uit.
                <a href="/_local/mail">Vernieuwen</a></p>
                """);
        if (mails.isEmpty()) {
            page.append("<p class=\"empty\">Nog geen mails verstuurd.</p>");
        }
        for (Mailbox.Mail mail : mails) {
            String id = Html.escape(mail.id());
            page.append("<article class=\"mail\" data-mail-id=\"").append(id).append("\">")
                    .append("<h2>").append(Html.escape(String.valueOf(mail.subject()))).append("</h2><dl>")
                    .append("<dt>Aan</dt><dd class=\"mail-to\">").append(Html.escape(String.join(", ", mail.to()))).append("</dd>")
                    .append("<dt>Van</dt><dd>").append(Html.escape(mail.from())).append("</dd>")
                    .append("<dt>Gezien</dt><dd>").append(TIME.format(mail.seenAt())).append("</dd></dl>")
                    .append("<iframe class=\"mail-body\" title=\"Inhoud van de mail: ").append(Html.escape(String.valueOf(mail.subject())))
                    .append("\" src=\"").append(PATH).append('/').append(id).append("/body\" loading=\"lazy\"")
                    .append(" sandbox=\"allow-top-navigation-by-user-activation allow-popups\"></iframe>");
            if (!mail.attachments().isEmpty()) {
                page.append("<h3>Bijlagen</h3><ul class=\"attachments\">");
                for (int i = 0; i < mail.attachments().size(); i++) {
                    Mailbox.Attachment file = mail.attachments().get(i);
                    page.append("<li><a download href=\"").append(PATH).append('/').append(id).append("/attachments/").append(i)
                            .append("\">").append(Html.escape(file.filename())).append("</a> (").append(Html.escape(file.contentType()))
                            .append(", ").append(file.content().length).append(" bytes)</li>");
                }
                page.append("</ul>");
            }
            page.append("</article>");
        }
        return page.append("</main></body></html>").toString();
    }
}
