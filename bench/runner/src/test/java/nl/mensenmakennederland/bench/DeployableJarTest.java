package nl.mensenmakennederland.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import nl.mensenmakennederland.testing.CampaignBackend;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.MotoServer;
import nl.mensenmakennederland.testing.RepositoryRoot;
import nl.mensenmakennederland.testing.SamTemplate;
import nl.mensenmakennederland.testing.SeedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tests of functions/ run its classes; Lambda runs the minimized jar. Every function of
 * template.yaml is started here from that jar, in a fresh JVM as Lambda starts it, and must do
 * its real work: once cold, once after its SnapStart priming (which must not fail).
 */
class DeployableJarTest {

    @Test
    void everyFunctionDoesItsWorkFromTheDeployableJarColdAndAfterPriming() throws Exception {
        Assumptions.assumeTrue(MotoServer.installed(), "moto_server is not on the PATH");
        Path root = RepositoryRoot.path();
        Path work = Files.createDirectories(root.resolve("bench/runner/target/deployable-jar-test"));
        SamTemplate template = SamTemplate.load();
        try (LocalAws aws = new LocalAws(template, MotoServer.start(work.resolve("moto_server.log")))) {
            aws.reset();
            CampaignBackend backend = new CampaignBackend(aws, Clock.systemUTC());
            SeedData.loadEvents(backend.events);
            backend.verifySender();
            List<Variant> functions = ColdStartBenchmark.variants(template, aws.endpoint(), Artifacts.locate(root),
                    new SampleEvents(root.resolve("events")), new Fixtures(aws, backend)).stream()
                    .filter(v -> !v.reference()).toList();
            ChildJvm jvm = new ChildJvm(work);

            assertThat(functions).hasSize(template.functions().size()).allMatch(Variant::measurable);
            for (Variant function : functions) {
                Measurement cold = jvm.cold(function);
                Measurement primed = jvm.primed(function, 1);
                assertThat(cold.success()).as("%s cold: %s", function.name(), cold.outcome()).isTrue();
                assertThat(primed.success()).as("%s after priming: %s", function.name(), primed.outcome()).isTrue();
                assertThat(primed.primingResources()).as("%s registers its priming", function.name()).isPositive();
            }
        }
    }
}
