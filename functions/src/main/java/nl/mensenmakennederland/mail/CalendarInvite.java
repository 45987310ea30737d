package nl.mensenmakennederland.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar (RFC 5545) event for a registration: times in UTC, a UID stable per
 * registration (a promotion after waiting updates the same entry), the location or the online
 * link, and the manage link.
 */
public final class CalendarInvite {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CalendarInvite() {}

    public static byte[] forRegistration(MailRequest mail, Instant now) {
        MailRequest.EventDetails event = mail.event();
        String where = event.online() && event.onlineUrl() != null ? event.onlineUrl() : event.location();
        StringBuilder description = new StringBuilder("Mensen maken Nederland");
        if (mail.manageUrl() != null) {
            description.append("\nJe aanmelding bekijken of annuleren: ").append(mail.manageUrl());
        }
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Vereniging NOV//Mensen maken Nederland//NL");
        line(ics, "METHOD:PUBLISH");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + mail.registrationId() + "@mensenmakennederland.nl");
        line(ics, "DTSTAMP:" + UTC.format(now));
        line(ics, "DTSTART:" + UTC.format(event.startsAt()));
        line(ics, "DTEND:" + UTC.format(event.endsAt()));
        line(ics, "SUMMARY:" + escape(event.title()));
        if (where != null) {
            line(ics, "LOCATION:" + escape(where));
        }
        if (event.online() && event.onlineUrl() != null) {
            line(ics, "URL:" + event.onlineUrl());
        }
        line(ics, "DESCRIPTION:" + escape(description.toString()));
        line(ics, "STATUS:CONFIRMED");
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
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
