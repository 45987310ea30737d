package nl.mensenmakennederland.mail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;

/**
 * One event SES publishes for a mail sent through our configuration set, as its SNS topic
 * carries it (the "event publishing" record: {@code eventType}, {@code mail} with
 * {@code messageId} and {@code tags}, and {@code bounce}, {@code complaint},
 * {@code deliveryDelay} or {@code reject}); only what the feedback needs is read.
 *
 * @param feedbackId what tells one event for the mail from another: SES's feedback id, else the
 *                   event's own timestamp (a delivery delay has no feedback id)
 * @param recipients the addresses the event concerns (ours are mailed to one each)
 * @param permanent  for a bounce: SES gave up on the address for good ({@code bounceType} Permanent)
 */
record SesEvent(Type type, String messageId, String feedbackId, Instant at, FeedbackTags tags, List<String> recipients,
                boolean permanent) {

    /** The types our configuration set publishes. */
    enum Type { BOUNCE, COMPLAINT, DELIVERY_DELAY, REJECT }

    /** Thrown for a message that is not such an event; it names no content, which may be personal. */
    static final class Malformed extends RuntimeException {
        Malformed(String what) {
            super(what);
        }
    }

    static SesEvent parse(String json) {
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(json);
        } catch (IOException notJson) {
            throw new Malformed("not JSON");
        }
        if (event == null || !event.isObject()) {
            throw new Malformed("not a JSON object");
        }
        JsonNode mail = event.path("mail");
        String messageId = mail.path("messageId").asText("");
        if (messageId.isEmpty()) {
            throw new Malformed("no mail.messageId");
        }
        FeedbackTags tags = FeedbackTags.from(tags(mail.path("tags")));
        String eventType = event.path("eventType").asText("");
        return switch (eventType) {
            case "Bounce" -> {
                JsonNode bounce = event.path("bounce");
                yield new SesEvent(Type.BOUNCE, messageId, bounce.path("feedbackId").asText(""), at(bounce, mail), tags,
                        recipients(bounce.path("bouncedRecipients")), "Permanent".equals(bounce.path("bounceType").asText()));
            }
            case "Complaint" -> {
                JsonNode complaint = event.path("complaint");
                yield new SesEvent(Type.COMPLAINT, messageId, complaint.path("feedbackId").asText(""), at(complaint, mail), tags,
                        recipients(complaint.path("complainedRecipients")), true);
            }
            case "DeliveryDelay" -> {
                JsonNode delay = event.path("deliveryDelay");
                yield new SesEvent(Type.DELIVERY_DELAY, messageId, delay.path("timestamp").asText(""), at(delay, mail), tags,
                        recipients(delay.path("delayedRecipients")), false);
            }
            case "Reject" -> new SesEvent(Type.REJECT, messageId, "", at(event.path("reject"), mail), tags,
                    destination(mail.path("destination")), false);
            default -> throw new Malformed("eventType not published to us: " + (eventType.matches("[A-Za-z ]{1,40}") ? eventType : "?"));
        };
    }

    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> first = new LinkedHashMap<>();
        tags.properties().forEach(tag -> {
            if (tag.getValue().isArray() && !tag.getValue().isEmpty()) {
                first.put(tag.getKey(), tag.getValue().get(0).asText());
            }
        });
        return first;
    }

    private static List<String> recipients(JsonNode list) {
        List<String> addresses = new ArrayList<>();
        list.forEach(recipient -> {
            String address = recipient.path("emailAddress").asText("");
            if (!address.isEmpty()) {
                addresses.add(address);
            }
        });
        if (addresses.isEmpty()) {
            throw new Malformed("no recipients");
        }
        return addresses;
    }

    private static List<String> destination(JsonNode list) {
        List<String> addresses = new ArrayList<>();
        list.forEach(address -> addresses.add(address.asText()));
        return addresses;
    }

    /** When it happened: the feedback's timestamp, else the mail's. */
    private static Instant at(JsonNode feedback, JsonNode mail) {
        String text = feedback.path("timestamp").asText(mail.path("timestamp").asText(""));
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException noTime) {
            throw new Malformed("no timestamp");
        }
    }
}
