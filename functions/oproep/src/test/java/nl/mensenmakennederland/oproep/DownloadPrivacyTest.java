package nl.mensenmakennederland.oproep;

import static nl.mensenmakennederland.oproep.OproepBackend.downloadRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * AVG: counting uniques keeps no IP address or user agent anywhere, and what it keeps instead
 * (a keyed hash) cannot be recomputed once the day's salt is gone.
 */
@ExtendWith(AwsEmulatorExtension.class)
class DownloadPrivacyTest {

    static final String IP = "198.51.100.77";
    static final String AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0 Wijkcentrum-De-Linde-pc";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restoreLog() {
        Log.redirect(System.out);
    }

    @Test
    void noIpAddressOrUserAgentReachesTheTablesOrTheLogs(LocalAws aws) {
        OproepBackend backend = OproepBackend.freshWithSeedVariants(aws, OproepHandlersTest.CLOCK);
        Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));

        ApiContract.call(backend.download, downloadRequest("lokaal-poster-a3", Map.of("municipality", "Texel"), IP, AGENT));
        ApiContract.call(backend.download, downloadRequest("lokaal-poster-a3", Map.of("municipality", "Texel"), IP, AGENT));
        ApiContract.call(backend.download, downloadRequest("lokaal-poster-a3", Map.of("orgType", "fout"), IP, AGENT));  // 422
        ApiContract.call(backend.download, downloadRequest("bestaat-niet", Map.of(), IP, AGENT));                        // 404
        ApiContract.call(backend.download, downloadRequest("lokaal-poster-a3", Map.of(), IP, "Twitterbot/1.0"));        // automated

        String stored = backend.everything().toString();
        assertThat(stored).contains("SEEN#", "COUNT#", "SALT#").doesNotContain(IP).doesNotContain("198.51.100")
                .doesNotContain("Firefox").doesNotContain("Wijkcentrum").doesNotContain("Twitterbot");
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("request.refused", "OproepDownloaded", "OproepAutomatedFetch").doesNotContain(IP)
                .doesNotContain("Firefox").doesNotContain("Wijkcentrum").doesNotContain("Twitterbot");
    }

    @Test
    void theMarkersExpireWithTheDayAndTheNextDaysFirstDownloadDestroysYesterdaysSalt(LocalAws aws) {
        OproepBackend today = OproepBackend.freshWithSeedVariants(aws, OproepHandlersTest.CLOCK);
        ApiContract.call(today.download, downloadRequest("lokaal-poster-a3", Map.of(), IP, AGENT));
        List<Map<String, AttributeValue>> markers = today.everything().stream()
                .filter(item -> item.get("pk").s().startsWith("SEEN#")).toList();
        assertThat(markers).hasSize(1);
        // The end of 2 December in the Netherlands.
        assertThat(markers.getFirst().get("expiresAt").n()).isEqualTo(Long.toString(Instant.parse("2026-12-02T23:00:00Z").getEpochSecond()));
        assertThat(markers.getFirst()).containsOnlyKeys("pk", "sk", "expiresAt");
        assertThat(salts(today)).containsExactly("SALT#2026-12-02");

        OproepBackend tomorrow = today.at(Clock.fixed(Instant.parse("2026-12-03T07:00:00Z"), ZoneOffset.UTC));
        ApiContract.call(tomorrow.download, downloadRequest("lokaal-poster-a3", Map.of(), IP, AGENT));

        assertThat(salts(tomorrow)).containsExactly("SALT#2026-12-03");
        List<String> seen = tomorrow.everything().stream().map(item -> item.get("pk").s()).filter(pk -> pk.startsWith("SEEN#")).toList();
        assertThat(seen).as("the same visitor, a new day: a marker unrelated to yesterday's").hasSize(2).doesNotHaveDuplicates();
    }

    private static List<String> salts(OproepBackend backend) {
        return backend.everything().stream().map(item -> item.get("pk").s()).filter(pk -> pk.startsWith("SALT#")).toList();
    }
}
