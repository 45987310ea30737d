package nl.mensenmakennederland.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stream consumer for {@link DynamoDbStreamSourceTest}: records every batch it gets and
 * reports a record as failed the first time it sees an item whose {@code pk} is listed in
 * {@link #FAIL_ONCE}.
 */
public final class RecordingStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    static final List<List<DynamodbEvent.DynamodbStreamRecord>> BATCHES = new CopyOnWriteArrayList<>();
    static final Set<String> FAIL_ONCE = ConcurrentHashMap.newKeySet();

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        BATCHES.add(List.copyOf(event.getRecords()));
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            if (FAIL_ONCE.remove(record.getDynamodb().getKeys().get("pk").getS())) {
                return StreamsEventResponse.builder().withBatchItemFailures(List.of(
                        new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()))).build();
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }
}
