package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.Priming;

/**
 * Every quarter of an hour, gives the waiting line the seats a busy moment left owed to it.
 * A cancellation or capacity change that committed but could not promote in time leaves the
 * debt on the ledger ({@link SeatLedger#promotionDue()}); the event's next write settles it,
 * and this makes sure that happens even when nobody writes to that event again.
 */
public final class WaitlistSettlerHandler implements RequestHandler<ScheduledEvent, Map<String, Integer>>, RequestStreamHandler {

    private final EventStore events;
    private final RegistrationDesk desk;
    private final Clock clock;

    public WaitlistSettlerHandler() {
        this(new EventStore(AwsClients.dynamoDb(), Env.system().required("EVENTS_TABLE")), RegistrationDesk.fromEnvironment(),
                Clock.systemUTC());
        Priming.beforeCheckpoint(WaitlistSettlerHandler.class, this::prime);
    }

    public WaitlistSettlerHandler(EventStore events, RegistrationDesk desk, Clock clock) {
        this.events = events;
        this.desk = desk;
        this.clock = clock;
    }

    /** What SnapStart priming runs: the SDK's warm-up and the read of the upcoming events; nothing is promoted. */
    public void prime() {
        AwsClients.warmUpBuilt();
        owing();
    }

    /** What Lambda calls: the schedule's event says nothing the settling needs, so it is not read. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.MAPPER.writeValue(output, settle(context));
    }

    /** The same, for tests and the local runner. */
    @Override
    public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
        return settle(context);
    }

    private Map<String, Integer> settle(Context context) {
        Log.requestId(context == null ? null : context.getAwsRequestId());
        List<Event> owing = owing();
        owing.forEach(event -> desk.promoteWaiting(event.id()));
        int settled = (int) owing.stream().map(event -> events.find(event.id()))
                .filter(now -> now.isPresent() && !now.get().seats().promotionDue()).count();
        Log.info("waitlist.settled", "owing", owing.size(), "settled", settled);
        return Map.of("owing", owing.size(), "settled", settled);
    }

    /** Upcoming events whose line is owed seats; those that have started no longer matter. */
    private List<Event> owing() {
        return events.upcoming(clock.instant(), Optional.empty()).stream().filter(e -> e.seats().promotionDue()).toList();
    }
}
