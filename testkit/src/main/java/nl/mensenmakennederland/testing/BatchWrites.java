package nl.mensenmakennederland.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Items put in bulk: BatchWriteItem of 25 at a time from a few writers at once, unprocessed
 * items sent again. For tests and measurements that need tens of thousands of items a job's
 * own writes (one transaction each) would take far longer to make on an emulator.
 */
public final class BatchWrites {

    /** The most items one BatchWriteItem takes. */
    static final int BATCH = 25;

    private final DynamoDbClient dynamo;
    private final int writers;

    public BatchWrites(DynamoDbClient dynamo, int writers) {
        this.dynamo = dynamo;
        this.writers = writers;
    }

    public void put(String table, List<Map<String, AttributeValue>> items) {
        List<Future<?>> batches = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(writers)) {
            for (int from = 0; from < items.size(); from += BATCH) {
                List<WriteRequest> batch = items.subList(from, Math.min(items.size(), from + BATCH)).stream()
                        .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                        .toList();
                batches.add(threads.submit(() -> write(table, batch)));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing", interrupted);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
        }
    }

    private void write(String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> sending = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(sending));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }
}
