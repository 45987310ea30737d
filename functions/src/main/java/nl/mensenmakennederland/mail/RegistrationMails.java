package nl.mensenmakennederland.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Locale;
import nl.mensenmakennederland.shared.Html;

/** The Dutch mails about registrations: subject, plain text and HTML, and the calendar invite. */
public final class RegistrationMails {

    public record Rendered(String subject, String text, String html, Optional<MimeMessage.Invite> invite) {}

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", DUTCH).withZone(AMSTERDAM);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", DUTCH).withZone(AMSTERDAM);

    private RegistrationMails() {}

    /** {@code organizer}: the sender's address, the invite's organizer (a calendar accepts a cancellation only from it). */
    public static Rendered render(MailRequest mail, Instant now, String organizer) {
        MailRequest.EventDetails event = mail.event();
        String title = event.title();
        return switch (mail.kind()) {
            case REGISTRATION_CONFIRMED -> withInvite(mail, now, organizer, "Je bent aangemeld: " + title,
                    "Je aanmelding voor " + title + " is bevestigd.",
                    "In de bijlage zit een agenda-uitnodiging. Kun je toch niet? Meld je dan af, dan geven we je plek "
                            + "aan iemand op de wachtlijst.");
            case REGISTRATION_PROMOTED -> withInvite(mail, now, organizer, "Er is een plek vrij: je bent aangemeld voor " + title,
                    "Goed nieuws: er is een plek vrijgekomen. Je stond op de wachtlijst en bent nu aangemeld voor " + title + ".",
                    "In de bijlage zit een agenda-uitnodiging. Kun je toch niet? Meld je dan af, dan gaat je plek naar de volgende.");
            case REGISTRATION_WAITLISTED -> plain(mail, "Je staat op de wachtlijst: " + title,
                    title + " is vol. Je staat op de wachtlijst; via de link hieronder zie je steeds je actuele plek.",
                    "Komt er een plek vrij, dan schuif je vanzelf door en krijg je een bevestiging per mail. "
                            + "Wil je niet meer wachten? Haal je aanmelding dan weg via de link hieronder.");
            case REGISTRATION_CANCELLED -> withInvite(mail, now, organizer, "Je afmelding is verwerkt: " + title,
                    "Je hebt je afgemeld voor " + title + ". Je gegevens voor deze aanmelding zijn verwijderd.",
                    "Had je de activiteit in je agenda gezet? Met de afmelding in de bijlage haal je hem daar weg. "
                            + "Jammer dat je er niet bij bent. Misschien tot een volgende keer!");
            case WAITLIST_LEFT -> plain(mail, "Je afmelding is verwerkt: " + title,
                    "Je hebt je afgemeld voor " + title + " en staat niet meer op de wachtlijst. "
                            + "Je gegevens voor deze aanmelding zijn verwijderd.",
                    "Jammer dat je er niet bij bent. Misschien tot een volgende keer!");
        };
    }

    private static Rendered withInvite(MailRequest mail, Instant now, String organizer, String subject, String lead,
                                       String closing) {
        Rendered body = plain(mail, subject, lead, closing);
        return new Rendered(subject, body.text(), body.html(), Optional.of(CalendarInvite.forRegistration(mail, now, organizer)));
    }

    private static Rendered plain(MailRequest mail, String subject, String lead, String closing) {
        MailRequest.EventDetails event = mail.event();
        String when = capitalize(DAY.format(event.startsAt())) + ", " + TIME.format(event.startsAt()) + " – "
                + TIME.format(event.endsAt()) + " uur";
        String where = event.online()
                ? (event.onlineUrl() != null && (mail.kind() == MailRequest.Kind.REGISTRATION_CONFIRMED
                        || mail.kind() == MailRequest.Kind.REGISTRATION_PROMOTED) ? "Online: " + event.onlineUrl() : "Online")
                : event.location();
        String seats = mail.seats() == 1 ? "1 plaats" : mail.seats() + " plaatsen";

        StringBuilder text = new StringBuilder()
                .append("Hoi ").append(mail.name()).append(",\n\n")
                .append(lead).append("\n\n")
                .append("Wat:    ").append(event.title()).append('\n')
                .append("Wanneer: ").append(when).append('\n')
                .append("Waar:   ").append(where).append('\n')
                .append("Voor:   ").append(seats).append("\n\n")
                .append(closing).append("\n\n");
        if (mail.manageUrl() != null) {
            text.append("Je aanmelding bekijken of annuleren: ").append(mail.manageUrl()).append("\n\n");
        }
        text.append("Hartelijke groet,\nMensen maken Nederland\nNationaal Jaar Vrijwillige Inzet, Vereniging NOV\n");

        StringBuilder html = new StringBuilder()
                .append("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(subject))
                .append("</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;line-height:1.5;max-width:36em\">")
                .append("<p>Hoi ").append(Html.escape(mail.name())).append(",</p>")
                .append("<p>").append(Html.escape(lead)).append("</p>")
                .append("<table role=\"presentation\" style=\"border-collapse:collapse\">")
                .append(row("Wat", event.title())).append(row("Wanneer", when)).append(row("Waar", where)).append(row("Voor", seats))
                .append("</table>")
                .append("<p>").append(Html.escape(closing)).append("</p>");
        if (mail.manageUrl() != null) {
            html.append("<p><a href=\"").append(Html.escape(mail.manageUrl()))
                    .append("\" style=\"display:inline-block;background:#00594f;color:#ffffff;padding:.6em 1.2em;text-decoration:none;border-radius:4px\">")
                    .append("Aanmelding bekijken of annuleren</a></p>");
        }
        html.append("<p>Hartelijke groet,<br>Mensen maken Nederland<br>Nationaal Jaar Vrijwillige Inzet, Vereniging NOV</p>")
                .append("</body></html>");
        return new Rendered(subject, text.toString(), html.toString(), Optional.empty());
    }

    private static String row(String label, String value) {
        return "<tr><th scope=\"row\" style=\"text-align:left;padding:.2em 1em .2em 0\">" + Html.escape(label)
                + "</th><td>" + Html.escape(value) + "</td></tr>";
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
