package nl.mensenmakennederland.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.testing.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A function's {@code Type: DynamoDB} event source, run as Lambda's event source mapping runs
 * it: polls the table's stream a few times a second, drops records its {@code FilterCriteria}
 * do not match, invokes the function with batches of at most {@code BatchSize} records in
 * order, and on failure retries the batch (from the first failed record when the function
 * reports {@code batchItemFailures}) before moving on.
 *
 * <p>Lambda retries until the records expire (a day) unless {@code MaximumRetryAttempts} says
 * otherwise; locally a function that keeps failing would block its stream, so without that
 * setting the runner gives up after {@value #LOCAL_RETRY_ATTEMPTS} retries.
 */
final class DynamoDbStreamSource implements AutoCloseable {

    static final int LOCAL_RETRY_ATTEMPTS = 3;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final LocalFunction function;
    private final String table;
    private final int batchSize;
    private final ShardIteratorType startingPosition;
    private final List<EventPattern> filters;
    private final boolean reportsItemFailures;
    private final int maxRetries;
    private final Duration retryDelay;
    private final DynamoDbClient dynamo;
    private final DynamoDbStreamsClient streams;
    // Stopping wakes a pause but never interrupts a request in flight: a request cut off halfway
    // would leave the one-at-a-time emulator waiting for the rest of it.
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread poller;

    DynamoDbStreamSource(LocalFunction function, SamTemplate.FunctionEvent event, SamTemplate template,
                         DynamoDbClient dynamo, DynamoDbStreamsClient streams, Duration retryDelay) {
        Map<String, Object> p = event.properties();
        this.function = function;
        this.table = template.physicalName(streamTable(p.get("Stream"), function.name()));
        this.batchSize = p.get("BatchSize") instanceof Number n ? n.intValue() : 100;
        this.startingPosition = ShardIteratorType.fromValue(String.valueOf(p.getOrDefault("StartingPosition", "TRIM_HORIZON")));
        this.filters = new ArrayList<>();
        for (Object filter : p.get("FilterCriteria") instanceof Map<?, ?> criteria && criteria.get("Filters") instanceof List<?> list
                ? list : List.of()) {
            filters.add(EventPattern.parse(String.valueOf(HttpApiRoutes.asMap(filter).get("Pattern"))));
        }
        this.reportsItemFailures = p.get("FunctionResponseTypes") instanceof List<?> types
                && types.contains("ReportBatchItemFailures");
        this.maxRetries = p.get("MaximumRetryAttempts") instanceof Number n && n.intValue() >= 0 ? n.intValue() : LOCAL_RETRY_ATTEMPTS;
        this.retryDelay = retryDelay;
        this.dynamo = dynamo;
        this.streams = streams;
    }

    String description() {
        return function.name() + " <- stream of " + table + (filters.isEmpty() ? "" : " (filtered)");
    }

    /** {@code Stream: !GetAtt Table.StreamArn} names the table; nothing else can be followed locally. */
    private static String streamTable(Object stream, String functionName) {
        Object getAtt = HttpApiRoutes.asMap(stream).get("Fn::GetAtt");
        String target = getAtt instanceof List<?> parts ? parts.get(0) + "." + parts.get(1) : String.valueOf(getAtt);
        if (getAtt == null || !target.endsWith(".StreamArn")) {
            throw new IllegalStateException("The DynamoDB event of " + functionName
                    + " must name its stream as !GetAtt <Table>.StreamArn to run locally");
        }
        return target.substring(0, target.length() - ".StreamArn".length());
    }

    void start() {
        String streamArn = dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException("Table " + table + " has no stream, but " + function.name() + " listens to it");
        }
        poller = Thread.ofVirtual().name("stream-" + function.name()).start(() -> poll(streamArn));
    }

    private void poll(String streamArn) {
        Map<String, String> iterators = new HashMap<>();
        while (stopping.getCount() > 0) {
            try {
                for (Shard shard : streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
                    iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(r -> r.streamArn(streamArn)
                            .shardId(id).shardIteratorType(startingPosition)).shardIterator());
                }
                boolean busy = false;
                for (Map.Entry<String, String> shard : iterators.entrySet()) {
                    if (shard.getValue() == null) {
                        continue;
                    }
                    GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(shard.getValue()).limit(batchSize));
                    shard.setValue(page.nextShardIterator());
                    busy |= !page.records().isEmpty();
                    deliver(page.records(), streamArn);
                }
                if (!busy) {
                    pause(POLL_INTERVAL);
                }
            } catch (RuntimeException error) {
                if (stopping.getCount() > 0) {
                    Log.error("local.stream.poll.failed", error, "function", function.name());
                    pause(POLL_INTERVAL.multipliedBy(4));
                }
            }
        }
    }

    private void deliver(List<Record> records, String streamArn) {
        List<ObjectNode> batch = new ArrayList<>();
        for (Record record : records) {
            ObjectNode json = StreamRecordJson.of(record, streamArn);
            if (filters.isEmpty() || filters.stream().anyMatch(f -> f.matches(json))) {
                batch.add(json);
            }
        }
        for (int attempt = 0; !batch.isEmpty(); attempt++) {
            int failedFrom = invoke(batch);
            if (failedFrom < 0) {
                return;
            }
            if (attempt >= maxRetries) {
                Log.warn("local.stream.records.dropped", "function", function.name(), "records", batch.size() - failedFrom,
                        "attempts", attempt + 1);
                return;
            }
            batch = new ArrayList<>(batch.subList(failedFrom, batch.size()));
            if (pause(retryDelay.multipliedBy(1L << Math.min(attempt, 4)))) {
                return;
            }
        }
    }

    /** Invokes with one batch; -1 when all went well, else the index of the first record to retry. */
    private int invoke(List<ObjectNode> batch) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ArrayNode list = event.putArray("Records");
        batch.forEach(list::add);
        String result;
        try {
            result = function.invoke(Json.write(event));
        } catch (RuntimeException error) {
            Log.error("local.stream.invoke.failed", error, "function", function.name(), "records", batch.size());
            return 0;
        }
        if (!reportsItemFailures) {
            return -1;
        }
        return firstFailure(result, batch);
    }

    private static int firstFailure(String result, List<ObjectNode> batch) {
        JsonNode failures;
        try {
            failures = Json.MAPPER.readTree(result).path("batchItemFailures");
        } catch (IOException e) {
            return 0;
        }
        int first = -1;
        for (JsonNode failure : failures) {
            String sequence = failure.path("itemIdentifier").asText();
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).path("dynamodb").path("SequenceNumber").asText().equals(sequence) && (first < 0 || i < first)) {
                    first = i;
                }
            }
            if (first < 0) {
                return 0; // an identifier Lambda cannot place fails the whole batch
            }
        }
        return first;
    }

    /** Waits, unless the source is stopping; true when it is. */
    private boolean pause(Duration duration) {
        try {
            return stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping.countDown();
        if (poller != null) {
            poller.join(Duration.ofSeconds(10));
        }
    }
}
