package nl.mensenmakennederland.prizes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.mensenmakennederland.shared.Html;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.outbox.OutboxMail;

/** The Dutch mails about prize entries, composed whole for the outbox: the vlog is in, or it was refused and why. */
public final class PrizeMails {

    public enum Kind { SUBMITTED, REJECTED }

    private final String siteOrigin;
    private final long maxBytes;
    private final Duration maxDuration;

    public PrizeMails(String siteOrigin, long maxBytes, Duration maxDuration) {
        this.siteOrigin = siteOrigin;
        this.maxBytes = maxBytes;
        this.maxDuration = maxDuration;
    }

    /** Why a file was refused, as the entrant reads it (in the mail and on the entry's page). */
    public String reason(Rejection why) {
        return switch (why) {
            case EMPTY -> "Het bestand dat we ontvingen is leeg.";
            case NOT_A_VIDEO -> "Het bestand is geen video die we kunnen afspelen. We nemen MP4, MOV, 3GP en WebM aan.";
            case IMAGE -> "Het bestand is een foto of afbeelding, geen video.";
            case TRUNCATED -> "De video is niet compleet: de upload of de opname is halverwege afgebroken.";
            case NO_DURATION -> "We konden de lengte van de video niet lezen; het bestand is waarschijnlijk niet goed opgeslagen.";
            case TOO_LONG -> "De video duurt langer dan " + maxDuration.toMinutes() + " minuten.";
            case TOO_LARGE -> "Het bestand is groter dan " + Sizes.dutch(maxBytes) + ".";
        };
    }

    public OutboxMail compose(Kind kind, Entry entry, String manageUrl, Instant now) {
        return switch (kind) {
            case SUBMITTED -> mail(entry, now, "Je vlog is binnen: " + entry.title(),
                    "We hebben je vlog voor de Nationale Vrijwilligersprijzen ontvangen en gecontroleerd. Hij doet mee!",
                    List.of("Wat: " + entry.title(), "Initiatief: " + entry.initiative(), "Gemeente: " + entry.municipality()),
                    "De jury bekijkt alle inzendingen na de sluitingsdatum. Wil je je inzending toch intrekken? "
                            + "Dat kan via de link hieronder; dan verwijderen we de vlog en je gegevens.",
                    manageUrl);
            case REJECTED -> mail(entry, now, "Je vlog kon niet worden verwerkt: " + entry.title(),
                    "We hebben je bestand ontvangen, maar konden het niet aannemen. " + reason(entry.rejection()),
                    List.of("Wat: " + entry.title(), "Bestand: " + entry.fileName()),
                    "Zo los je het op: exporteer of bewaar de video opnieuw vanaf je telefoon of computer als MP4 (of MOV), "
                            + "maximaal " + maxDuration.toMinutes() + " minuten en " + Sizes.dutch(maxBytes)
                            + ", en dien hem opnieuw in via " + siteOrigin + "/vrijwilligersprijzen.html. "
                            + "Het bestand dat je stuurde hebben we verwijderd.",
                    manageUrl);
        };
    }

    private static OutboxMail mail(Entry entry, Instant now, String subject, String lead, List<String> facts, String closing,
                                   String manageUrl) {
        StringBuilder text = new StringBuilder().append("Hoi ").append(entry.contactName()).append(",\n\n").append(lead).append("\n\n");
        facts.forEach(fact -> text.append(fact).append('\n'));
        text.append('\n').append(closing).append("\n\n")
                .append("Je inzending bekijken of intrekken: ").append(manageUrl).append("\n\n")
                .append("Hartelijke groet,\nMensen maken Nederland\nNationale Vrijwilligersprijzen, Vereniging NOV\n");

        StringBuilder html = new StringBuilder()
                .append("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(subject))
                .append("</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5;max-width:36em\">")
                .append("<p>Hoi ").append(Html.escape(entry.contactName())).append(",</p>")
                .append("<p>").append(Html.escape(lead)).append("</p><ul>");
        facts.forEach(fact -> html.append("<li>").append(Html.escape(fact)).append("</li>"));
        html.append("</ul><p>").append(Html.escape(closing)).append("</p>")
                .append("<p><a href=\"").append(Html.escape(manageUrl))
                .append("\" style=\"display:inline-block;background:#00594f;color:#ffffff;padding:.6em 1.2em;text-decoration:none;border-radius:4px\">")
                .append("Inzending bekijken of intrekken</a></p>")
                .append("<p>Hartelijke groet,<br>Mensen maken Nederland<br>Nationale Vrijwilligersprijzen, Vereniging NOV</p>")
                .append("</body></html>");
        return new OutboxMail(Ids.random(), entry.email(), subject, text.toString(), html.toString(), List.of(),
                "prize-entry/" + entry.id(), now);
    }
}
