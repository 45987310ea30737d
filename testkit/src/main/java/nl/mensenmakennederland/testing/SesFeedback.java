package nl.mensenmakennederland.testing;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

/**
 * What SES would publish for a mail we sent, as the feedback queue delivers it: a sample of
 * {@code events/} (SES's documented event record, raw in an SQS message) with the mail's
 * message id, tags and recipient put in. moto does not publish SES events to SNS, so this is
 * how tests feed the feedback function the real shape with real ties to a sent mail.
 */
public final class SesFeedback {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SesFeedback() {}

    /** The sample's SES record (the SQS message body), for {@code send}. */
    public static String recordFor(String sample, SesSends.Send send, String recipient) {
        ObjectNode record;
        try {
            record = (ObjectNode) JSON.readTree(body(sample));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode mail = (ObjectNode) record.get("mail");
        mail.put("messageId", send.messageId());
        mail.putArray("destination").add(recipient);
        ObjectNode tags = (ObjectNode) mail.get("tags");
        send.tags().forEach((name, value) -> tags.putArray(name).add(value));
        for (String feedback : List.of("bounce", "complaint", "deliveryDelay")) {
            JsonNode part = record.path(feedback);
            for (String list : List.of("bouncedRecipients", "complainedRecipients", "delayedRecipients")) {
                if (part.path(list).isArray()) {
                    ((ObjectNode) part.path(list).get(0)).put("emailAddress", recipient);
                }
            }
        }
        return record.toString();
    }

    /** An SQS event of the given bodies, each its own message. */
    public static SQSEvent messages(String... bodies) {
        SQSEvent event = new SQSEvent();
        event.setRecords(java.util.Arrays.stream(bodies).map(body -> {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId(UUID.randomUUID().toString());
            message.setBody(body);
            message.setEventSource("aws:sqs");
            return message;
        }).toList());
        return event;
    }

    /** The body of the first message of a sample SQS event in {@code events/}. */
    public static String body(String sample) {
        try {
            JsonNode event = JSON.readTree(Files.readString(RepositoryRoot.path().resolve("events").resolve(sample)));
            return ((ArrayNode) event.get("Records")).get(0).get("body").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
