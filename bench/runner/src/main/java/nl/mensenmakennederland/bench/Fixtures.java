package nl.mensenmakennederland.bench;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.mensenmakennederland.events.Event;
import nl.mensenmakennederland.events.EventType;
import nl.mensenmakennederland.events.Registering;
import nl.mensenmakennederland.events.RegistrationForm;
import nl.mensenmakennederland.events.SeatLedger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import nl.mensenmakennederland.prizes.ConsentText;
import nl.mensenmakennederland.prizes.Entering;
import nl.mensenmakennederland.prizes.EntryForm;
import nl.mensenmakennederland.prizes.ResumableUpload;
import nl.mensenmakennederland.prizes.Uploads;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.StreamImages;
import nl.mensenmakennederland.shared.UtcTime;
import nl.mensenmakennederland.testing.Forms;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.OproepSeed;
import nl.mensenmakennederland.testing.RepositoryRoot;
import nl.mensenmakennederland.testing.SeedData;
import nl.mensenmakennederland.testing.TestVideos;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The state each trigger needs, prepared in moto through the functions' own domain classes.
 * A trigger not listed here gets its sample as it is (enough for reads of the seed data);
 * the report shows its response, so a new function whose sample needs state stands out.
 */
final class Fixtures {

    /**
     * An event with room for every registration a run makes, and a waiting list behind it. Open
     * in any year: the seed is placed ahead of the system clock ({@link SeedData#loadEvents}).
     */
    static final String REGISTRATION_EVENT = "kb-2027-01-13-inclusief-vrijwilligerswerk";

    private final LocalAws aws;
    private final EventsJob backend;
    private final PrizesJob prizes;
    private final AtomicInteger sequence = new AtomicInteger();
    private Registering.Registered viewed;
    private Entering.Entered viewedEntry;
    private String owedTo;
    private String bounced;

    Fixtures(LocalAws aws, EventsJob backend, PrizesJob prizes) {
        this.aws = aws;
        this.backend = backend;
        this.prizes = prizes;
    }

    /** What the function needs, by its logical id first (several may share a trigger type), else by trigger. */
    Fixture forFunction(String logicalId, String trigger) {
        if (logicalId.equals("OutboxSweeperFunction")) {
            return new OldUnsentMail("OutboxTable");
        }
        if (logicalId.equals("WaitlistSettlerFunction")) {
            return this::owedSeat;
        }
        if (logicalId.equals("ReplayMissedCountsFunction")) {
            return sample -> {
                OproepJob.queueMissedDownload(aws);
                return sample;
            };
        }
        if (logicalId.equals("CheckUploadFunction")) {
            return this::uploadedVideo;
        }
        if (logicalId.equals("MailFeedbackFunction")) {
            return this::bouncedConfirmation;
        }
        return forTrigger(trigger);
    }

    Fixture forTrigger(String trigger) {
        return switch (trigger) {
            case "POST /events/{id}/registrations" -> this::newRegistrant;
            case "POST /admin/events" -> this::newEventId;
            case "GET /registrations/{id}" -> sample -> manageLink(sample, existingRegistration());
            case "DELETE /registrations/{id}" -> sample -> manageLink(sample, register());
            case "GET /prizes/entries/{id}" -> sample -> entryLink(sample, existingEntry());
            case "DELETE /prizes/entries/{id}" -> sample -> entryLink(sample, newEntry());
            case "POST /prizes/entries/{id}/multipart" -> sample -> entryLink(sample, newEntry());
            case "GET /prizes/entries/{id}/multipart", "POST /prizes/entries/{id}/multipart/complete" ->
                    sample -> entryLink(sample, uploadInParts(true));
            case "DELETE /prizes/entries/{id}/multipart" -> sample -> entryLink(sample, uploadInParts(false));
            case "GET /jury/entries" -> sample -> {
                entryBeforeTheJury(); // in Utrecht, as the sample asks
                return sample;
            };
            case "GET /jury/entries/{id}", "PUT /jury/entries/{id}/score", "PUT /admin/prizes/entries/{id}/status" ->
                    sample -> atPathId(sample, entryBeforeTheJury());
            case "GET /admin/events/{id}" -> sample -> atPathId(sample, eventWithGroupsInLine());
            case "DynamoDB stream OutboxTable" -> new OutboxItem("OutboxTable");
            case "PUT /admin/oproep/variants/{id}" -> this::uploadedVersion;
            default -> Fixture.AS_IS;
        };
    }

