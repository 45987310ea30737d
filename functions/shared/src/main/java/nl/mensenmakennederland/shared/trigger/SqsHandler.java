package nl.mensenmakennederland.shared.trigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Log;

/**
 * Base of a function on an SQS queue, as {@code DynamoDbStreamHandler} is of a stream: this reads
 * the batch (our own mapper on Lambda's path, not the runtime's event serializer), sets the
 * request id and answers Lambda's partial batch response. The subclass handles one message at a
 * time; a message whose handling throws is reported failed and only it returns to the queue
 * (SQS keeps no order, so the others need not wait for it), until the queue's redrive policy
 * moves it to its dead-letter queue.
 */
public abstract class SqsHandler extends PrimedHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, RequestStreamHandler {

    /** One message as the queue delivered it. */
    public record SqsMessage(String messageId, String body) {}

    /** What Lambda calls (the runtime prefers the stream overload). */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<SqsMessage> messages = new ArrayList<>();
        for (JsonNode record : Json.MAPPER.readTree(input).path("Records")) {
            messages.add(new SqsMessage(record.path("messageId").asText(), record.path("body").asText()));
        }
        List<Map<String, String>> failures = answer(messages, context).getBatchItemFailures().stream()
                .map(failure -> Map.of("itemIdentifier", failure.getItemIdentifier())).toList();
        Json.MAPPER.writeValue(output, Map.of("batchItemFailures", failures));
    }

    /** The same, for tests and the local runner, which hand over the event as objects. */
    @Override
    public final SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SqsMessage> messages = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            messages.add(new SqsMessage(message.getMessageId(), message.getBody()));
        }
        return answer(messages, context);
    }

    /** Handles one message; throws when it must be delivered again. */
    protected abstract void handle(SqsMessage message);

    private SQSBatchResponse answer(List<SqsMessage> messages, Context context) {
        Log.requestId(context == null ? null : context.getAwsRequestId());
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SqsMessage message : messages) {
            try {
                handle(message);
            } catch (RuntimeException failed) {
                Log.error("message.failed", failed, "handler", getClass().getSimpleName(), "messageId", message.messageId());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.messageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
