package nl.mensenmakennederland.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.mensenmakennederland.events.SeatLedger.Waiting;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.outbox.OutboxMail;

/**
 * A registrant cancelling through the manage link: frees the seats or the place in line, erases
 * the personal data, and moves the line up into the freed seats in the same transaction.
 * Cancelling again answers the same and changes nothing.
 */
public final class Cancelling {

    /** What cancelling came to; a refused link or unknown registration are {@link ManageLinks}' outcomes. */
    public sealed interface Outcome permits Cancelled, AlreadyCancelled, NoSuchEvent, Busy,
            ManageLinks.Refused, ManageLinks.NoSuchRegistration {}

    /** Cancelled now; {@code promoted}: how many moved up from the line into the freed seats. */
    public record Cancelled(int promoted) implements Outcome {}

    /** Cancelled before (a repeated request, or a simultaneous one that came first): nothing changed. */
    public record AlreadyCancelled() implements Outcome {}

    /** The registration's event is gone. */
    public record NoSuchEvent() implements Outcome {}

    /** Every attempt lost a race with other writes to the event; nothing was written. */
    public record Busy() implements Outcome {}

    private final EventStore events;
    private final RegistrationStore registrations;
    private final ManageLinks links;
    private final RegistrationMails mails;
    private final WaitingLine waitingLine;
    private final Clock clock;
    private final ConflictRetry retry;

    public Cancelling(EventStore events, RegistrationStore registrations, ManageLinks links, RegistrationMails mails,
                      WaitingLine waitingLine, Clock clock, ConflictRetry retry) {
        this.events = events;
        this.registrations = registrations;
        this.links = links;
        this.mails = mails;
        this.waitingLine = waitingLine;
        this.clock = clock;
        this.retry = retry;
    }

    public Outcome cancel(String registrationId, String token) {
        Optional<Registration> known; // the registration as last read: the link's read first, afresh on a retry
        switch (links.open(registrationId, token)) {
            case ManageLinks.Refused refused -> {
                return refused;
            }
            case ManageLinks.NoSuchRegistration none -> {
                return none;
            }
            case ManageLinks.Opened opened -> known = Optional.of(opened.registration());
        }
        for (ConflictRetry.Attempts attempts = retry.attempts(); attempts.another(); ) {
            Optional<Registration> found = known.isPresent() ? known : registrations.find(registrationId);
            known = Optional.empty();
            if (found.isEmpty()) {
                return new ManageLinks.NoSuchRegistration();
            }
            Registration registration = found.get();
            if (registration.status() == RegistrationStatus.CANCELLED) {
                return new AlreadyCancelled();
            }
            Optional<Event> event = events.find(registration.eventId());
            if (event.isEmpty()) {
                return new NoSuchEvent();
            }
            Optional<Integer> promoted = attempt(registration, event.get());
            if (promoted.isPresent()) {
                // A full batch may have left more seats free than one transaction could promote.
                int more = promoted.get() == WaitingLine.PROMOTIONS_PER_TRANSACTION ? waitingLine.promote(event.get().id()) : 0;
                return new Cancelled(promoted.get() + more);
            }
        }
        Log.warn("cancellation.busy", "registrationId", registrationId);
        return new Busy();
    }

    /** One attempt: how many its transaction promoted; empty when it lost a race. */
    private Optional<Integer> attempt(Registration registration, Event event) {
        Instant now = clock.instant();
        SeatLedger freed = registration.status() == RegistrationStatus.CONFIRMED
                ? event.seats().release(registration.seats()) : event.seats().leaveLine(registration.id());
        List<Waiting> promoted = freed.promotable(WaitingLine.PROMOTIONS_PER_TRANSACTION);
        Optional<List<OutboxMail>> promotionMails = waitingLine.promotionMails(event, promoted, now);
        if (promotionMails.isEmpty()) {
            return Optional.empty();
        }
        List<OutboxMail> outgoing = new ArrayList<>();
        outgoing.add(mails.compose(registration.status() == RegistrationStatus.CONFIRMED
                ? RegistrationMails.Kind.CANCELLED : RegistrationMails.Kind.WAITLIST_LEFT, registration, event, null, now));
        outgoing.addAll(promotionMails.get());

        RegistrationStore.Outcome written = registrations.cancel(event, freed.promote(promoted), registration,
                links.fingerprints(registration.email()), promoted, outgoing, now);
        if (written != RegistrationStore.Outcome.COMMITTED) {
            return Optional.empty();
        }
        Log.info("registration.cancelled", "eventId", event.id(), "registrationId", registration.id(),
                "seatsFreed", registration.status() == RegistrationStatus.CONFIRMED ? registration.seats() : 0,
                "promoted", promoted.size());
        return Optional.of(promoted.size());
    }
}