    /** The same form from someone new, with a fresh Idempotency-Key. */
    String newRegistrant(String sample) {
        ObjectNode event = parse(sample);
        ObjectNode body = (ObjectNode) parse(event.get("body").asText());
        body.put("email", "bench-" + sequence.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        event.put("body", body.toString());
        if (event.path("headers").has("idempotency-key")) {
            ((ObjectNode) event.get("headers")).put("idempotency-key", UUID.randomUUID().toString());
        }
        return event.toString();
    }

    /** The same event under an id that is not taken yet. */
    String newEventId(String sample) {
        ObjectNode event = parse(sample);
        ObjectNode body = (ObjectNode) parse(event.get("body").asText());
        body.put("id", "bench-" + sequence.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8));
        event.put("body", body.toString());
        return event.toString();
    }

    /**
     * An upcoming event whose capacity grew while its line stayed put, as when promoting kept
     * losing races: one seat owed to the one waiting ({@link #owedTo()}). The sample is left as is.
     */
    String owedSeat(String sample) {
        String id = "bench-owed-" + sequence.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Instant startsAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        backend.events().put(new Event(id, EventType.KENNISBOOST, "Bench: a seat owed to the line", null, startsAt,
                startsAt.plus(Duration.ofHours(1)), null, true, "https://live.mensenmakennederland.nl/bench", 1, true,
                null, SeatLedger.empty(1)));
        for (String name : List.of("first", "waiting")) {
            owedTo = registered(backend.desk().registering().register(id, new RegistrationForm("Bench " + name,
                    "bench-" + sequence.incrementAndGet() + "@example.org", null, "Utrecht", 1), Optional.empty())).registrationId();
        }
        Event full = backend.events().find(id).orElseThrow();
        backend.events().put(full.withSeats(full.seats().withCapacity(2)));
        return sample;
    }

    /** An upcoming event that is full, with groups of several seats waiting: what the admins' view of it summarises. */
    private String eventWithGroupsInLine() {
        String id = "bench-line-" + sequence.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Instant startsAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        backend.events().put(new Event(id, EventType.EXPEDITIE, "Bench: groups in line", null, startsAt,
                startsAt.plus(Duration.ofHours(4)), "Amersfoort", false, null, 4, true, null, SeatLedger.empty(3)));
        for (int seats : List.of(3, 2, 4, 1)) {
            registered(backend.desk().registering().register(id, new RegistrationForm("Bench group",
                    "bench-" + sequence.incrementAndGet() + "@example.org", null, "Amersfoort", seats), Optional.empty()));
        }
        return id;
    }

    /** A new file version of the sample's variant in the assets bucket, as an admin's upload leaves it; the PUT names it. */
    String uploadedVersion(String sample) {
        ObjectNode event = parse(sample);
        ObjectNode body = (ObjectNode) parse(event.get("body").asText());
        String key = "variants/" + event.path("pathParameters").path("id").asText() + "/" + Ids.random() + ".pdf";
        aws.clients().s3().putObject(r -> r.bucket(aws.name("OproepAssetsBucket")).key(key),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(OproepSeed.pdf("Bench: a new version")));
        body.put("objectKey", key);
        event.put("body", body.toString());
        return event.toString();
    }

