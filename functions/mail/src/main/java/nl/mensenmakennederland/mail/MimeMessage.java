package nl.mensenmakennederland.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import nl.mensenmakennederland.shared.outbox.OutboxMail;

/**
 * A raw MIME message: text and HTML alternatives and the attachments, the form SES needs to send
 * an attachment. Bodies are base64 (line length and any character are safe) and the subject is
 * RFC 2047 encoded and folded, so Dutch text of any length arrives intact.
 */
public final class MimeMessage {

    /** RFC 2047 allows an encoded-word 75 characters, RFC 5322 a line 78. */
    private static final int MAX_WORD = 75;
    private static final int MAX_LINE = 78;
    private static final int WORD_OVERHEAD = "=?UTF-8?B??=".length();

    private MimeMessage() {}

    public static byte[] build(String from, OutboxMail mail) {
        String mixed = "mixed-" + UUID.randomUUID();
        String alternative = "alt-" + UUID.randomUUID();
        StringBuilder m = new StringBuilder();
        header(m, "From", from);
        header(m, "To", mail.to());
        encodedHeader(m, "Subject", mail.subject());
        header(m, "MIME-Version", "1.0");
        multipartHeader(m, "mixed", mixed);
        m.append("\r\n");

        m.append("--").append(mixed).append("\r\n");
        multipartHeader(m, "alternative", alternative);
        m.append("\r\n");
        part(m, alternative, "text/plain; charset=UTF-8", null, mail.text().getBytes(StandardCharsets.UTF_8));
        part(m, alternative, "text/html; charset=UTF-8", null, mail.html().getBytes(StandardCharsets.UTF_8));
        // iMIP: calendar clients act on the text/calendar alternative with its method (Outlook looks only there).
        mail.attachments().stream().filter(MimeMessage::isCalendarMessage)
                .forEach(ics -> part(m, alternative, ics.contentType(), null, ics.content()));
        m.append("--").append(alternative).append("--\r\n");

        for (OutboxMail.Attachment attachment : mail.attachments()) {
            part(m, mixed, attachment.contentType(), "attachment; filename=\"" + attachment.filename() + "\"",
                    attachment.content());
        }
        m.append("--").append(mixed).append("--\r\n");
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isCalendarMessage(OutboxMail.Attachment attachment) {
        return attachment.contentType().startsWith("text/calendar") && attachment.contentType().contains("method=");
    }

    private static void part(StringBuilder m, String boundary, String contentType, String disposition, byte[] body) {
        m.append("--").append(boundary).append("\r\n");
        header(m, "Content-Type", contentType);
        header(m, "Content-Transfer-Encoding", "base64");
        if (disposition != null) {
            header(m, "Content-Disposition", disposition);
        }
        m.append("\r\n").append(Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(body)).append("\r\n");
    }

    /** The boundary on a continuation line: with it, the line would pass 78 characters. */
    private static void multipartHeader(StringBuilder m, String subtype, String boundary) {
        m.append("Content-Type: multipart/").append(subtype).append(";\r\n boundary=\"").append(boundary).append("\"\r\n");
    }

    private static void header(StringBuilder m, String name, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Header " + name + " must be one line");
        }
        m.append(name).append(": ").append(value).append("\r\n");
    }

    /**
     * A header of UTF-8 encoded-words, folded: as many whole characters per word as fit (a
     * character split between words would not decode), each further word on a continuation
     * line. A reader joins adjacent encoded-words without the space between them.
     */
    private static void encodedHeader(StringBuilder m, String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        m.append(name).append(": ");
        int start = 0;
        int room = MAX_LINE - name.length() - ": ".length();
        do {
            int end = wordEnd(bytes, start, room);
            m.append(start == 0 ? "" : "\r\n ").append("=?UTF-8?B?")
                    .append(Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, start, end))).append("?=");
            start = end;
            room = MAX_LINE - 1; // a continuation line starts with a space
        } while (start < bytes.length);
        m.append("\r\n");
    }

    /** Where the encoded-word starting at {@code start} ends so that it fits {@code room} and splits no character. */
    private static int wordEnd(byte[] bytes, int start, int room) {
        int base64Chars = (Math.min(room, MAX_WORD) - WORD_OVERHEAD) / 4 * 4;
        int end = Math.min(bytes.length, start + base64Chars / 4 * 3);
        while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) { // a continuation byte: back to the character's start
            end--;
        }
        return end;
    }
}
