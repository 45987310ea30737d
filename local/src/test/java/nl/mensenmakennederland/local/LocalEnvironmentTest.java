package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.mensenmakennederland.testing.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEnvironmentTest {

    private final SamTemplate template = SamTemplate.load(new RunnerOptions(3000).parameterOverrides());

    @Test
    void givesTheFunctionsTheirTemplateVariablesWithTheLocalSiteOrigin() {
        Map<String, String> environment = LocalEnvironment.compute(template, Map.of());

        assertThat(environment).containsEntry("EVENTS_TABLE", "EventsTable")
                .containsEntry("SITE_ORIGIN", "http://localhost:3000")
                .containsEntry("AWS_REGION", SamTemplate.REGION)
                .containsEntry("AWS_ACCESS_KEY_ID", "test")
                .doesNotContainKey("JAVA_TOOL_OPTIONS");
        assertThat(environment.get("AWS_ENDPOINT_URL")).isEqualTo("http://127.0.0.1:" + environment.get("LOCAL_MOTO_PORT"));
        assertThat(LocalEnvironment.mismatches(template, environment)).isEmpty();
    }

    @Test
    void anEmulatorTheDeveloperNamedIsUsedAndNoMotoStarted() {
        Map<String, String> environment = LocalEnvironment.compute(template, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"));

        assertThat(environment).containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:4566").doesNotContainKey("LOCAL_MOTO_PORT");
    }

    @Test
    void aJvmStartedWithoutThatEnvironmentIsToldWhatIsMissing() {
        assertThat(LocalEnvironment.mismatches(template, Map.of("EVENTS_TABLE", "EventsTable")))
                .contains("SITE_ORIGIN", "AWS_ENDPOINT_URL").doesNotContain("EVENTS_TABLE");
    }

    @Test
    void twoFunctionsGivingOneVariableTwoValuesIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, """
                Resources:
                  A:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.A::handleRequest
                      Environment:
                        Variables:
                          TABLE: One
                  B:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: b.B::handleRequest
                      Environment:
                        Variables:
                          TABLE: Two
                """);

        assertThatThrownBy(() -> LocalEnvironment.functionVariables(SamTemplate.load(file, Map.of())))
                .hasMessageContaining("TABLE").hasMessageContaining("'One'").hasMessageContaining("'Two'");
    }
}
