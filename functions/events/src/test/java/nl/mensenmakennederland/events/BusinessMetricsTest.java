package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.Metrics.Metric;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.Forms;
import nl.mensenmakennederland.testing.LocalAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator's dashboard counts, from a real flow against moto: the embedded-metric lines
 * the functions write to stdout are documents CloudWatch accepts, and they count what happened.
 */
@ExtendWith(AwsEmulatorExtension.class)
class BusinessMetricsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    /** CloudWatch's units (EMF specification); a record with another unit is rejected. */
    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
            "Count/Second", "None");

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private CampaignBackend backend;

    @BeforeEach
    void freshBackend(LocalAws aws) {
        backend = CampaignBackend.freshWithSeedEvents(aws, CLOCK);
        Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        Log.redirect(System.out);
    }

    @Test
    void aRegistrationDayIsCountedInValidEmbeddedMetricRecords() throws IOException {
        String twoSeats = event("exp-twee-plaatsen", 2, true, null);
        String oneSeat = event("exp-een-plaats", 1, false, null);
        String closed = event("exp-gesloten", 10, true, CLOCK.instant().minus(Duration.ofHours(1)));

        JsonNode anna = registered(twoSeats, "Anna Bakker", "anna@example.nl", 2);     // confirmed
        registered(twoSeats, "Bram de Vries", "bram@example.nl", 1);                   // waitlisted
        registered(twoSeats, "Cor Jansen", "cor@example.nl", 1);                       // waitlisted
        assertThat(register(twoSeats, "Anna Bakker", "anna@example.nl", 1)).isEqualTo(409); // duplicate
        registered(oneSeat, "Dirk Visser", "dirk@example.nl", 1);                      // confirmed
        assertThat(register(oneSeat, "Eva Smit", "eva@example.nl", 1)).isEqualTo(409);      // full, no waiting list
        assertThat(register(closed, "Fenna Mulder", "fenna@example.nl", 1)).isEqualTo(409); // closed
        cancel(anna);                                                                   // Bram and Cor move up
        var mails = backend.outboxStream().poll();
        backend.mailer.handleRequest(mails, null);   // SES refuses: the sender is not verified yet
        backend.verifySender();
        backend.mailer.handleRequest(mails, null);   // Lambda's retry of the same batch
        RegisterHandler givesUpAtOnce = new RegisterHandler(new RegistrationDesk(backend.events, backend.registrations,
                backend.signingKey, CLOCK, new ConflictRetry(0, Duration.ZERO, Duration.ZERO), "https://www.mensenmakennederland.nl",
                Duration.ofDays(90), new RegistrationMails("noreply@mensenmakennederland.nl")));
        assertThat(ApiContract.call(givesUpAtOnce, Forms.post(twoSeats,
                Forms.registration("Gijs", "gijs@example.nl", 1), Map.of())).getStatusCode()).isEqualTo(503);

        List<JsonNode> records = embeddedMetricRecords();
        records.forEach(BusinessMetricsTest::assertCloudWatchAccepts);
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode record : records) {
            JsonNode directive = record.path("_aws").path("CloudWatchMetrics").path(0);
            assertThat(directive.path("Namespace").asText()).isEqualTo("MensenMakenNederland");
            assertThat(directive.path("Dimensions")).hasSize(1);
            assertThat(directive.path("Dimensions").path(0)).extracting(JsonNode::asText).containsExactly("Service", "Stage");
            assertThat(record.path("Service").asText()).isEqualTo("mensen-maken-nederland");
            for (JsonNode metric : directive.path("Metrics")) {
                counts.merge(metric.path("Name").asText(), record.path(metric.path("Name").asText()).asInt(), Integer::sum);
            }
        }
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                Metric.REGISTRATION_CONFIRMED.metricName(), 2,
                Metric.REGISTRATION_WAITLISTED.metricName(), 2,
                Metric.REGISTRATION_REFUSED_DUPLICATE.metricName(), 1,
                Metric.REGISTRATION_REFUSED_FULL.metricName(), 1,
                Metric.REGISTRATION_REFUSED_CLOSED.metricName(), 1,
                Metric.REGISTRATION_CANCELLED.metricName(), 1,
                Metric.WAITLIST_PROMOTED.metricName(), 2,
                Metric.MAIL_FAILED.metricName(), 1,
                Metric.MAIL_SENT.metricName(), 7,   // 2 confirmed, 2 waitlisted, 1 cancelled, 2 promoted
                Metric.ANSWERED_BUSY.metricName(), 1));
        String metricLines = String.join("\n", records.stream().map(JsonNode::toString).toList());
        for (String personal : List.of("Anna", "Bakker", "anna@", "example.nl", "Eva", "Fenna", "Gijs")) {
            assertThat(metricLines).doesNotContain(personal);
        }
    }

    /**
     * The embedded metric format's rules (AWS's specification): a root {@code _aws} with a
     * millisecond Timestamp and CloudWatchMetrics directives (Namespace, Dimensions as sets of
     * at most 30 names, at most 100 Metrics with Name and a CloudWatch Unit), and every
     * dimension (a string) and metric (a number) named there present at the root. One line.
     */
    static void assertCloudWatchAccepts(JsonNode record) {
        JsonNode aws = record.path("_aws");
        assertThat(aws.isObject()).as("_aws in %s", record).isTrue();
        assertThat(aws.path("Timestamp").isIntegralNumber()).as("Timestamp in %s", record).isTrue();
        assertThat(Instant.ofEpochMilli(aws.path("Timestamp").asLong()))
                .isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
        assertThat(aws.path("CloudWatchMetrics").isArray()).isTrue();
        assertThat(aws.path("CloudWatchMetrics")).isNotEmpty();
        for (JsonNode directive : aws.path("CloudWatchMetrics")) {
            String namespace = directive.path("Namespace").asText("");
            assertThat(namespace).hasSizeBetween(1, 1024).doesNotStartWith("AWS/");
            assertThat(directive.path("Dimensions").isArray()).isTrue();
            for (JsonNode dimensionSet : directive.path("Dimensions")) {
                assertThat(dimensionSet.isArray()).isTrue();
                assertThat(dimensionSet.size()).isBetween(1, 30);
                for (JsonNode dimension : dimensionSet) {
                    assertThat(record.path(dimension.asText()).isTextual()).as("dimension %s in %s", dimension, record).isTrue();
                    assertThat(record.path(dimension.asText()).asText()).hasSizeBetween(1, 1024);
                }
            }
            assertThat(directive.path("Metrics").size()).isBetween(1, 100);
            for (JsonNode metric : directive.path("Metrics")) {
                assertThat(metric.path("Name").asText("")).hasSizeBetween(1, 1024);
                assertThat(metric.path("Unit").asText()).isIn(UNITS);
                assertThat(record.path(metric.path("Name").asText()).isNumber()).as("value of %s in %s", metric, record).isTrue();
            }
        }
    }

    private List<JsonNode> embeddedMetricRecords() throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode json = Json.MAPPER.readTree(line);
            if (json.has("_aws")) {
                records.add(json);
            }
        }
        return records;
    }

    private String event(String id, int capacity, boolean waitlist, Instant closesAt) {
        Instant starts = CLOCK.instant().plus(Duration.ofDays(30));
        backend.events.put(new Event(id, EventType.EXPEDITIE, "Expeditie " + id, null, starts, starts.plus(Duration.ofHours(3)),
                "Amersfoort", false, null, 4, waitlist, closesAt, SeatLedger.empty(capacity)));
        return id;
    }

    private int register(String eventId, String name, String email, int seats) {
        return ApiContract.call(backend.register, Forms.post(eventId, Forms.registration(name, email, seats), Map.of()))
                .getStatusCode();
    }

    private JsonNode registered(String eventId, String name, String email, int seats) {
        APIGatewayV2HTTPResponse response = ApiContract.call(backend.register, 
                Forms.post(eventId, Forms.registration(name, email, seats), Map.of()));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return ApiRequests.body(response);
    }

    private void cancel(JsonNode registration) {
        APIGatewayV2HTTPResponse response = ApiContract.call(backend.cancelRegistration, Forms.cancel(
                registration.get("registrationId").asText(), Forms.tokenOf(registration.get("manageUrl").asText())));
        assertThat(response.getStatusCode()).isEqualTo(200);
    }
}
