package nl.mensenmakennederland.mail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.Priming;
import nl.mensenmakennederland.shared.StreamImages;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox stream's consumer: sends each new mail request through SES. Records are handled in
 * stream order; at the first failure (SES down or throttling) it reports that record, so Lambda
 * retries from there and nothing after it is skipped or sent twice.
 *
 * <p>Like the HTTP handlers it reads its event itself (see {@code HttpHandler}): the runtime's
 * DynamoDB event serializer would cost a fresh environment about 300 ms.
 */
public final class MailerHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, RequestStreamHandler {

    private final MailDelivery delivery;

    public MailerHandler() {
        Env env = Env.system();
        this.delivery = new MailDelivery(AwsClients.dynamoDb(), new Outbox(env.required("OUTBOX_TABLE")),
                AwsClients.ses(), env.required("SENDER_ADDRESS"), Clock.systemUTC());
        Priming.beforeCheckpoint(MailerHandler.class, this::prime);
    }

    public MailerHandler(MailDelivery delivery) {
        this.delivery = delivery;
    }

    /**
     * What SnapStart priming runs: the SDK's warm-up of the clients (no network call), and a
     * rehearsal of a delivery that composes a mail and sends nothing, writes nothing.
     */
    public void prime() {
        AwsClients.warmUpBuilt();
        delivery.rehearse(AwsClients.offline(SesV2Client.builder(), "{\"MessageId\":\"rehearsal\"}"));
    }

    /** What Lambda calls (the runtime prefers the stream overload): the batch read with our own JSON mapper. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<OutboxRecord> records = new ArrayList<>();
        for (JsonNode record : Json.MAPPER.readTree(input).path("Records")) {
            JsonNode change = record.path("dynamodb");
            records.add(new OutboxRecord(record.path("eventName").asText(), change.path("SequenceNumber").asText(),
                    StreamImages.toItem(change.path("NewImage"))));
        }
        List<Map<String, String>> failures = deliver(records, context).getBatchItemFailures().stream()
                .map(failure -> Map.of("itemIdentifier", failure.getItemIdentifier())).toList();
        Json.MAPPER.writeValue(output, Map.of("batchItemFailures", failures));
    }

    /** The same, for tests and the local runner, which hand over the event as objects. */
    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<OutboxRecord> records = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            records.add(new OutboxRecord(record.getEventName(), record.getDynamodb().getSequenceNumber(),
                    StreamImages.toItem(record.getDynamodb().getNewImage())));
        }
        return deliver(records, context);
    }

    /** One stream record: what happened to an outbox item, its position, and the item as written. */
    private record OutboxRecord(String eventName, String sequenceNumber, Map<String, AttributeValue> newImage) {}

    private StreamsEventResponse deliver(List<OutboxRecord> records, Context context) {
        Log.requestId(context == null ? null : context.getAwsRequestId());
        for (OutboxRecord record : records) {
            if (!"INSERT".equals(record.eventName())) {
                continue;
            }
            MailRequest mail = Outbox.fromItem(record.newImage());
            try {
                MailDelivery.Result result = delivery.deliver(mail);
                if (result == MailDelivery.Result.CLAIMED_ELSEWHERE) {
                    // Another attempt holds it now; retry later rather than risk sending twice.
                    return failedFrom(record);
                }
            } catch (RuntimeException failed) {
                Log.error("mail.failed", failed, "mailId", mail.id(), "kind", mail.kind().code());
                return failedFrom(record);
            }
        }
        return new StreamsEventResponse(List.of());
    }

    private static StreamsEventResponse failedFrom(OutboxRecord record) {
        return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(record.sequenceNumber())));
    }
}
