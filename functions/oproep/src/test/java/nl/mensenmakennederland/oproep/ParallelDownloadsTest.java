package nl.mensenmakennederland.oproep;

import static nl.mensenmakennederland.oproep.OproepBackend.downloadRequest;
import static nl.mensenmakennederland.oproep.OproepBackend.statsRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A newspaper morning on one variant: many downloads at once, every one counted exactly once,
 * each visitor once among the uniques, spread over the counter's shards.
 */
@ExtendWith(AwsEmulatorExtension.class)
class ParallelDownloadsTest {

    static final int DOWNLOADS = 500;
    static final int VISITORS = 200;
    static final int THREADS = 32;

    @Test
    void fiveHundredParallelDownloadsOfOneVariantAreAllCountedAndTheUniquesAreRight(LocalAws aws) throws Exception {
        OproepBackend backend = OproepBackend.freshWithSeedVariants(aws, OproepHandlersTest.CLOCK);
        String variant = "landelijk-advertentie-a3";
        List<String> agents = AutomatedFetchesTest.PEOPLE;

        long start = System.nanoTime();
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int i = 0; i < DOWNLOADS; i++) {
                int visitor = i % VISITORS; // 200 people, most of whom download more than once
                String ip = "198.51." + (100 + visitor / 100) + "." + (visitor % 100);
                String agent = agents.get(visitor % agents.size());
                answers.add(pool.submit(() -> ApiContract.call(backend.download,
                        downloadRequest(variant, Map.of("orgType", "media"), ip, agent)).getStatusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(302);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        JsonNode report = ApiRequests.body(ApiContract.call(backend.stats, statsRequest(
                Map.of("from", "2026-12-02", "to", "2026-12-02", "groupBy", "variant"), "application/json")));
        assertThat(report.path("total").path("downloads").asLong()).isEqualTo(DOWNLOADS);
        assertThat(report.path("total").path("uniques").asLong()).isEqualTo(VISITORS);
        assertThat(report.path("total").path("automated").asLong()).isZero();
        Set<String> shards = new HashSet<>();
        backend.everything().stream().filter(item -> item.get("pk").s().startsWith("COUNT#"))
                .forEach(item -> shards.add(item.get("pk").s()));
        assertThat(shards).as("counter partitions written").hasSizeGreaterThan(DownloadCounter.SHARDS / 2);
        assertThat(backend.everything().stream().filter(item -> item.get("pk").s().startsWith("MISSED#"))).as("missed counts").isEmpty();
        System.out.printf("parallel downloads | %d downloads by %d visitors on %d threads | %d ms | counted %d, uniques %d, %d shards%n",
                DOWNLOADS, VISITORS, THREADS, took.toMillis(), report.path("total").path("downloads").asLong(),
                report.path("total").path("uniques").asLong(), shards.size());
    }
}