    /**
     * A new entry whose video (a real 3-second MP4 made by ffmpeg, its index at the end) is in the
     * bucket, as the browser's upload leaves it; the sample's notification pointed at its key.
     */
    String uploadedVideo(String sample) {
        String entryId = newEntry().entryId();
        String key = Uploads.objectKey(entryId);
        byte[] video = TestVideos.make(TestVideos.Kind.MP4_INDEX_AT_END, 3);
        aws.clients().s3().putObject(r -> r.bucket(prizes.desk().uploads().bucket()).key(key).contentType("video/mp4"),
                RequestBody.fromBytes(video));
        ObjectNode event = parse(sample);
        ObjectNode message = (ObjectNode) event.get("Records").get(0);
        ObjectNode notification = parse(message.get("body").asText());
        ObjectNode object = (ObjectNode) notification.get("Records").get(0).path("s3").path("object");
        object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8));
        object.put("size", video.length);
        message.put("body", notification.toString());
        return event.toString();
    }

    /** A new entry awaiting its video, entered through the prizes job's own use case. */
    private Entering.Entered newEntry() {
        var entered = prizes.desk().entering().enter(new EntryForm("Bench", null, "Utrecht", "Bench Entrant",
                "bench-" + sequence.incrementAndGet() + "@example.org", "Bench vlog", "A vlog the benchmark uploads and checks.",
                "bench.mp4", 100_000, "video/mp4", ConsentText.CURRENT, false), Optional.empty());
        return ((Entering.Created) entered).answer();
    }

    /** A new entry before the jury: its video (a real 3-second MP4) uploaded and checked. */
    private String entryBeforeTheJury() {
        String entryId = newEntry().entryId();
        String key = Uploads.objectKey(entryId);
        aws.clients().s3().putObject(r -> r.bucket(prizes.desk().uploads().bucket()).key(key).contentType("video/mp4"),
                RequestBody.fromBytes(TestVideos.make(TestVideos.Kind.MP4_INDEX_AT_END, 3)));
        prizes.desk().uploadCheck().check(key);
        return entryId;
    }

    /** Points a jury or admin request at a real entry. */
    private String atPathId(String sample, String id) {
        ObjectNode event = parse(sample);
        String path = event.path("rawPath").asText().replace(event.path("pathParameters").path("id").asText(), id);
        event.put("rawPath", path);
        event.putObject("pathParameters").put("id", id);
        ((ObjectNode) event.with("requestContext").with("http")).put("path", path);
        return event.toString();
    }

    /**
     * A new entry whose video goes up in parts: begun through the use case, and with
     * {@code firstPart} its one part (a real 3-second MP4) put to S3 as the website would.
     */
    private Entering.Entered uploadInParts(boolean firstPart) {
        Entering.Entered entry = newEntry();
        String token = Forms.tokenOf(entry.manageUrl());
        var begun = (ResumableUpload.Progress) prizes.desk().resumable().begin(entry.entryId(), token);
        if (firstPart) {
            aws.clients().s3().uploadPart(r -> r.bucket(prizes.desk().uploads().bucket()).key(Uploads.objectKey(entry.entryId()))
                    .uploadId(begun.uploadId()).partNumber(1), RequestBody.fromBytes(TestVideos.make(TestVideos.Kind.MP4_INDEX_AT_END, 3)));
        }
        return entry;
    }

    private Entering.Entered existingEntry() {
        if (viewedEntry == null) {
            viewedEntry = newEntry();
        }
        return viewedEntry;
    }

    /** Points an entry-link request at a real entry with its valid token. */
    private String entryLink(String sample, Entering.Entered entry) {
        String id = entry.entryId();
        String token = Forms.tokenOf(entry.manageUrl());
        ObjectNode event = parse(sample);
        String sampleId = event.path("pathParameters").path("id").asText();
        String path = event.path("rawPath").asText().replace(sampleId, id);
        event.put("rawPath", path);
        event.put("rawQueryString", "token=" + token);
        event.putObject("pathParameters").put("id", id);
        event.putObject("queryStringParameters").put("token", token);
        ((ObjectNode) event.with("requestContext").with("http")).put("path", path);
        return event.toString();
    }

    /**
     * A new registration whose confirmation SES reports bounced (the sample, SES's documented
     * record): its tags name the registration, the bounced address and the feedback id are new,
     * so every run suppresses an address and counts a bounce of its own.
     */
    String bouncedConfirmation(String sample) {
        bounced = register().registrationId();
        String address = "bench-bounced-" + sequence.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        ObjectNode event = parse(sample);
        ObjectNode message = (ObjectNode) event.get("Records").get(0);
        ObjectNode record = parse(message.get("body").asText());
        ObjectNode mail = (ObjectNode) record.get("mail");
        ((ObjectNode) mail.get("tags")).putArray("regarding-id").add(bounced);
        mail.putArray("destination").add(address);
        ObjectNode bounce = (ObjectNode) record.get("bounce");
        bounce.put("feedbackId", UUID.randomUUID().toString());
        ((ObjectNode) bounce.get("bouncedRecipients").get(0)).put("emailAddress", address);
        message.put("body", record.toString());
        return event.toString();
    }

    /** The registration whose mail {@link #bouncedConfirmation} reported bounced. */
    String bounced() {
        return bounced;
    }

    /** The registration {@link #owedSeat} left waiting for a free seat. */
    String owedTo() {
        return owedTo;
    }

    private Registering.Registered existingRegistration() {
        if (viewed == null) {
            viewed = register();
        }
        return viewed;
    }

    private Registering.Registered register() {
        String email = "bench-" + sequence.incrementAndGet() + "@example.org";
        return registered(backend.desk().registering().register(REGISTRATION_EVENT,
                new RegistrationForm("Bench Volunteer", email, null, "Utrecht", 1), Optional.empty()));
    }

    private static Registering.Registered registered(Registering.Outcome outcome) {
        return switch (outcome) {
            case Registering.Confirmed confirmed -> confirmed.answer();
            case Registering.Waitlisted waitlisted -> waitlisted.answer();
            default -> throw new IllegalStateException("The bench's registration was refused: " + outcome);
        };
    }

    /** Points a manage-link request at a real registration with its valid token. */
    private String manageLink(String sample, Registering.Registered registration) {
        String id = registration.registrationId();
        String token = Forms.tokenOf(registration.manageUrl());
        ObjectNode event = parse(sample);
        event.put("rawPath", "/registrations/" + id);
        event.put("rawQueryString", "token=" + token);
        event.putObject("pathParameters").put("id", id);
        event.putObject("queryStringParameters").put("token", token);
        ((ObjectNode) event.with("requestContext").with("http")).put("path", "/registrations/" + id);
        return event.toString();
    }

    /** Writes the sample's new image, under a fresh id, into the table, as the writer would have. */
    private final class OutboxItem implements Fixture {

        private final String table;
        private int sentBefore;

        OutboxItem(String table) {
            this.table = table;
        }

        @Override
        public String prepare(String sample) {
            ObjectNode event = parse(sample);
            String id = Ids.random();
            for (JsonNode record : event.get("Records")) {
                ObjectNode image = (ObjectNode) record.path("dynamodb").path("NewImage");
                image.putObject("pk").put("S", "MAIL#" + id);
                image.putObject("id").put("S", id);
                ((ObjectNode) record.path("dynamodb").path("Keys")).putObject("pk").put("S", "MAIL#" + id);
            }
            DynamodbEvent parsed = LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader())
                    .fromJson(event.toString());
            for (DynamodbEvent.DynamodbStreamRecord record : parsed.getRecords()) {
                var item = StreamImages.toItem(record.getDynamodb().getNewImage());
                aws.clients().dynamoDb().putItem(r -> r.tableName(aws.name(table)).item(item));
            }
            sentBefore = aws.emulator().sentMails().size();
            return event.toString();
        }

        @Override
        public String verify() {
            int sent = aws.emulator().sentMails().size() - sentBefore;
            return sent > 0 ? sent + " mail sent" : "NO mail sent";
        }
    }

    /**
     * One mail the stream gave up on (unsent, older than the sweeper's grace), and no other: the
     * outbox items the other fixtures' registrations leave unsent are removed first.
     */
    private final class OldUnsentMail implements Fixture {

        private final String table;
        private int sentBefore;

        OldUnsentMail(String table) {
            this.table = table;
        }

        @Override
        public String prepare(String sample) {
            var dynamo = aws.clients().dynamoDb();
            String name = aws.name(table);
            dynamo.scan(r -> r.tableName(name).filterExpression("attribute_not_exists(sentAt)")).items()
                    .forEach(item -> dynamo.deleteItem(r -> r.tableName(name).key(Map.of("pk", item.get("pk")))));
            // The outbox item of the mailer's sample, under a fresh id, written an hour ago.
            JsonNode image;
            try {
                image = Json.MAPPER.readTree(SampleEvents.content(RepositoryRoot.path().resolve("events/mailer-outbox-insert.json")))
                        .path("Records").get(0).path("dynamodb").path("NewImage");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, AttributeValue> item = new HashMap<>(StreamImages.toItem(image));
            String id = Ids.random();
            item.put("pk", AttributeValue.fromS("MAIL#" + id));
            item.put("id", AttributeValue.fromS(id));
            item.put("createdAt", AttributeValue.fromS(UtcTime.format(Instant.now().minus(Duration.ofHours(1)))));
            dynamo.putItem(r -> r.tableName(name).item(item));
            sentBefore = aws.emulator().sentMails().size();
            return sample;
        }

        @Override
        public String verify() {
            int sent = aws.emulator().sentMails().size() - sentBefore;
            return sent > 0 ? sent + " mail sent" : "NO mail sent";
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
