package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.mensenmakennederland.testing.MotoServer;
import org.junit.jupiter.api.Test;

/** Ctrl-C stops everything the runner started and nothing it did not start. */
class ShutdownTest {

    @Test
    void ctrlCStopsTheRunnerAndTheMotoServerItStarted() throws Exception {
        RunnerProcess runner = RunnerProcess.start();
        long moto = runner.motoPid();
        assertThat(ProcessHandle.of(moto)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        assertThat(runner.interrupt(Duration.ofSeconds(20)))
                .as(() -> "runner exited within 20 s of Ctrl-C; it printed:\n" + runner.output()).isTrue();

        assertThat(runner.output()).contains("Stopped.");
        Thread.sleep(500);
        assertThat(ProcessHandle.of(moto).map(ProcessHandle::isAlive)).as("moto_server still running").isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void anEmulatorNamedByAwsEndpointUrlIsUsedAndLeftRunning() throws Exception {
        try (MotoServer external = MotoServer.start(Path.of("target", "external-moto.log"))) {
            RunnerProcess runner = RunnerProcess.start(Map.of("AWS_ENDPOINT_URL", external.endpoint()));
            try {
                assertThat(runner.output()).contains(external.endpoint() + "  (external, left running at exit)");
                assertThat(runner.get("/events").statusCode()).isEqualTo(200);
                assertThat(external.state()).contains("EventsTable");
            } finally {
                runner.close();
            }
            HttpResponse<Void> stillThere = RunnerProcess.HTTP.send(
                    HttpRequest.newBuilder(URI.create(external.endpoint() + "/moto-api/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(stillThere.statusCode()).isEqualTo(200);
        }
    }
}
