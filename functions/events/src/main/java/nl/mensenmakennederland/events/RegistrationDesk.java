package nl.mensenmakennederland.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import nl.mensenmakennederland.events.RegistrationStore.IdempotentAnswer;
import nl.mensenmakennederland.events.RegistrationStore.Outcome;
import nl.mensenmakennederland.events.SeatLedger.Placement;
import nl.mensenmakennederland.events.SeatLedger.Waiting;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.EmailAddress;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Hmac;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.Metrics;
import nl.mensenmakennederland.shared.Metrics.Metric;
import nl.mensenmakennederland.shared.SigningKey;
import nl.mensenmakennederland.shared.SigningKeys;
import nl.mensenmakennederland.shared.UtcTime;
import nl.mensenmakennederland.shared.http.Problem.FieldError;
import nl.mensenmakennederland.shared.http.Problem;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Signing up, looking up and cancelling: reads the event, lets the {@link SeatLedger} decide,
 * and has the {@link RegistrationStore} write the outcome in one transaction. A write that
 * lost a race for the same seats is retried from a fresh read; one that keeps losing answers
 * 503 having written nothing. Once a write committed, the answer says so, whatever fails after
 * it (see {@link #promoteWaiting}).
 */
public final class RegistrationDesk {

    /** Keeps a cancellation's transaction well under DynamoDB's 100 items (2 items per promotion). */
    static final int PROMOTIONS_PER_TRANSACTION = 25;
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    /** The answer to a registration, as the website receives it (and a retry receives it again). */
    public record Registered(String registrationId, String eventId, String status, Integer waitlistPosition,
                             int seats, String manageUrl) {}

    /** A committed cancellation, and whether the line may move up further than its own transaction took it. */
    private record Cancelled(String eventId, boolean lineMayMoveOn) {}

    /** A registration as its owner sees it through the manage link. */
    public record RegistrationView(String registrationId, String status, int seats, Integer waitlistPosition,
                                   String name, String email, String organisation, String municipality,
                                   String createdAt, EventSummary event) {}

    public record EventSummary(String id, String title, String startsAt, String endsAt, String location,
                               boolean online, String onlineUrl) {}

    private final EventStore events;
    private final RegistrationStore registrations;
    private final Supplier<SigningKeys> keys;
    private final Clock clock;
    private final ConflictRetry retry;
    private final String siteOrigin;
    private final Duration retention;
    private final RegistrationMails mails;

    public RegistrationDesk(EventStore events, RegistrationStore registrations, Supplier<SigningKeys> keys, Clock clock,
                            ConflictRetry retry, String siteOrigin, Duration retention, RegistrationMails mails) {
        this.events = events;
        this.registrations = registrations;
        this.keys = keys;
        this.clock = clock;
        this.retry = retry;
        this.siteOrigin = siteOrigin;
        this.retention = retention;
        this.mails = mails;
    }

    /** The desk as a function's environment (template.yaml) configures it. */
    public static RegistrationDesk fromEnvironment() {
        Env env = Env.system();
        return new RegistrationDesk(
                new EventStore(AwsClients.dynamoDb(), env.required("EVENTS_TABLE")),
                new RegistrationStore(AwsClients.dynamoDb(), env.required("EVENTS_TABLE"), new Outbox(env.required("OUTBOX_TABLE"))),
                SigningKey.fromEnvironment(),
                Clock.systemUTC(),
                ConflictRetry.standard(),
                env.required("SITE_ORIGIN"),
                Duration.ofDays(env.integer("RETENTION_DAYS", 90)),
                new RegistrationMails(env.required("SENDER_ADDRESS")));
    }

    public Registered register(String eventId, RegistrationForm form, Optional<String> idempotencyKey) {
        Optional<String> keyHash = idempotencyKey.map(key -> sha256(eventId + "\n" + key));
        String requestHash = sha256(String.join("\n", eventId, EmailAddress.normalized(form.email()), form.name(),
                String.valueOf(form.organisation()), String.valueOf(form.municipality()), Integer.toString(form.seats())));
        if (keyHash.isPresent()) {
            Optional<Registered> earlier = earlierAnswer(eventId, keyHash.get(), requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        SigningKeys signing = keys.get();
        List<String> fingerprints = fingerprints(signing, form.email());
        String registrationId = Ids.random();
        AtomicReference<Event> latest = new AtomicReference<>();
        return retry.run(() -> attemptRegistration(eventId, registrationId, form, fingerprints, signing.current(), keyHash,
                        requestHash, latest))
                .orElseThrow(() -> {
                    Log.warn("registration.busy", "eventId", eventId);
                    return Problem.busy(2);
                });
    }

    private Optional<Registered> attemptRegistration(String eventId, String registrationId, RegistrationForm form,
                                                     List<String> fingerprints, Hmac hmac, Optional<String> keyHash,
                                                     String requestHash, AtomicReference<Event> latest) {
        Event known = latest.getAndSet(null);
        Event event = known != null ? known : events.find(eventId).orElseThrow(RegistrationDesk::unknownEvent);
        Instant now = clock.instant();
        if (!event.registrationOpen(now)) {
            Metrics.count(Metric.REGISTRATION_REFUSED_CLOSED);
            throw Problem.conflict("Aanmelden is gesloten", "De aanmelding voor deze activiteit is gesloten.");
        }
        if (form.seats() > event.maxSeatsPerRegistration()) {
            throw Problem.invalid("Te veel plaatsen", List.of(new FieldError("seats", event.maxSeatsPerRegistration() == 1
                    ? "Voor deze activiteit meld je alleen jezelf aan (1 plaats)."
                    : "Voor deze activiteit kun je maximaal " + event.maxSeatsPerRegistration() + " plaatsen reserveren.")));
        }
        Placement placement = event.seats().place(form.seats(), event.waitlistEnabled());
        RegistrationStatus status = switch (placement) {
            case Placement.Full full -> {
                Metrics.count(Metric.REGISTRATION_REFUSED_FULL);
                throw Problem.conflict("Vol",
                        "Deze activiteit is vol en heeft geen wachtlijst. Kijk in de agenda voor een andere datum.");
            }
            case Placement.Confirmed confirmed -> RegistrationStatus.CONFIRMED;
            case Placement.Waitlisted waitlisted -> RegistrationStatus.WAITLISTED;
        };
        Registration registration = new Registration(registrationId, event.id(), status, form.seats(), form.name(),
                form.email(), form.organisation(), form.municipality(), now);
        String manageUrl = manageUrl(registrationId, hmac, event);
        OutboxMail mail = mails.compose(status == RegistrationStatus.CONFIRMED
                ? RegistrationMails.Kind.CONFIRMED : RegistrationMails.Kind.WAITLISTED, registration, event, manageUrl, now);
        // The place in line is known once the line has it: commit order is line order.
        Supplier<Registered> answer = () -> new Registered(registrationId, eventId, status.code(),
                status == RegistrationStatus.WAITLISTED ? positionNow(eventId, registrationId) : null,
                registration.seats(), manageUrl);
        Optional<IdempotentAnswer> keep = keyHash.map(hash -> new IdempotentAnswer(hash, requestHash,
                Json.write(new Registered(registrationId, eventId, status.code(), null, registration.seats(), manageUrl)),
                now, now.plus(IDEMPOTENCY_WINDOW)));

        RegistrationStore.Result result = registrations.register(event, registration, fingerprints, mail, keep,
                expiresAt(event));
        return switch (result.outcome()) {
            case COMMITTED -> {
                Log.info("registration.created", "eventId", eventId, "registrationId", registrationId,
                        "status", status.code(), "seats", registration.seats());
                Metrics.count(status == RegistrationStatus.CONFIRMED
                        ? Metric.REGISTRATION_CONFIRMED : Metric.REGISTRATION_WAITLISTED);
                if (event.seats().promotionDue()) {
                    promoteWaiting(eventId); // owed by an earlier change; the newcomer queued behind
                }
                yield Optional.of(answer.get());
            }
            case ALREADY_REGISTERED -> {
                Metrics.count(Metric.REGISTRATION_REFUSED_DUPLICATE);
                throw Problem.conflict("Al aangemeld",
                        "Met dit e-mailadres is al iemand aangemeld voor deze activiteit. In de bevestigingsmail staat "
                                + "de link om die aanmelding te bekijken of te annuleren.");
            }
            case DUPLICATE_REQUEST -> earlierAnswer(eventId, keyHash.orElseThrow(), requestHash);
            case LOST_RACE -> {
                result.currentEvent().ifPresent(latest::set);
                yield Optional.empty();
            }
        };
    }

    /** The place in line now; none when it cannot be read (the registration stands, the manage link shows it). */
    private Integer positionNow(String eventId, String registrationId) {
        try {
            return events.find(eventId).flatMap(e -> {
                OptionalInt position = e.seats().positionOf(registrationId);
                return position.isPresent() ? Optional.of(position.getAsInt()) : Optional.empty();
            }).orElse(null);
        } catch (SdkException unreadable) {
            Log.error("registration.position-unread", unreadable, "eventId", eventId, "registrationId", registrationId);
            return null;
        }
    }

    private Optional<Registered> earlierAnswer(String eventId, String keyHash, String requestHash) {
        return registrations.storedResponse(eventId, keyHash, clock.instant()).map(stored -> {
            if (!stored.requestHash().equals(requestHash)) {
                throw Problem.invalid("Idempotency-Key al gebruikt", List.of(new FieldError("Idempotency-Key",
                        "Deze sleutel hoort bij een andere aanmelding. Gebruik voor elke nieuwe aanmelding een nieuwe sleutel.")));
            }
            Registered earlier;
            try {
                earlier = Json.MAPPER.readValue(stored.body(), Registered.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Stored answer unreadable", e);
            }
            return earlier.status().equals(RegistrationStatus.WAITLISTED.code())
                    ? new Registered(earlier.registrationId(), earlier.eventId(), earlier.status(),
                            positionNow(eventId, earlier.registrationId()), earlier.seats(), earlier.manageUrl())
                    : earlier;
        });
    }

    public RegistrationView view(String registrationId, String token) {
        Registration registration = authorized(registrationId, token);
        Event event = events.find(registration.eventId()).orElseThrow(RegistrationDesk::unknownEvent);
        OptionalInt position = event.seats().positionOf(registration.id());
        boolean confirmed = registration.status() == RegistrationStatus.CONFIRMED;
        return new RegistrationView(registration.id(), registration.status().code(), registration.seats(),
                position.isPresent() ? position.getAsInt() : null,
                registration.name(), registration.email(), registration.organisation(), registration.municipality(),
                UtcTime.format(registration.createdAt()),
                new EventSummary(event.id(), event.title(), UtcTime.format(event.startsAt()), UtcTime.format(event.endsAt()),
                        event.location(), event.online(), confirmed ? event.onlineUrl() : null));
    }

    /** Cancels; cancelling again answers the same and changes nothing. */
    public void cancel(String registrationId, String token) {
        Registration registration = authorized(registrationId, token);
        if (registration.status() == RegistrationStatus.CANCELLED) {
            return;
        }
        // The first attempt uses the registration just read; a retry reads it afresh.
        AtomicReference<Registration> known = new AtomicReference<>(registration);
        Cancelled cancelled = retry.run(() -> attemptCancellation(Optional.ofNullable(known.getAndSet(null)).orElseGet(() ->
                registrations.find(registrationId).orElseThrow(RegistrationDesk::unknownRegistration))))
                .orElseThrow(() -> {
                    Log.warn("cancellation.busy", "registrationId", registrationId);
                    return Problem.busy(2);
                });
        if (cancelled.lineMayMoveOn()) {
            promoteWaiting(cancelled.eventId());
        }
    }

    private Optional<Cancelled> attemptCancellation(Registration registration) {
        String registrationId = registration.id();
        if (registration.status() == RegistrationStatus.CANCELLED) {
            return Optional.of(new Cancelled(registration.eventId(), false));
        }
        Event event = events.find(registration.eventId()).orElseThrow(RegistrationDesk::unknownEvent);
        Instant now = clock.instant();
        SeatLedger freed = registration.status() == RegistrationStatus.CONFIRMED
                ? event.seats().release(registration.seats()) : event.seats().leaveLine(registrationId);
        List<Waiting> promoted = freed.promotable(PROMOTIONS_PER_TRANSACTION);
        Optional<List<OutboxMail>> promotionMails = promotionMails(event, promoted, now);
        if (promotionMails.isEmpty()) {
            return Optional.empty();
        }
        List<OutboxMail> cancelMails = new ArrayList<>();
        cancelMails.add(mails.compose(registration.status() == RegistrationStatus.CONFIRMED
                ? RegistrationMails.Kind.CANCELLED : RegistrationMails.Kind.WAITLIST_LEFT, registration, event, null, now));
        cancelMails.addAll(promotionMails.get());
        List<String> fingerprints = fingerprints(keys.get(), registration.email());

        Outcome outcome = registrations.cancel(event, freed.promote(promoted), registration, fingerprints, promoted, cancelMails, now);
        if (outcome != Outcome.COMMITTED) {
            return Optional.empty();
        }
        Log.info("registration.cancelled", "eventId", event.id(), "registrationId", registrationId,
                "seatsFreed", registration.status() == RegistrationStatus.CONFIRMED ? registration.seats() : 0,
                "promoted", promoted.size());
        Metrics.count(Metric.REGISTRATION_CANCELLED);
        Metrics.count(Metric.WAITLIST_PROMOTED, promoted.size());
        return Optional.of(new Cancelled(event.id(), promoted.size() == PROMOTIONS_PER_TRANSACTION));
    }

    /**
     * Moves people up from the line for as long as seats are free. This runs after a write has
     * committed (more capacity; a cancellation that freed more seats than its own transaction
     * could promote; a registration that found seats owed), so it must not fail or deny that
     * write: when every retry loses, or AWS refuses, it logs and gives up, and the write is
     * answered as done.
     *
     * <p>Giving up loses nothing, because the debt is written down where every writer looks: the
     * ledger itself shows free seats and a line whose first fits ({@link SeatLedger#promotionDue()}).
     * Those seats stay the line's (a newcomer joins the line behind it, {@link SeatLedger#place}),
     * and the event's next write settles them: a cancellation promotes in its own transaction
     * from the ledger as it is, and a registration or capacity change that finds promotions due
     * runs this again. Losing every retry means other writes to the same event keep committing,
     * so that next write is seldom far away.
     */
    public void promoteWaiting(String eventId) {
        try {
            int promoted;
            do {
                Optional<Integer> batch = retry.run(() -> promoteBatch(eventId));
                if (batch.isEmpty()) {
                    Log.warn("waitlist.promotion-deferred", "eventId", eventId, "reason", "busy");
                    return;
                }
                promoted = batch.get();
            } while (promoted == PROMOTIONS_PER_TRANSACTION);
        } catch (RuntimeException refused) {
            Log.error("waitlist.promotion-deferred", refused, "eventId", eventId);
        }
    }

    /** Promotes the front of the line in one transaction: how many moved up; empty when it lost a race. */
    private Optional<Integer> promoteBatch(String eventId) {
        Event event = events.find(eventId).orElseThrow(RegistrationDesk::unknownEvent);
        List<Waiting> promoted = event.seats().promotable(PROMOTIONS_PER_TRANSACTION);
        if (promoted.isEmpty()) {
            return Optional.of(0);
        }
        Instant now = clock.instant();
        Optional<List<OutboxMail>> promotionMails = promotionMails(event, promoted, now);
        if (promotionMails.isEmpty() || registrations.promote(event, event.seats().promote(promoted), promoted,
                promotionMails.get(), now) != Outcome.COMMITTED) {
            return Optional.empty();
        }
        Log.info("waitlist.promoted", "eventId", eventId, "promoted", promoted.size());
        Metrics.count(Metric.WAITLIST_PROMOTED, promoted.size());
        return Optional.of(promoted.size());
    }

    /**
     * The mails for those moving up; empty when one of them left the line meanwhile (cancelled
     * at the same moment), which makes the caller start over from a fresh read.
     */
    private Optional<List<OutboxMail>> promotionMails(Event event, List<Waiting> promoted, Instant now) {
        Map<String, Registration> people = registrations.findAll(promoted.stream().map(Waiting::registrationId).toList());
        Hmac hmac = keys.get().current();
        List<OutboxMail> moving = new ArrayList<>();
        for (Waiting waiting : promoted) {
            Registration registration = people.get(waiting.registrationId());
            if (registration == null || registration.status() != RegistrationStatus.WAITLISTED) {
                return Optional.empty();
            }
            moving.add(mails.compose(RegistrationMails.Kind.PROMOTED, registration, event,
                    manageUrl(registration.id(), hmac, event), now));
        }
        return Optional.of(moving);
    }

    private Registration authorized(String registrationId, String token) {
        if (!Ids.isWellFormed(registrationId)) {
            throw unknownRegistration();
        }
        switch (ManageToken.check(keys.get(), registrationId, token, clock.instant())) {
            case VALID -> { }
            case FORGED -> throw new Problem(403, "Geen toegang",
                    "Deze link is niet geldig. Gebruik de link uit je bevestigingsmail.");
            case EXPIRED -> throw new Problem(403, "Link verlopen",
                    "Deze link is verlopen: na afloop van een activiteit bewaren we aanmeldingen maar een beperkte tijd.");
            case RETIRED_KEY -> throw new Problem(403, "Link niet meer geldig",
                    "Deze link werkt niet meer, omdat we de beveiliging van onze links hebben vernieuwd. "
                            + "Wil je je aanmelding bekijken of annuleren? Neem dan contact met ons op.");
        }
        return registrations.find(registrationId).orElseThrow(RegistrationDesk::unknownRegistration);
    }

    /**
     * For SnapStart priming: the transaction of a registration, for a made-up event, sent
     * through a client that never reaches AWS ({@link AwsClients#offline}): the write path is
     * warm before the snapshot and nothing is written anywhere.
     */
    void rehearseRegistration() {
        RegistrationStore offline = new RegistrationStore(AwsClients.offline(DynamoDbClient.builder(), "{}"),
                "rehearsal", new Outbox("rehearsal"));
        Instant now = clock.instant();
        Event event = new Event("rehearsal", EventType.KENNISBOOST, "Rehearsal", null, now.plus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(30).plusHours(1)), null, true, "https://live.mensenmakennederland.nl/rehearsal",
                1, true, null, SeatLedger.empty(10));
        Registration registration = new Registration("rehearsal", event.id(), RegistrationStatus.CONFIRMED, 1,
                "Rehearsal", "rehearsal@example.org", null, null, now);
        offline.register(event, registration, List.of("rehearsal"),
                mails.compose(RegistrationMails.Kind.CONFIRMED, registration, event, null, now), Optional.empty(),
                expiresAt(event));
    }

    /** A valid token for a manage link to {@code registrationId} (for priming: it exists for no registration). */
    String manageToken(String registrationId) {
        return ManageToken.issue(keys.get().current(), registrationId, clock.instant().plus(retention));
    }

    /** The link lasts as long as the registration: it expires when the registration's TTL removes it. */
    private String manageUrl(String registrationId, Hmac hmac, Event event) {
        return siteOrigin + "/beheer.html?registration=" + registrationId + "&token="
                + ManageToken.issue(hmac, registrationId, Instant.ofEpochSecond(expiresAt(event)));
    }

    /**
     * The address's fingerprint under every key kept, the current key's first: an address
     * registered before a key rotation is recognised (and its marker removed) after it.
     */
    private static List<String> fingerprints(SigningKeys signing, String email) {
        String normalized = EmailAddress.normalized(email);
        return signing.all().stream().map(key -> key.sign("email", normalized)).toList();
    }

    /** Personal data goes a fixed time after the event it was given for. */
    private long expiresAt(Event event) {
        return event.endsAt().plus(retention).getEpochSecond();
    }

    private static Problem unknownEvent() {
        return Problem.notFound("Deze activiteit bestaat niet (meer).");
    }

    private static Problem unknownRegistration() {
        return Problem.notFound("Deze aanmelding bestaat niet (meer).");
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
