package nl.mensenmakennederland.shared.trigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.StreamImages;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Base of a function on a DynamoDB stream, as {@code HttpHandler} is of a route: this reads the
 * batch (with our own JSON mapper on Lambda's path: the runtime's DynamoDB event serializer
 * would cost a fresh environment about 300 ms), sets the request id and answers Lambda's
 * partial batch response; the subclass handles the records in stream order and names the first
 * one that failed, so Lambda retries from there and nothing after it is skipped or done twice.
 */
public abstract class DynamoDbStreamHandler extends PrimedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, RequestStreamHandler {

    /** One stream record: what happened to an item, its position in the stream, and the item as written. */
    public record StreamRecord(String eventName, String sequenceNumber, Map<String, AttributeValue> newImage) {}

    /** What Lambda calls (the runtime prefers the stream overload). */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<StreamRecord> records = new ArrayList<>();
        for (JsonNode record : Json.MAPPER.readTree(input).path("Records")) {
            JsonNode change = record.path("dynamodb");
            records.add(new StreamRecord(record.path("eventName").asText(), change.path("SequenceNumber").asText(),
                    StreamImages.toItem(change.path("NewImage"))));
        }
        List<Map<String, String>> failures = answer(records, context).getBatchItemFailures().stream()
                .map(failure -> Map.of("itemIdentifier", failure.getItemIdentifier())).toList();
        Json.MAPPER.writeValue(output, Map.of("batchItemFailures", failures));
    }

    /** The same, for tests and the local runner, which hand over the event as objects. */
    @Override
    public final StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamRecord> records = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            records.add(new StreamRecord(record.getEventName(), record.getDynamodb().getSequenceNumber(),
                    StreamImages.toItem(record.getDynamodb().getNewImage())));
        }
        return answer(records, context);
    }

    /** Handles the records in order; the first that failed, if any (Lambda retries from it). */
    protected abstract Optional<StreamRecord> handle(List<StreamRecord> records);

    private StreamsEventResponse answer(List<StreamRecord> records, Context context) {
        Log.requestId(context == null ? null : context.getAwsRequestId());
        return new StreamsEventResponse(handle(records)
                .map(failed -> List.of(new StreamsEventResponse.BatchItemFailure(failed.sequenceNumber())))
                .orElse(List.of()));
    }
}
