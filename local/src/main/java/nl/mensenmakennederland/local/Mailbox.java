package nl.mensenmakennederland.local;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.mensenmakennederland.shared.Json;

/**
 * The mails the functions sent through SES, as moto keeps them ({@code GET /moto-api/data.json},
 * key {@code ses}): simple mails under {@code Message} (of a text+HTML mail only the HTML), raw
 * MIME mails under {@code RawMessage}, parsed here for subject, HTML and attachments.
 *
 * <p>moto records no send time, so a mail's time is when the mailbox first saw it and the
 * order is that of first sight (and moto's order within a list).
 */
final class Mailbox {

    record Attachment(String filename, String contentType, byte[] content) {}

    record Mail(String id, String from, List<String> to, String subject, String html, String text,
                List<Attachment> attachments, Instant seenAt) {}

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI state;
    private final Clock clock;
    private final Map<String, Instant> firstSeen = new LinkedHashMap<>();

    Mailbox(String emulatorEndpoint, Clock clock) {
        this.state = URI.create(emulatorEndpoint + "/moto-api/data.json");
        this.clock = clock;
    }

    /** Every mail sent so far, newest first. */
    List<Mail> mails() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(state).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The emulator keeps no readable mail state (is it moto_server?)");
            }
            return fromState(Json.MAPPER.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    synchronized List<Mail> fromState(JsonNode state) {
        JsonNode ses = state.path("ses");
        List<Mail> mails = new ArrayList<>();
        for (JsonNode simple : ses.path("Message")) {
            List<String> to = new ArrayList<>();
            simple.path("destinations").properties().forEach(kind -> kind.getValue().forEach(a -> to.add(a.asText())));
            mails.add(new Mail(simple.path("id").asText(), simple.path("source").asText(), to,
                    simple.path("subject").asText(), simple.path("body").asText(), null, List.of(), seen(simple)));
        }
        for (JsonNode raw : ses.path("RawMessage")) {
            mails.add(parseRaw(raw, seen(raw)));
        }
        List<String> order = new ArrayList<>(firstSeen.keySet());
        mails.sort(Comparator.comparingInt((Mail m) -> order.indexOf(m.id())).reversed());
        return mails;
    }

    private Instant seen(JsonNode message) {
        return firstSeen.computeIfAbsent(message.path("id").asText(), id -> clock.instant());
    }

    private static Mail parseRaw(JsonNode raw, Instant seenAt) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.path("raw_data").asText().getBytes(StandardCharsets.UTF_8)));
            Map<String, String> bodies = new LinkedHashMap<>();
            List<Attachment> attachments = new ArrayList<>();
            collect(message, bodies, attachments);
            LinkedHashSet<String> to = new LinkedHashSet<>();
            raw.path("destinations").forEach(a -> to.add(a.asText()));
            String from = message.getFrom() == null || message.getFrom().length == 0
                    ? raw.path("source").asText() : message.getFrom()[0].toString();
            return new Mail(raw.path("id").asText(), from, List.copyOf(to), message.getSubject(),
                    bodies.get("text/html"), bodies.get("text/plain"), attachments, seenAt);
        } catch (MessagingException | IOException e) {
            return new Mail(raw.path("id").asText(), raw.path("source").asText(), List.of(),
                    "(onleesbare mail: " + e.getClass().getSimpleName() + ")", null,
                    raw.path("raw_data").asText(), List.of(), seenAt);
        }
    }

    private static void collect(Part part, Map<String, String> bodies, List<Attachment> attachments)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies, attachments);
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        String type = part.getContentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!attachment && type.equals("text/calendar")) {
            return; // the invite as calendar clients read it; the same file is attached
        }
        if (!attachment && (type.equals("text/html") || type.equals("text/plain")) && !bodies.containsKey(type)) {
            bodies.put(type, String.valueOf(part.getContent()));
        } else {
            attachments.add(new Attachment(part.getFileName() == null ? "bijlage-" + (attachments.size() + 1) : part.getFileName(),
                    type, part.getInputStream().readAllBytes()));
        }
    }
}
