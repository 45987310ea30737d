package nl.mensenmakennederland.testing;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Lambda's event source mapping from the outbox stream to the mailer, as template.yaml
 * configures it: new records ({@code INSERT}, its filter) in batches of {@code BatchSize}; a
 * batch whose handler reports a failed record is handed again from that record, up to
 * {@code MaximumRetryAttempts} times, after which the rest of that batch goes to the
 * dead-letter queue (its mails stay unsent in the outbox, for the sweeper) and the next batch
 * follows. Lambda waits between the retries; here they follow at once.
 */
public final class StreamEventSourceMapping {

    /** What one run of the mapping did: handler invocations, and records given up on (dead-lettered). */
    public record Run(int invocations, int deadLettered) {}

    private final OutboxStream stream;
    private final int batchSize;
    private final int maximumRetryAttempts;

    public StreamEventSourceMapping(LocalAws aws, String functionId) {
        SamTemplate.FunctionEvent source = aws.template().function(functionId).events().stream()
                .filter(event -> "DynamoDB".equals(event.type())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(functionId + " reads no DynamoDB stream"));
        this.stream = new OutboxStream(aws, "OutboxTable");
        this.batchSize = ((Number) source.properties().get("BatchSize")).intValue();
        this.maximumRetryAttempts = ((Number) source.properties().get("MaximumRetryAttempts")).intValue();
    }

    /** Hands everything written to the stream since the last run to {@code handler}. */
    public Run deliver(Function<DynamodbEvent, StreamsEventResponse> handler) {
        List<DynamodbEvent.DynamodbStreamRecord> inserts = stream.poll().getRecords().stream()
                .filter(record -> "INSERT".equals(record.getEventName())).toList();
        int invocations = 0;
        int deadLettered = 0;
        for (int start = 0; start < inserts.size(); start += batchSize) {
            List<DynamodbEvent.DynamodbStreamRecord> batch = new ArrayList<>(
                    inserts.subList(start, Math.min(start + batchSize, inserts.size())));
            for (int retries = 0; !batch.isEmpty(); retries++) {
                if (retries > maximumRetryAttempts) {
                    deadLettered += batch.size();
                    break;
                }
                DynamodbEvent event = new DynamodbEvent();
                event.setRecords(batch);
                invocations++;
                List<StreamsEventResponse.BatchItemFailure> failures = handler.apply(event).getBatchItemFailures();
                if (failures.isEmpty()) {
                    break;
                }
                String failed = failures.get(0).getItemIdentifier();
                batch = new ArrayList<>(batch.subList(indexOf(batch, failed), batch.size()));
            }
        }
        return new Run(invocations, deadLettered);
    }

    private static int indexOf(List<DynamodbEvent.DynamodbStreamRecord> batch, String sequenceNumber) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).getDynamodb().getSequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        throw new IllegalStateException("The handler reported a record not in its batch: " + sequenceNumber);
    }
}
