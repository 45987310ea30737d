package nl.mensenmakennederland.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/openapi.yaml describes exactly the routes of template.yaml, and the sample events keep it. */
class ApiContractTest {

    /** Sample events that show how bad input is refused: the contract must refuse them too. */
    private static final Set<String> DELIBERATELY_INVALID = Set.of("register-invalid.json", "list-events-unknown-type.json",
            "create-entry-invalid.json");

    @Test
    void everyTemplateRouteIsInTheContractAndNothingElse() {
        List<String> routes = SamTemplate.load().routes().stream().map(SamTemplate.Route::routeKey).sorted().toList();
        List<String> operations = ApiContract.operations().stream().map(ApiContract.Operation::routeKey).sorted().toList();

        assertThat(operations).isEqualTo(routes);
    }

    @Test
    void adminRoutesNeedTheAdminTokenInTheContractToo() {
        for (SamTemplate.Route route : SamTemplate.load().routes()) {
            assertThat(ApiContract.operation(route.routeKey()).orElseThrow().secured())
                    .as("%s needs the admin token", route.routeKey()).isEqualTo(route.adminOnly());
        }
    }

    @Test
    void sampleRequestsKeepTheContractUnlessTheyShowBadInput() throws IOException {
        List<Path> samples = httpSampleEvents();
        assertThat(samples).extracting(p -> p.getFileName().toString()).containsAll(DELIBERATELY_INVALID);
        for (Path sample : samples) {
            APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(sample.toString());
            boolean invalid = DELIBERATELY_INVALID.contains(sample.getFileName().toString());

            List<String> violations = ApiContract.requestViolations(event);

            assertThat(!violations.isEmpty()).as("%s breaks docs/openapi.yaml: %s", sample.getFileName(), violations)
                    .isEqualTo(invalid);
        }
    }

    private static List<Path> httpSampleEvents() throws IOException {
        try (Stream<Path> files = Files.list(RepositoryRoot.path().resolve("events"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .filter(ApiContractTest::isHttpEvent).toList();
        }
    }

    private static boolean isHttpEvent(Path file) {
        try {
            return Files.readString(file).contains("\"routeKey\"");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
