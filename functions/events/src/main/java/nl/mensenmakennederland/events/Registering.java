package nl.mensenmakennederland.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import nl.mensenmakennederland.events.SeatLedger.Placement;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.EmailAddress;
import nl.mensenmakennederland.shared.IdempotencyKeys;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Signing up for an event: reads the event, lets the {@link SeatLedger} place the newcomer, and
 * has the {@link RegistrationStore} write the registration, its mail and the answer for its
 * Idempotency-Key in one transaction. A write that lost a race for the same seats is retried
 * from the event as the refusal showed it; one that keeps losing is answered busy, having
 * written nothing. Once the write committed, the answer says so, whatever fails after it.
 */
public final class Registering {

    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    /** The answer to a registration, as the website receives it (and a retry receives it again). */
    public record Registered(String registrationId, String eventId, String status, Integer waitlistPosition,
                             int seats, String manageUrl) {}

    /** What signing up came to. */
    public sealed interface Outcome {}

    public record Confirmed(Registered answer) implements Outcome {}

    /** On the waiting list; {@code promoted}: those ahead in line who moved up into seats owed to them meanwhile. */
    public record Waitlisted(Registered answer, int promoted) implements Outcome {}

    /** The same request (same Idempotency-Key, same form) was answered before: that answer again. */
    public record AnsweredBefore(Registered answer) implements Outcome {}

    /** This address is already registered for the event. */
    public record AlreadyRegistered() implements Outcome {}

    /** No seats left and no waiting list. */
    public record Full() implements Outcome {}

    /** Registration for the event has closed. */
    public record Closed() implements Outcome {}

    public record NoSuchEvent() implements Outcome {}

    /** More seats asked than the event allows per registration. */
    public record TooManySeats(int maxPerRegistration) implements Outcome {}

    /** The Idempotency-Key was used before for a different registration. */
    public record KeyReused() implements Outcome {}

    /** Every attempt lost a race with other sign-ups; nothing was written. */
    public record Busy() implements Outcome {}

    private final EventStore events;
    private final RegistrationStore registrations;
    private final ManageLinks links;
    private final RegistrationMails mails;
    private final WaitingLine waitingLine;
    private final Clock clock;
    private final ConflictRetry retry;

    public Registering(EventStore events, RegistrationStore registrations, ManageLinks links, RegistrationMails mails,
                       WaitingLine waitingLine, Clock clock, ConflictRetry retry) {
        this.events = events;
        this.registrations = registrations;
        this.links = links;
        this.mails = mails;
        this.waitingLine = waitingLine;
        this.clock = clock;
        this.retry = retry;
    }

