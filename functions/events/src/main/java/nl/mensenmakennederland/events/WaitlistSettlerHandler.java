package nl.mensenmakennederland.events;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.Metrics;
import nl.mensenmakennederland.shared.Metrics.Metric;
import nl.mensenmakennederland.shared.trigger.ScheduledHandler;

/**
 * Every quarter of an hour, gives the waiting line the seats a busy moment left owed to it.
 * A cancellation or capacity change that committed but could not promote in time leaves the
 * debt on the ledger ({@link SeatLedger#promotionDue()}); the event's next write settles it,
 * and this makes sure that happens even when nobody writes to that event again.
 */
public final class WaitlistSettlerHandler extends ScheduledHandler<Map<String, Integer>> {

    private final EventStore events;
    private final WaitingLine waitingLine;
    private final Clock clock;

    public WaitlistSettlerHandler() {
        this(new EventStore(AwsClients.dynamoDb(), Env.system().required("EVENTS_TABLE")), RegistrationDesk.fromEnvironment().waitingLine(),
                Clock.systemUTC());
        primeOnCheckpoint();
    }

    public WaitlistSettlerHandler(EventStore events, WaitingLine waitingLine, Clock clock) {
        this.events = events;
        this.waitingLine = waitingLine;
        this.clock = clock;
    }

    /** For SnapStart priming: the read of the upcoming events and the promotion mails composed; nothing is promoted. */
    @Override
    protected void rehearse() {
        owing();
        RegistrationRehearsal.mails();
    }

    @Override
    protected Map<String, Integer> run() {
        List<Event> owing = owing();
        int promoted = owing.stream().mapToInt(event -> waitingLine.promote(event.id())).sum();
        Metrics.count(Metric.WAITLIST_PROMOTED, promoted);
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
