package nl.mensenmakennederland.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.events.RegistrationStore.Outcome;
import nl.mensenmakennederland.events.SeatLedger.Waiting;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.outbox.OutboxMail;

/**
 * The waiting line moving up into free seats, first come first served, each promotion with its
 * mail in the same transaction as the ledger's change.
 */
public final class WaitingLine {

    /** Keeps a transaction well under DynamoDB's 100 items (2 items per promotion). */
    static final int PROMOTIONS_PER_TRANSACTION = 25;

    private final EventStore events;
    private final RegistrationStore registrations;
    private final ManageLinks links;
    private final RegistrationMails mails;
    private final Clock clock;
    private final ConflictRetry retry;

    public WaitingLine(EventStore events, RegistrationStore registrations, ManageLinks links, RegistrationMails mails,
                       Clock clock, ConflictRetry retry) {
        this.events = events;
        this.registrations = registrations;
        this.links = links;
        this.mails = mails;
        this.clock = clock;
        this.retry = retry;
    }

    /**
     * Moves people up from the line for as long as seats are free; how many moved up. This runs
     * after a write has committed (more capacity; a cancellation that freed more seats than its
     * own transaction could promote; a registration that found seats owed), so it must not fail
     * or deny that write: when every retry loses, or AWS refuses, it logs and gives up, and the
     * write is answered as done.
     *
     * <p>Giving up loses nothing, because the debt is written down where every writer looks: the
     * ledger itself shows free seats and a line whose first fits ({@link SeatLedger#promotionDue()}).
     * Those seats stay the line's (a newcomer joins the line behind it, {@link SeatLedger#place}),
     * and the event's next write settles them: a cancellation promotes in its own transaction
     * from the ledger as it is, and a registration or capacity change that finds promotions due
     * runs this again. Losing every retry means other writes to the same event keep committing,
     * so that next write is seldom far away.
     */
    public int promote(String eventId) {
        int promoted = 0;
        try {
            int batch;
            do {
                Optional<Integer> moved = retry.run(() -> promoteBatch(eventId));
                if (moved.isEmpty()) {
                    Log.warn("waitlist.promotion-deferred", "eventId", eventId, "reason", "busy");
                    return promoted;
                }
                batch = moved.get();
                promoted += batch;
            } while (batch == PROMOTIONS_PER_TRANSACTION);
        } catch (RuntimeException refused) {
            Log.error("waitlist.promotion-deferred", refused, "eventId", eventId);
        }
        return promoted;
    }

    /** Promotes the front of the line in one transaction: how many moved up; empty when it lost a race. */
    private Optional<Integer> promoteBatch(String eventId) {
        Optional<Event> found = events.find(eventId);
        if (found.isEmpty()) {
            return Optional.of(0);
        }
        Event event = found.get();
        List<Waiting> promoted = event.seats().promotable(PROMOTIONS_PER_TRANSACTION);
        if (promoted.isEmpty()) {
            return Optional.of(0);
        }
        Instant now = clock.instant();
        Optional<List<OutboxMail>> outgoing = promotionMails(event, promoted, now);
        if (outgoing.isEmpty() || registrations.promote(event, event.seats().promote(promoted), promoted,
                outgoing.get(), now) != Outcome.COMMITTED) {
            return Optional.empty();
        }
        Log.info("waitlist.promoted", "eventId", eventId, "promoted", promoted.size());
        return Optional.of(promoted.size());
    }

    /**
     * The mails for those moving up; empty when one of them left the line meanwhile (cancelled
     * at the same moment), which makes the caller start over from a fresh read.
     */
    Optional<List<OutboxMail>> promotionMails(Event event, List<Waiting> promoted, Instant now) {
        Map<String, Registration> people = registrations.findAll(promoted.stream().map(Waiting::registrationId).toList());
        List<OutboxMail> outgoing = new ArrayList<>();
        for (Waiting waiting : promoted) {
            Registration registration = people.get(waiting.registrationId());
            if (registration == null || registration.status() != RegistrationStatus.WAITLISTED) {
                return Optional.empty();
            }
            outgoing.add(mails.compose(RegistrationMails.Kind.PROMOTED, registration, event,
                    links.url(registration.id(), event), now));
        }
        return Optional.of(outgoing);
    }
}
