package nl.mensenmakennederland.events;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.mensenmakennederland.shared.Html;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.outbox.OutboxMail;

/**
 * The Dutch mails about registrations, composed whole for the outbox: subject, plain text, HTML
 * and, for a seat given or given back, the calendar message.
 */
public final class RegistrationMails {

    public enum Kind {
        CONFIRMED,
        WAITLISTED,
        PROMOTED,
        /** Cancelled a confirmed registration: the mail withdraws the calendar invite. */
        CANCELLED,
        /** Cancelled while on the waiting list: no invite was ever sent. */
        WAITLIST_LEFT
    }

    /** What a mail shows: the registration and its event as they are when it is composed. */
    private record Facts(Kind kind, Registration registration, Event event, String manageUrl) {}

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", DUTCH).withZone(AMSTERDAM);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", DUTCH).withZone(AMSTERDAM);

    private final String organizer;

    /** {@code organizer}: the sender's address, the invite's organizer (a calendar accepts a cancellation only from it). */
    public RegistrationMails(String organizer) {
        this.organizer = organizer;
    }

    /** {@code manageUrl}: the link to see or cancel the registration, null when there is nothing left to manage. */
    public OutboxMail compose(Kind kind, Registration registration, Event event, String manageUrl, Instant now) {
        Facts mail = new Facts(kind, registration, event, manageUrl);
        String title = event.title();
        return switch (kind) {
            case CONFIRMED -> withInvite(mail, now, "Je bent aangemeld: " + title,
                    "Je aanmelding voor " + title + " is bevestigd.",
                    "In de bijlage zit een agenda-uitnodiging. Kun je toch niet? Meld je dan af, dan geven we je plek "
                            + "aan iemand op de wachtlijst.");
            case PROMOTED -> withInvite(mail, now, "Er is een plek vrij: je bent aangemeld voor " + title,
                    "Goed nieuws: er is een plek vrijgekomen. Je stond op de wachtlijst en bent nu aangemeld voor " + title + ".",
                    "In de bijlage zit een agenda-uitnodiging. Kun je toch niet? Meld je dan af, dan gaat je plek naar de volgende.");
            case WAITLISTED -> plain(mail, now, "Je staat op de wachtlijst: " + title,
                    title + " is vol. Je staat op de wachtlijst; via de link hieronder zie je steeds je actuele plek.",
                    "Komt er een plek vrij, dan schuif je vanzelf door en krijg je een bevestiging per mail. "
                            + "Wil je niet meer wachten? Haal je aanmelding dan weg via de link hieronder.");
            case CANCELLED -> withInvite(mail, now, "Je afmelding is verwerkt: " + title,
                    "Je hebt je afgemeld voor " + title + ". Je gegevens voor deze aanmelding zijn verwijderd.",
                    "Had je de activiteit in je agenda gezet? Met de afmelding in de bijlage haal je hem daar weg. "
                            + "Jammer dat je er niet bij bent. Misschien tot een volgende keer!");
            case WAITLIST_LEFT -> plain(mail, now, "Je afmelding is verwerkt: " + title,
                    "Je hebt je afgemeld voor " + title + " en staat niet meer op de wachtlijst. "
                            + "Je gegevens voor deze aanmelding zijn verwijderd.",
                    "Jammer dat je er niet bij bent. Misschien tot een volgende keer!");
        };
    }

    private OutboxMail withInvite(Facts mail, Instant now, String subject, String lead, String closing) {
        return outboxMail(mail, now, subject, lead, closing, List.of(CalendarInvite.forRegistration(
                mail.kind() == Kind.CANCELLED, mail.registration(), mail.event(), mail.manageUrl(), now, organizer)));
    }

    private static OutboxMail plain(Facts mail, Instant now, String subject, String lead, String closing) {
        return outboxMail(mail, now, subject, lead, closing, List.of());
    }

    private static OutboxMail outboxMail(Facts mail, Instant now, String subject, String lead, String closing,
                                         List<OutboxMail.Attachment> attachments) {
        Event event = mail.event();
        Registration registration = mail.registration();
        String when = capitalize(DAY.format(event.startsAt())) + ", " + TIME.format(event.startsAt()) + " – "
                + TIME.format(event.endsAt()) + " uur";
        String where = event.online()
                ? (event.onlineUrl() != null && (mail.kind() == Kind.CONFIRMED || mail.kind() == Kind.PROMOTED) ? "Online: " + event.onlineUrl() : "Online")
                : event.location();
        String seats = registration.seats() == 1 ? "1 plaats" : registration.seats() + " plaatsen";

        StringBuilder text = new StringBuilder()
                .append("Hoi ").append(registration.name()).append(",\n\n")
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
                .append("<p>Hoi ").append(Html.escape(registration.name())).append(",</p>")
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
        return new OutboxMail(Ids.random(), registration.email(), subject, text.toString(), html.toString(), attachments,
                "registration/" + registration.id(), now);
    }

    private static String row(String label, String value) {
        return "<tr><th scope=\"row\" style=\"text-align:left;padding:.2em 1em .2em 0\">" + Html.escape(label)
                + "</th><td>" + Html.escape(value) + "</td></tr>";
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
