package nl.mensenmakennederland.oproep;

import static nl.mensenmakennederland.oproep.OproepBackend.downloadRequest;
import static nl.mensenmakennederland.oproep.OproepBackend.statsRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.Faults;
import nl.mensenmakennederland.testing.Faults.Share;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The download comes first: with DynamoDB refusing writes (tools/moto_serial_server.py's fault
 * mode), every download is still redirected; a count refused beyond the SDK's retries is queued
 * and counted by the replay, exactly once; a count that cannot even be queued is counted as lost.
 */
@ExtendWith(AwsEmulatorExtension.class)
class CountingFaultsTest {

    static final String VARIANT = "lokaal-huis-aan-huis";
    static final String CHROME = AutomatedFetchesTest.PEOPLE.getFirst();

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    MotoServer moto;
    OproepBackend backend;

    @BeforeEach
    void fresh(LocalAws aws) {
        assumeTrue(aws.moto().isPresent(), "fault injection needs tools/moto_serial_server.py");
        moto = aws.moto().orElseThrow();
        backend = OproepBackend.freshWithSeedVariants(aws, OproepHandlersTest.CLOCK);
        Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    /** The day's first download, before any fault: it makes the day's salt. */
    private void firstDownloadOfTheDay() {
        assertThat(download("198.51.100.1").getStatusCode()).isEqualTo(302);
    }

    @AfterEach
    void restoreLog() {
        Log.redirect(System.out);
    }

    private APIGatewayV2HTTPResponse download(String ip) {
        return ApiContract.call(backend.download, downloadRequest(VARIANT, Map.of("orgType", "gemeente"), ip, CHROME));
    }

    private JsonNode total() {
        return ApiRequests.body(ApiContract.call(backend.stats, statsRequest(
                Map.of("from", "2026-12-02", "to", "2026-12-02"), "application/json"))).path("total");
    }

    private long missed() {
        return backend.everything().stream().filter(item -> item.get("pk").s().startsWith("MISSED#")).count();
    }

    @Test
    void aCountRefusedBeyondTheRetriesIsQueuedAndTheReplayCountsItExactlyOnce() {
        firstDownloadOfTheDay();
        // All five attempts of the first write refused, for a new visitor and for one seen today.
        for (String ip : new String[] {"198.51.100.2", "198.51.100.1"}) {
            try (var faults = moto.inject(Faults.seeded(11).throttledWrites(Share.all().times(5)))) {
                assertThat(download(ip).getStatusCode()).isEqualTo(302);
                assertThat(faults.count("throttledWrites").injected()).isEqualTo(5);
            }
        }
        assertThat(total().path("downloads").asLong()).as("counted at once").isEqualTo(1);
        assertThat(missed()).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("\"DownloadCountQueued\":1").contains("oproep.count.failed")
                .doesNotContain("DownloadCountLost");

        assertThat(backend.replay.handleRequest(null, null)).containsEntry("replayed", 2);
        assertThat(backend.replay.handleRequest(null, null)).containsEntry("replayed", 0);

        JsonNode total = total();
        assertThat(total.path("downloads").asLong()).isEqualTo(3);
        assertThat(total.path("uniques").asLong()).as("the new visitor, not the one seen before").isEqualTo(2);
        assertThat(missed()).isZero();
    }

    @Test
    void whenNothingCanBeWrittenTheDownloadIsStillRedirectedAndTheLossCounted() {
        firstDownloadOfTheDay();
        try (var faults = moto.inject(Faults.seeded(12).throttledWrites(Share.all()))) {
            APIGatewayV2HTTPResponse response = download("198.51.100.3");

            assertThat(response.getStatusCode()).isEqualTo(302);
            assertThat(response.getHeaders().get("location")).contains("/variants/" + VARIANT + "/");
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("\"DownloadCountLost\":1").contains("oproep.count.lost");
        assertThat(total().path("downloads").asLong()).isEqualTo(1);
        assertThat(missed()).isZero();
    }

    @Test
    void withoutTheDaysSaltADownloadIsCountedButNotAsUnique() {
        // The salt's put refused five times (all its attempts); the counter's write then goes through.
        try (var faults = moto.inject(Faults.seeded(13).throttledWrites(Share.all().times(5)))) {
            assertThat(download("198.51.100.4").getStatusCode()).isEqualTo(302);
        }

        JsonNode total = total();
        assertThat(total.path("downloads").asLong()).isEqualTo(1);
        assertThat(total.path("uniques").asLong()).isZero();
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("oproep.salt.unavailable");
        assertThat(backend.everything()).noneMatch(item -> item.get("pk").s().startsWith("SEEN#"));
    }
}
