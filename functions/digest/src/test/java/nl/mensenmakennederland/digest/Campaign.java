package nl.mensenmakennederland.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.events.BulkRegistrations;
import nl.mensenmakennederland.events.Event;
import nl.mensenmakennederland.events.EventStore;
import nl.mensenmakennederland.events.EventType;
import nl.mensenmakennederland.events.Registering;
import nl.mensenmakennederland.events.RegistrationDesk;
import nl.mensenmakennederland.events.RegistrationForm;
import nl.mensenmakennederland.events.RegistrationMails;
import nl.mensenmakennederland.events.RegistrationStore;
import nl.mensenmakennederland.events.SeatLedger;
import nl.mensenmakennederland.mail.MailCounts;
import nl.mensenmakennederland.oproep.BulkDownloads;
import nl.mensenmakennederland.oproep.Download;
import nl.mensenmakennederland.oproep.DownloadCounter;
import nl.mensenmakennederland.oproep.OrgType;
import nl.mensenmakennederland.prizes.ConsentText;
import nl.mensenmakennederland.prizes.Criterion;
import nl.mensenmakennederland.prizes.Entry;
import nl.mensenmakennederland.prizes.EntryStatus;
import nl.mensenmakennederland.prizes.EntryStore;
import nl.mensenmakennederland.prizes.Rejection;
import nl.mensenmakennederland.prizes.Score;
import nl.mensenmakennederland.prizes.ScoreStore;
import nl.mensenmakennederland.prizes.VideoFacts;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.SigningKeys;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SigningKeyParameter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A campaign on the emulator, made through the jobs' own classes as their functions make it:
 * events and registrations (and cancellations) through the registration desk, prize entries and
 * scores through their stores, downloads through the counter. Each at the moment given.
 */
final class Campaign {

    static final String SENDER = "noreply@mensenmakennederland.nl";

    private final LocalAws aws;
    private final DynamoDbClient dynamo;
    private final SigningKeys keys = SigningKeys.parse(SigningKeyParameter.newKey());

    Campaign(LocalAws aws) {
        this.aws = aws;
        this.dynamo = aws.clients().dynamoDb();
    }

    Map<String, String> tables() {
        return Map.of("EVENTS_TABLE", aws.name("EventsTable"), "PRIZES_TABLE", aws.name("PrizesTable"),
                "OPROEP_TABLE", aws.name("OproepTable"), "MAIL_STATE_TABLE", aws.name("MailStateTable"),
                "OUTBOX_TABLE", aws.name("OutboxTable"));
    }

    /** An event with {@code capacity} seats and a waiting list, starting at {@code startsAt} for two hours. */
    void event(String id, String title, Instant startsAt, int capacity) {
        new EventStore(dynamo, aws.name("EventsTable")).put(new Event(id, EventType.KENNISBOOST, title, "Een avond over werven.",
                startsAt, startsAt.plus(Duration.ofHours(2)), "Utrecht", false, null, 1, true, null, SeatLedger.empty(capacity)));
    }

    private RegistrationDesk desk(Instant at) {
        return new RegistrationDesk(new EventStore(dynamo, aws.name("EventsTable")),
                new RegistrationStore(dynamo, aws.name("EventsTable"), new Outbox(aws.name("OutboxTable"))), () -> keys,
                Clock.fixed(at, ZoneOffset.UTC), ConflictRetry.standard(), "https://www.mensenmakennederland.nl",
                Duration.ofDays(90), new RegistrationMails(SENDER));
    }

    /** Registers someone new for the event at {@code at}: the manage link's token. */
    String register(String eventId, String name, Instant at) {
        Registering.Outcome outcome = desk(at).registering().register(eventId,
                new RegistrationForm(name, name.toLowerCase().replace(' ', '.') + "@example.org", null, "Utrecht", 1),
                Optional.empty());
        Registering.Registered registered = switch (outcome) {
            case Registering.Confirmed confirmed -> confirmed.answer();
            case Registering.Waitlisted waitlisted -> waitlisted.answer();
            default -> throw new AssertionError("not registered: " + outcome);
        };
        String url = registered.manageUrl();
        return registered.registrationId() + " " + url.substring(url.indexOf("token=") + "token=".length());
    }

    /** Confirmed registrations in bulk, as the desk writes them, under the desk's keys: cancel them here with their token. */
    BulkRegistrations bulkRegistrations() {
        return new BulkRegistrations(dynamo, aws.name("EventsTable"), aws.name("OutboxTable"), keys, Duration.ofDays(90));
    }

    /** Downloads counted in bulk into the counter's items. */
    BulkDownloads bulkDownloads(long seed) {
        return new BulkDownloads(dynamo, aws.name("OproepTable"), seed);
    }

    /** Cancels through the desk: {@code registration} is the id and the manage link's token, as {@link #register} answers. */
    void cancel(String registration, Instant at) {
        String[] idAndToken = registration.split(" ");
        desk(at).cancelling().cancel(idAndToken[0], idAndToken[1]);
    }

    /** An entry entered at {@code at} whose check found a video (or, with {@code rejected}, not) right after. */
    String entry(String title, Instant at, Rejection rejected, Instant expiresAt) {
        String id = Ids.random();
        boolean video = rejected == null;
        Entry entry = new Entry(id, video ? EntryStatus.SUBMITTED : EntryStatus.REJECTED, "Taalcafé De Brug", null, "Zwolle",
                "Sanne de Vries", "sanne@taalcafedebrug.nl", title, "Elke dinsdag schuiven nieuwe buren aan.", "vlog.mp4",
                1_000_000, "video/mp4", ConsentText.CURRENT, at, false, at,
                video ? new VideoFacts("mp4", 3000, 320, 240, 1_000_000) : null, rejected, at.plusSeconds(60), null, null);
        new EntryStore(dynamo, aws.name("PrizesTable"), new Outbox(aws.name("OutboxTable"))).create(entry, expiresAt, Optional.empty());
        return id;
    }

    void score(String entryId, String juror, Instant at) {
        new ScoreStore(dynamo, aws.name("PrizesTable")).save(new Score(entryId, juror, juror + "@jury.example",
                Map.of(Criterion.WELCOME, 4, Criterion.EXAMPLE, 4, Criterion.ORIGINALITY, 4), "", at), at.plus(Duration.ofDays(200)));
    }

    void download(String variantId, LocalDate day, OrgType orgType, String municipality, String visitor) {
        new DownloadCounter(dynamo, aws.name("OproepTable"), Clock.systemUTC())
                .count(new Download(variantId, day, orgType, municipality, false, visitor));
    }

    /** A mail's fate counted as the mail functions count it. */
    void mailed(MailCounts.Kind kind, Instant at) {
        new MailCounts(dynamo, aws.name("MailStateTable")).count(kind, at);
    }

    List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> outbox() {
        return dynamo.scan(r -> r.tableName(aws.name("OutboxTable"))).items();
    }
}
