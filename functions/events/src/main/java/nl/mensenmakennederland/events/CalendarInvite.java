package nl.mensenmakennederland.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import nl.mensenmakennederland.shared.outbox.OutboxMail;

/**
 * The calendar entry of a registration, as iTIP (RFC 5546) messages: a {@code REQUEST} puts it
 * in the person's calendar (confirmed, or promoted from the waiting list), a {@code CANCEL}
 * takes it out. One UID per registration ties them together, and the {@code SEQUENCE} orders
 * them, so a client that gets the cancellation first ignores the invite arriving after it.
 * Times in UTC; the sender is the organizer (clients accept a cancellation only from the
 * organizer of the entry) and the registrant the one attendee, already accepted.
 */
final class CalendarInvite {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CalendarInvite() {}

    /** For a confirmation or a promotion, or with {@code cancel} for a cancellation; {@code organizer}: the sender's address. */
    static OutboxMail.Attachment forRegistration(boolean cancel, Registration registration, Event event, String manageUrl,
                                                 Instant now, String organizer) {
        String method = cancel ? "CANCEL" : "REQUEST";
        boolean onlineLink = !cancel && event.online() && event.onlineUrl() != null;
        String where = onlineLink ? event.onlineUrl() : event.online() ? null : event.location();
        StringBuilder description = new StringBuilder("Mensen maken Nederland");
        if (manageUrl != null) {
            description.append("\nJe aanmelding bekijken of annuleren: ").append(manageUrl);
        }
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Vereniging NOV//Mensen maken Nederland//NL");
        line(ics, "METHOD:" + method);
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + registration.id() + "@mensenmakennederland.nl");
        // Invites are revision 0 (a promoted person never had one before); the cancellation comes after.
        line(ics, "SEQUENCE:" + (cancel ? 1 : 0));
        line(ics, "DTSTAMP:" + UTC.format(now));
        line(ics, "DTSTART:" + UTC.format(event.startsAt()));
        line(ics, "DTEND:" + UTC.format(event.endsAt()));
        line(ics, "SUMMARY:" + escape(event.title()));
        if (where != null) {
            line(ics, "LOCATION:" + escape(where));
        }
        if (onlineLink) {
            line(ics, "URL:" + event.onlineUrl());
        }
        line(ics, "DESCRIPTION:" + escape(description.toString()));
        line(ics, "ORGANIZER;CN=\"Mensen maken Nederland\":mailto:" + organizer);
        line(ics, "ATTENDEE;CN=\"" + parameterText(registration.name()) + "\";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT"
                + (cancel ? "" : ";PARTSTAT=ACCEPTED;RSVP=FALSE") + ":mailto:" + registration.email());
        line(ics, "STATUS:" + (cancel ? "CANCELLED" : "CONFIRMED"));
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return new OutboxMail.Attachment(cancel ? "afmelding.ics" : "uitnodiging.ics",
                "text/calendar; charset=UTF-8; method=" + method, ics.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
    }

    /** A quoted parameter value may hold anything but quotes and control characters (RFC 5545, 3.1). */
    private static String parameterText(String text) {
        return text.replaceAll("[\"\\p{Cntrl}]", "");
    }

    /** Content lines end in CRLF and fold at 75 octets, continuing with a space. */
    private static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = 75;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) { // never split a UTF-8 character
                end--;
            }
            ics.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 74;
        }
        ics.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }
}
