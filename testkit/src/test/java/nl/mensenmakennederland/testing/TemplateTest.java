package nl.mensenmakennederland.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** template.yaml and the code agree: handlers exist, routes have sample events, names resolve. */
class TemplateTest {

    private final SamTemplate template = SamTemplate.load();

    /** Every function runs a package of its job's module (RuntimeClientTest runs each from it). */
    @Test
    void everyFunctionRunsAPackageOfTheModuleItsHandlerBelongsTo() {
        for (SamTemplate.Function function : template.functions()) {
            String id = function.logicalId();
            String job = template.functionProperty(id, "Handler").toString().split("\\.")[2];
            assertThat(template.functionProperty(id, "CodeUri").toString()).as("%s CodeUri", id)
                    .matches("functions/" + job + "/target/[a-z]+\\.zip");
            assertThat(RepositoryRoot.path().resolve("functions/" + job + "/pom.xml")).as("%s: a module of its own", job).isRegularFile();
        }
    }

    @Test
    void everyHttpRouteHasASampleEventInTheEventsFolder() throws IOException {
        Set<String> sampled = new HashSet<>();
        try (Stream<Path> files = Files.list(RepositoryRoot.path().resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode event = Jackson.MAPPER.readTree(file.toFile());
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
    void adminsMustSignInWithAnAuthenticatorApp() {
        var pool = template.resource("AdminUserPool").properties();

        assertThat(pool).containsEntry("MfaConfiguration", "ON");
        assertThat(pool.get("EnabledMfas")).isEqualTo(List.of("SOFTWARE_TOKEN_MFA"));
    }

    /** Deleting the stack, or a change that replaces a resource, must not take the data or the admins' accounts with it. */
    @Test
    void tablesAndTheUserPoolSurviveADeletedStackAndRefuseToBeDeleted() {
        List<SamTemplate.Resource> tables = template.resources("AWS::DynamoDB::Table");
        assertThat(tables).isNotEmpty();
        for (SamTemplate.Resource table : tables) {
            assertThat(table.properties()).as(table.logicalId()).containsEntry("DeletionProtectionEnabled", true);
            assertThat(template.attribute(table.logicalId(), "DeletionPolicy")).as(table.logicalId()).isEqualTo("Retain");
            assertThat(template.attribute(table.logicalId(), "UpdateReplacePolicy")).as(table.logicalId()).isEqualTo("Retain");
        }
        assertThat(template.resource("AdminUserPool").properties()).containsEntry("DeletionProtection", "ACTIVE");
        assertThat(template.attribute("AdminUserPool", "DeletionPolicy")).isEqualTo("Retain");
        assertThat(template.attribute("AdminUserPool", "UpdateReplacePolicy")).isEqualTo("Retain");
    }

    /** CloudFormation matches AllowedPattern against the whole value, as {@link Pattern#matches} does. */
    @Test
    void theSiteOriginMustBeAnHttpsOrigin() {
        Pattern origin = allowedPattern("SiteOrigin");

        assertThat(origin.matcher(template.parameter("SiteOrigin")).matches()).isTrue();
        assertThat(origin.matcher("https://test.mensenmakennederland.nl:8443").matches()).isTrue();
        assertThat(List.of("http://www.mensenmakennederland.nl", "https://www.mensenmakennederland.nl/",
                "https://www.mensenmakennederland.nl/beheer.html", "https://WWW.mensenmakennederland.nl",
                "https://evil.example@www.mensenmakennederland.nl", "https://", "*", "javascript:alert(1)"))
                .allSatisfy(bad -> assertThat(origin.matcher(bad).matches()).as(bad).isFalse());
    }

    @Test
    void theTokenKeyParameterNeedsTheLeadingSlashOfItsArn() {
        Pattern name = allowedPattern("TokenKeyParameter");

        assertThat(name.matcher(template.parameter("TokenKeyParameter")).matches()).isTrue();
        assertThat(name.matcher("/mmn/prod/token-signing-key").matches()).isTrue();
        assertThat(List.of("mensenmakennederland/token-signing-key", "token-signing-key", "/", "//x", "/x/",
                "/x y", "/x,y", "")).allSatisfy(bad -> assertThat(name.matcher(bad).matches()).as(bad).isFalse());
    }

    private Pattern allowedPattern(String parameter) {
        Object pattern = template.parameterDeclaration(parameter).get("AllowedPattern");
        assertThat(pattern).as("%s AllowedPattern", parameter).isInstanceOf(String.class);
        return Pattern.compile((String) pattern);
    }

    @Test
    void routesCarryTheirMethodAndPath() {
        assertThat(template.routes()).extracting(SamTemplate.Route::routeKey)
                .contains("GET /events", "GET /events/{id}");
    }
}
