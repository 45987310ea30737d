package nl.mensenmakennederland.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A queue consumer for {@link SqsQueueSourceTest}: records every message body it gets and
 * reports a message as failed the first time it sees a body listed in {@link #FAIL_ONCE}.
 */
public final class RecordingQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static final List<String> BODIES = new CopyOnWriteArrayList<>();
    static final Set<String> FAIL_ONCE = ConcurrentHashMap.newKeySet();

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new CopyOnWriteArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            BODIES.add(message.getBody());
            if (FAIL_ONCE.remove(message.getBody())) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
