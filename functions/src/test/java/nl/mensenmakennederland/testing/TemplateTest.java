package nl.mensenmakennederland.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import nl.mensenmakennederland.shared.Json;
import org.junit.jupiter.api.Test;

/** template.yaml and the code agree: handlers exist, routes have sample events, names resolve. */
class TemplateTest {

    private final SamTemplate template = SamTemplate.load();

    @Test
    void everyFunctionNamesAnExistingRequestHandler() throws ReflectiveOperationException {
        assertThat(template.functions()).isNotEmpty();
        for (SamTemplate.Function function : template.functions()) {
            Class<?> handler = Class.forName(function.handlerClass());
            assertThat(RequestHandler.class.isAssignableFrom(handler))
                    .as("%s implements RequestHandler", function.handler()).isTrue();
            assertThat(function.handler()).endsWith("::handleRequest");
            handler.getConstructor();
        }
    }

    /** The deployment package is the minimized jar bench/coldstart measures (functions/Makefile), for every function. */
    @Test
    void everyFunctionIsBuiltFromTheShadedJar() {
        for (SamTemplate.Function function : template.functions()) {
            assertThat(template.metadata(function.logicalId())).as("%s Metadata", function.logicalId())
                    .containsEntry("BuildMethod", "makefile");
        }
    }

    @Test
    void everyHttpRouteHasASampleEventInTheEventsFolder() throws IOException {
        Set<String> sampled = new HashSet<>();
        try (Stream<Path> files = Files.list(RepositoryRoot.path().resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode event = Json.MAPPER.readTree(file.toFile());
                if (event.hasNonNull("routeKey")) {
                    sampled.add(event.get("routeKey").asText());
                }
            }
        }
        assertThat(template.routes()).isNotEmpty();
        for (SamTemplate.Route route : template.routes()) {
            assertThat(sampled).as("a sample event for %s", route.routeKey()).contains(route.routeKey());
        }
    }

    @Test
    void functionEnvironmentResolvesToTheLocalResourceNames() {
        SamTemplate.Function list = template.function("ListEventsFunction");

        assertThat(list.environment()).containsEntry("EVENTS_TABLE", "EventsTable")
                .containsEntry("UPLOADS_BUCKET", "mmn-dev-uploads-123456789012-eu-west-1")
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        assertThat(template.physicalName("UploadsBucket")).isEqualTo(list.environment().get("UPLOADS_BUCKET"));
    }

    @Test
    void parametersCanBeOverriddenForALocalRun() {
        SamTemplate local = SamTemplate.load(java.util.Map.of("SiteOrigin", "http://localhost:3000"));

        assertThat(local.function("ListEventsFunction").environment()).containsEntry("SITE_ORIGIN", "http://localhost:3000");
    }

    @Test
    void routesCarryTheirMethodAndPath() {
        assertThat(template.routes()).extracting(SamTemplate.Route::routeKey)
                .contains("GET /events", "GET /events/{id}");
    }
}
