package nl.mensenmakennederland.testing;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The mails SES accepted in the emulator (moto or LocalStack), parsed as a mail client parses them. */
public final class SentMails {

    /**
     * One received mail: who it went to and what a reader sees; {@code calendar}, the
     * {@code text/calendar} alternative a calendar client acts on, or null.
     */
    public record Mail(String to, String subject, String text, String html, List<Attachment> attachments,
                       Attachment calendar) {}

    public record Attachment(String filename, String contentType, String content) {}

    private SentMails() {}

    public static List<Mail> all(LocalAws aws) {
        return aws.emulator().sentMails().stream().map(mail -> parse(mail.to(), mail.raw())).toList();
    }

    public static List<Mail> to(LocalAws aws, String address) {
        return all(aws).stream().filter(mail -> mail.to().equals(address)).toList();
    }

    /** One raw MIME message, parsed as a mail client parses it. */
    public static Mail parse(String to, String raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            Parsed parsed = new Parsed();
            walk(message, parsed);
            String recipient = to != null ? to : message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString();
            return new Mail(recipient, message.getSubject(), parsed.text, parsed.html, parsed.attachments, parsed.calendar);
        } catch (Exception e) {
            throw new IllegalStateException("Not a readable MIME message", e);
        }
    }

    private static final class Parsed {
        String text;
        String html;
        Attachment calendar;
        final List<Attachment> attachments = new ArrayList<>();
    }

    private static void walk(Part part, Parsed parsed) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, parsed);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            try (InputStream in = part.getInputStream()) {
                parsed.attachments.add(new Attachment(part.getFileName(), part.getContentType(),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        } else if (part.isMimeType("text/plain")) {
            parsed.text = (String) part.getContent();
        } else if (part.isMimeType("text/html")) {
            parsed.html = (String) part.getContent();
        } else if (part.isMimeType("text/calendar")) {
            try (InputStream in = part.getInputStream()) {
                parsed.calendar = new Attachment(null, part.getContentType(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
