package nl.mensenmakennederland.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.outbox.Outbox;
import software.amazon.awssdk.core.exception.SdkException;

/** What admins do with events: create them, change them (capacity included), see who comes. */
public final class EventAdmin {

    private final EventStore events;
    private final RegistrationStore registrations;
    private final RegistrationDesk desk;
    private final ConflictRetry retry;

    public EventAdmin(EventStore events, RegistrationStore registrations, RegistrationDesk desk, ConflictRetry retry) {
        this.events = events;
        this.registrations = registrations;
        this.desk = desk;
        this.retry = retry;
    }

    /** Wired from a function's environment (template.yaml). */
    public static EventAdmin fromEnvironment() {
        Env env = Env.system();
        String table = env.required("EVENTS_TABLE");
        return new EventAdmin(new EventStore(AwsClients.dynamoDb(), table),
                new RegistrationStore(AwsClients.dynamoDb(), table, new Outbox(env.required("OUTBOX_TABLE"))),
                RegistrationDesk.fromEnvironment(), ConflictRetry.standard());
    }

    public Event create(String id, EventForm form) {
        if (!EventStore.isValidId(id)) {
            throw Problem.invalid("Ongeldige code", List.of(new Problem.FieldError("id",
                    "Gebruik kleine letters, cijfers en streepjes, zoals kb-2027-01-12-vrijwilligers-werven.")));
        }
        Event event = form.toEvent(id);
        if (!events.create(event)) {
            throw Problem.conflict("Bestaat al", "Er is al een activiteit met de code " + id + ".");
        }
        Log.info("event.created", "eventId", id, "capacity", form.capacity());
        return event;
    }

    /**
     * Changes an event. Capacity can go down to the seats already confirmed, not below; raising
     * it moves people up from the waiting line at once, or, when that does not get through, at
     * the event's next write ({@link RegistrationDesk#promoteWaiting}): the change itself stands
     * and is answered with the event as it now is.
     */
    public Event change(String id, EventForm form) {
        Event changed = retry.run(() -> {
            Event read = events.find(id).orElseThrow(() -> Problem.notFound("Deze activiteit bestaat niet (meer)."));
            if (form.capacity() < read.seats().confirmedSeats()) {
                throw Problem.conflict("Capaciteit te laag", "Er zijn al " + read.seats().confirmedSeats()
                        + " plaatsen bevestigd; de capaciteit kan niet lager worden. Annuleer eerst aanmeldingen.");
            }
            if (!form.waitlist() && read.seats().waitingCount() > 0) {
                throw Problem.conflict("Wachtlijst in gebruik", "Er staan " + read.seats().waitingCount()
                        + " mensen op de wachtlijst; die kan nu niet uit.");
            }
            Event next = form.withDetails(id, read.seats().withCapacity(form.capacity()));
            return events.update(read, next) ? Optional.of(next) : Optional.<Event>empty();
        }).orElseThrow(() -> Problem.busy(2));
        Log.info("event.changed", "eventId", id, "capacity", form.capacity());
        desk.promoteWaiting(id);
        try {
            return events.find(id).orElse(changed);
        } catch (SdkException unreadable) {
            Log.error("event.reread-failed", unreadable, "eventId", id);
            return changed;
        }
    }

    /** The id of the next event to start, if any: for priming with a real event. */
    public Optional<String> nextEventId(Instant now) {
        return events.upcoming(now, Optional.empty()).stream().findFirst().map(Event::id);
    }

    public Event find(String id) {
        return events.find(id).orElseThrow(() -> Problem.notFound("Deze activiteit bestaat niet (meer)."));
    }

    public List<Registration> registrationsOf(String eventId) {
        return registrations.ofEvent(eventId);
    }
}
