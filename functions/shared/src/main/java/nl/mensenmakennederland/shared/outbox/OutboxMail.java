package nl.mensenmakennederland.shared.outbox;

import java.time.Instant;
import java.util.List;

/**
 * One mail, fully described by the job that sends it and written to the outbox in the same
 * transaction as the change it announces. The mailer sends it as it is: it knows no job, and the
 * mail still goes out if the record it is about is erased meanwhile.
 *
 * @param regarding what the mail is about, as ids only (e.g. {@code registration/<id>}): for logs
 *                  and, later, for bounces to find their record; never personal data
 */
public record OutboxMail(
        String id,
        String to,
        String subject,
        String text,
        String html,
        List<Attachment> attachments,
        String regarding,
        Instant createdAt) {

    public OutboxMail {
        attachments = List.copyOf(attachments);
    }

    /**
     * A file sent with the mail. An iCalendar message ({@code text/calendar; method=REQUEST} or
     * {@code CANCEL}) is also sent as the calendar alternative iMIP (RFC 6047) asks for.
     */
    public record Attachment(String filename, String contentType, byte[] content) {}
}
