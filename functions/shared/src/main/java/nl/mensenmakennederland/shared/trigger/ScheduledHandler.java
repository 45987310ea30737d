package nl.mensenmakennederland.shared.trigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Log;

/**
 * Base of a function on a schedule, as {@code HttpHandler} is of a route: the subclass says
 * what one run does ({@link #run()}) and what priming may do without changing anything
 * ({@link PrimedHandler#rehearse()}); this reads nothing of the schedule's event (it says nothing a run
 * needs, and the runtime's serializer for it would cost a fresh environment hundreds of ms),
 * sets the request id for the logs and writes the run's summary as the answer.
 *
 * @param <R> the run's summary, written as JSON (counts, never personal data)
 */
public abstract class ScheduledHandler<R> extends PrimedHandler implements RequestHandler<ScheduledEvent, R>, RequestStreamHandler {

    /** What Lambda calls (the runtime prefers the stream overload): the event is not even read. */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.MAPPER.writeValue(output, handleRequest((ScheduledEvent) null, context));
    }

    /** The same, for tests and the local runner, which hand over the event as an object. */
    @Override
    public final R handleRequest(ScheduledEvent event, Context context) {
        Log.requestId(context == null ? null : context.getAwsRequestId());
        return run();
    }

    /** One run of the schedule. */
    protected abstract R run();
}
