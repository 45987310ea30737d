package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.Forms;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.RepositoryRoot;
import nl.mensenmakennederland.testing.SeedData;
import nl.mensenmakennederland.testing.SentMails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Years after the seed's dates the suite, the benchmark and the demo still have a campaign
 * ahead: they place the seed and the sample events for their clock ({@link SeedData}). This is
 * that path with a clock years ahead, as the deployable-jar test and the local run take it on
 * the system clock: should the placement break, this fails today rather than the suite in 2027.
 */
@ExtendWith(AwsEmulatorExtension.class)
class CampaignYearsAheadTest {

    static final Instant NOW = Instant.parse("2031-10-22T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final DateTimeFormatter ICS_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** A sample event from events/ as Lambda hands it over (JSON in, JSON out), its dates placed for {@link #NOW}. */
    private static JsonNode invoke(HttpHandler handler, String sample) throws IOException {
        String json = SeedData.moveDates(Files.readString(RepositoryRoot.path().resolve(sample)), NOW);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), answer, null);
        return Json.MAPPER.readTree(answer.toByteArray());
    }

    @Test
    void theSeedIsListedTakesRegistrationsAndItsSampleEventsStillFit(LocalAws aws) throws IOException {
        CampaignBackend backend = CampaignBackend.freshWithSeedEvents(aws, CLOCK);
        backend.verifySender();
        EventAdmin admin = new EventAdmin(backend.events, backend.registrations, backend.desk.waitingLine(), ConflictRetry.standard());

        JsonNode listed = ApiRequests.body(ApiContract.call(new ListEventsHandler(backend.events, CLOCK),
                ApiRequests.get("GET /events", "/events", Map.of(), Map.of())));
        assertThat(listed.get("events")).hasSize(SeedData.events(NOW).size())
                .allSatisfy(event -> assertThat(event.get("registrationOpen").asBoolean()).isTrue());

        // The benchmark's registration event and the registration sample (an Expeditie, three seats).
        JsonNode registered = ApiRequests.body(backend.register.handleRequest(
                Forms.post("kb-2027-01-13-inclusief-vrijwilligerswerk",
                        Forms.registration("Bench Volunteer", "bench@example.org", 1), Map.of()),
                null));
        assertThat(registered.get("status").asText()).isEqualTo("confirmed");
        JsonNode sample = invoke(backend.register, "events/register.json");
        assertThat(sample.get("statusCode").asInt()).isEqualTo(201);
        assertThat(Json.MAPPER.readTree(sample.get("body").asText()).get("status").asText()).isEqualTo("confirmed");

        // The admin sample changes Utrecht's details with its times as placed: it stays listed, open.
        JsonNode updated = invoke(new UpdateEventHandler(admin, CLOCK), "events/admin-update-event.json");
        assertThat(updated.get("statusCode").asInt()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(updated.get("body").asText()).get("registrationOpen").asBoolean()).isTrue();

        // The confirmation invites to the Expeditie on its placed date, at its time of day as written.
        backend.deliverMails();
        Event amersfoort = backend.events.find("exp-2027-02-04-amersfoort").orElseThrow();
        List<SentMails.Mail> mails = SentMails.to(aws, "fatima@buurthuis-delinde.nl");
        assertThat(mails).hasSize(1);
        assertThat(amersfoort.startsAt()).isAfter(NOW);
        assertThat(mails.getFirst().text()).contains("10:30 – 16:30 uur");
        assertThat(mails.getFirst().attachments().getFirst().content()).contains("DTSTART:" + ICS_TIME.format(amersfoort.startsAt()));
    }
}
