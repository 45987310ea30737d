package nl.mensenmakennederland.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.outbox.Outbox;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What admins do with events: create them, change them (capacity included), see who comes.
 * Each use case answers what happened; the handlers turn that into HTTP answers.
 */
public final class EventAdmin {

    /** What creating an event came to. */
    public sealed interface Creation {}

    public record Created(Event event) implements Creation {}

    /** The id is not one the site's links can carry. */
    public record IdMalformed() implements Creation {}

    public record IdTaken(String id) implements Creation {}

    /** What changing an event came to. */
    public sealed interface Change {}

    /** Changed: the event as it is now, after {@code promoted} from the waiting line moved up into new seats. */
    public record Changed(Event event, int promoted) implements Change {}

    public record NoSuchEvent() implements Change {}

    /** Capacity may not drop below the seats already confirmed. */
    public record CapacityBelowConfirmed(int confirmedSeats) implements Change {}

    /** The waiting list cannot be switched off while people wait on it. */
    public record WaitlistInUse(int waiting) implements Change {}

    /** Every attempt lost a race with other writes to the event; nothing was written. */
    public record Busy() implements Change {}

    private final EventStore events;
    private final RegistrationStore registrations;
    private final WaitingLine waitingLine;
    private final ConflictRetry retry;

    public EventAdmin(EventStore events, RegistrationStore registrations, WaitingLine waitingLine, ConflictRetry retry) {
        this.events = events;
        this.registrations = registrations;
        this.waitingLine = waitingLine;
        this.retry = retry;
    }

    /** Wired from a function's environment (template.yaml). */
    public static EventAdmin fromEnvironment() {
        Env env = Env.system();
        String table = env.required("EVENTS_TABLE");
        return new EventAdmin(new EventStore(AwsClients.dynamoDb(), table),
                new RegistrationStore(AwsClients.dynamoDb(), table, new Outbox(env.required("OUTBOX_TABLE"))),
                RegistrationDesk.fromEnvironment().waitingLine(), ConflictRetry.standard());
    }

    public Creation create(String id, EventForm form) {
        if (!EventStore.isValidId(id)) {
            return new IdMalformed();
        }
        Event event = form.toEvent(id);
        if (!events.create(event)) {
            return new IdTaken(id);
        }
        Log.info("event.created", "eventId", id, "capacity", form.capacity());
        return new Created(event);
    }

    /**
     * Changes an event. Capacity can go down to the seats already confirmed, not below; raising
     * it moves people up from the waiting line at once, or, when that does not get through, at
     * the event's next write ({@link WaitingLine#promote}): the change itself stands
     * and is answered with the event as it now is.
     */
    public Change change(String id, EventForm form) {
        Change change = retry.run(() -> attemptChange(id, form)).orElseGet(Busy::new);
        if (!(change instanceof Changed changed)) {
            return change;
        }
        Log.info("event.changed", "eventId", id, "capacity", form.capacity());
        int promoted = waitingLine.promote(id);
        try {
            return new Changed(events.find(id).orElse(changed.event()), promoted);
        } catch (SdkException unreadable) {
            Log.error("event.reread-failed", unreadable, "eventId", id);
            return new Changed(changed.event(), promoted);
        }
    }

    /** One compare-and-set attempt; empty when another write to the event came first. */
    private Optional<Change> attemptChange(String id, EventForm form) {
        Optional<Event> found = events.find(id);
        if (found.isEmpty()) {
            return Optional.of(new NoSuchEvent());
        }
        SeatLedger seats = found.get().seats();
        if (form.capacity() < seats.minimumCapacity()) {
            return Optional.of(new CapacityBelowConfirmed(seats.confirmedSeats()));
        }
        if (!form.waitlist() && seats.waitlistRequired()) {
            return Optional.of(new WaitlistInUse(seats.waitingCount()));
        }
        Event next = form.withDetails(id, seats.withCapacity(form.capacity()));
        return events.update(found.get(), next) ? Optional.of(new Changed(next, 0)) : Optional.empty();
    }

    /** The id of the next event to start, if any: for priming with a real event. */
    public Optional<String> nextEventId(Instant now) {
        return events.upcoming(now, Optional.empty()).stream().findFirst().map(Event::id);
    }

    public Optional<Event> find(String id) {
        return events.find(id);
    }

    public List<Registration> registrationsOf(String eventId) {
        return registrations.ofEvent(eventId);
    }
}