    public Outcome register(String eventId, RegistrationForm form, Optional<String> idempotencyKey) {
        Optional<IdempotencyKeys.Request> keyed = idempotencyKey.map(key -> IdempotencyKeys.request(eventId, key,
                eventId, EmailAddress.normalized(form.email()), form.name(), String.valueOf(form.organisation()),
                String.valueOf(form.municipality()), Integer.toString(form.seats())));
        if (keyed.isPresent()) {
            Optional<Outcome> earlier = earlierAnswer(keyed.get());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<String> fingerprints = links.fingerprints(form.email());
        String registrationId = Ids.random();
        Optional<Event> refusedWith = Optional.empty(); // the event as the ledger's last refusal showed it
        for (ConflictRetry.Attempts attempts = retry.attempts(); attempts.another(); ) {
            Optional<Event> found = refusedWith.isPresent() ? refusedWith : events.find(eventId);
            if (found.isEmpty()) {
                return new NoSuchEvent();
            }
            Event event = found.get();
            Instant now = clock.instant();
            if (!event.registrationOpen(now)) {
                return new Closed();
            }
            if (form.seats() > event.maxSeatsPerRegistration()) {
                return new TooManySeats(event.maxSeatsPerRegistration());
            }
            RegistrationStatus status;
            switch (event.seats().place(form.seats(), event.waitlistEnabled())) {
                case Placement.Full full -> {
                    return new Full();
                }
                case Placement.Confirmed confirmed -> status = RegistrationStatus.CONFIRMED;
                case Placement.Waitlisted waitlisted -> status = RegistrationStatus.WAITLISTED;
            }
            Registration registration = new Registration(registrationId, event.id(), status, form.seats(), form.name(),
                    form.email(), form.organisation(), form.municipality(), now);
            String manageUrl = links.url(registrationId, event);
            OutboxMail mail = mails.compose(status == RegistrationStatus.CONFIRMED
                    ? RegistrationMails.Kind.CONFIRMED : RegistrationMails.Kind.WAITLISTED,
                    registration, event, manageUrl, now);
            // Kept without the place in line: a repeat reads the place as it is then.
            Registered answer = new Registered(registrationId, eventId, status.code(), null, registration.seats(), manageUrl);
            Optional<IdempotencyKeys.Answer> keep = keyed.map(request -> new IdempotencyKeys.Answer(request,
                    Json.write(answer), now, now.plus(IDEMPOTENCY_WINDOW)));

            RegistrationStore.Result result = registrations.register(event, registration, fingerprints, mail, keep,
                    links.expiresAt(event));
            switch (result.outcome()) {
                case COMMITTED -> {
                    Log.info("registration.created", "eventId", eventId, "registrationId", registrationId,
                            "status", status.code(), "seats", registration.seats());
                    if (status == RegistrationStatus.CONFIRMED) {
                        return new Confirmed(answer);
                    }
                    // Seats owed to the line by an earlier change: settled now, the newcomer queued behind.
                    int promoted = event.seats().promotionDue() ? waitingLine.promote(eventId) : 0;
                    return new Waitlisted(withPositionNow(answer), promoted);
                }
                case ALREADY_REGISTERED -> {
                    return new AlreadyRegistered();
                }
                case DUPLICATE_REQUEST -> { // the same key answered meanwhile
                    Optional<Outcome> earlier = earlierAnswer(keyed.orElseThrow());
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                    refusedWith = Optional.empty();
                }
                case LOST_RACE -> refusedWith = result.currentEvent();
            }
        }
        Log.warn("registration.busy", "eventId", eventId);
        return new Busy();
    }

    /** The answer given before to this request, or a refusal of its reused key; empty when the key is unused. */
    private Optional<Outcome> earlierAnswer(IdempotencyKeys.Request request) {
        return switch (registrations.answers().recall(request, clock.instant())) {
            case IdempotencyKeys.Unused unused -> Optional.empty();
            case IdempotencyKeys.Reused reused -> Optional.of(new KeyReused());
            case IdempotencyKeys.Answered answered -> {
                Registered earlier;
                try {
                    earlier = Json.MAPPER.readValue(answered.body(), Registered.class);
                } catch (IOException e) {
                    throw new UncheckedIOException("Stored answer unreadable", e);
                }
                yield Optional.of(new AnsweredBefore(earlier.status().equals(RegistrationStatus.WAITLISTED.code())
                        ? withPositionNow(earlier) : earlier));
            }
        };
    }

    /**
     * The answer with the place in line as it is now (commit order is line order, so it is known
     * only after the commit); none when it cannot be read: the registration stands, the manage
     * link shows it.
     */
    private Registered withPositionNow(Registered answer) {
        Integer position;
        try {
            position = events.find(answer.eventId()).flatMap(e -> {
                OptionalInt place = e.seats().positionOf(answer.registrationId());
                return place.isPresent() ? Optional.of(place.getAsInt()) : Optional.empty();
            }).orElse(null);
        } catch (SdkException unreadable) {
            Log.error("registration.position-unread", unreadable, "eventId", answer.eventId(),
                    "registrationId", answer.registrationId());
            position = null;
        }
        return new Registered(answer.registrationId(), answer.eventId(), answer.status(), position, answer.seats(),
                answer.manageUrl());
    }
}
