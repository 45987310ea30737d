package nl.mensenmakennederland.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A raw MIME message: text and HTML alternatives plus attachments, the form SES needs to send
 * an attachment. Bodies are base64 (line length and any character are safe) and the subject is
 * RFC 2047 encoded, so Dutch text arrives intact.
 */
public final class MimeMessage {

    public record Attachment(String filename, String contentType, byte[] content) {}

    private MimeMessage() {}

    public static byte[] build(String from, String to, String subject, String text, String html,
                               List<Attachment> attachments) {
        String mixed = "mixed-" + UUID.randomUUID();
        String alternative = "alt-" + UUID.randomUUID();
        StringBuilder m = new StringBuilder();
        header(m, "From", from);
        header(m, "To", to);
        header(m, "Subject", encodedWord(subject));
        header(m, "MIME-Version", "1.0");
        header(m, "Content-Type", "multipart/mixed; boundary=\"" + mixed + "\"");
        m.append("\r\n");

        m.append("--").append(mixed).append("\r\n");
        header(m, "Content-Type", "multipart/alternative; boundary=\"" + alternative + "\"");
        m.append("\r\n");
        part(m, alternative, "text/plain; charset=UTF-8", null, text.getBytes(StandardCharsets.UTF_8));
        part(m, alternative, "text/html; charset=UTF-8", null, html.getBytes(StandardCharsets.UTF_8));
        m.append("--").append(alternative).append("--\r\n");

        for (Attachment attachment : attachments) {
            part(m, mixed, attachment.contentType(),
                    "attachment; filename=\"" + attachment.filename() + "\"", attachment.content());
        }
        m.append("--").append(mixed).append("--\r\n");
        return m.toString().getBytes(StandardCharsets.UTF_8);
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

    private static void header(StringBuilder m, String name, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Header " + name + " must be one line");
        }
        m.append(name).append(": ").append(value).append("\r\n");
    }

    static String encodedWord(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
