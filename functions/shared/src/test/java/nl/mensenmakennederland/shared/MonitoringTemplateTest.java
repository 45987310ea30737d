package nl.mensenmakennederland.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Metrics.Metric;
import org.junit.jupiter.api.Test;

/**
 * The template's alarms and dashboard cover what runs: a function, a metric the code counts or
 * the API added later without its alarm or its graph fails here. Checked on the transformed
 * template, with the dashboard's body resolved and read as the JSON CloudWatch receives.
 */
class MonitoringTemplateTest {

    private static final Map<String, String> ALARM_TOPIC = Map.of("Ref", "AlarmTopic");

    private final TransformedTemplate template = TransformedTemplate.load();

    @Test
    void everyFunctionHasAnErrorsAlarmThatMailsTheAdmins() {
        List<String> functions = template.resources("AWS::Lambda::Function");
        assertThat(functions).hasSize(SamTemplate.load().functions().size());
        for (String function : functions) {
            assertThat(alarmsOn("AWS/Lambda", "Errors", "FunctionName", Map.of("Ref", function)))
                    .as("an Errors alarm for %s that notifies AlarmTopic", function).isNotEmpty();
        }
    }

    @Test
    void serverErrorsOfTheApiAndTheDeadLettersMailTheAdmins() {
        assertThat(alarmsOn("AWS/ApiGateway", "5xx", "ApiId", Map.of("Ref", "CampaignApi"))).hasSize(1);
        assertThat(alarmsOn("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName",
                Map.of("Fn::GetAtt", List.of("MailDeadLetters", "QueueName")))).hasSize(1);
        assertThat(alarmsOn("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName",
                Map.of("Fn::GetAtt", List.of("UploadCheckDeadLetters", "QueueName")))).as("unchecked uploads").hasSize(1);

        JsonNode subscription = template.properties(template.resources("AWS::SNS::Subscription").getFirst());
        assertThat(template.resolve(subscription.path("TopicArn"))).isEqualTo("AlarmTopic");
        assertThat(subscription.path("Protocol").asText()).isEqualTo("email");
        assertThat(template.string(subscription.path("Endpoint")))
                .isEqualTo(SamTemplate.load().parameter("AdminAddresses").split(",")[0]);
    }

    @Test
    void theDashboardGraphsEveryBusinessMetricEveryFunctionTheApiAndTheDeadLetters() throws IOException {
        List<String> dashboards = template.resources("AWS::CloudWatch::Dashboard");
        assertThat(dashboards).hasSize(1);
        JsonNode body = Json.MAPPER.readTree(template.string(template.properties(dashboards.getFirst()).path("DashboardBody")));
        List<List<String>> graphed = new ArrayList<>();
        for (JsonNode widget : body.path("widgets")) {
            assertThat(widget.path("properties").path("region").asText()).isEqualTo(SamTemplate.REGION);
            for (JsonNode metric : widget.path("properties").path("metrics")) {
                List<String> names = new ArrayList<>();
                metric.forEach(part -> {
                    if (part.isTextual()) {
                        names.add(part.asText());
                    }
                });
                graphed.add(names);
            }
        }

        // The business metrics as Metrics writes them: namespace and service from the functions' environment.
        SamTemplate.Function any = SamTemplate.load().functions().getFirst();
        String namespace = any.environment().get("METRICS_NAMESPACE");
        String service = any.environment().get("SERVICE_NAME");
        String stage = any.environment().get("STAGE");
        for (Metric metric : Metric.values()) {
            assertThat(graphed).as("%s on the dashboard", metric.metricName())
                    .contains(List.of(namespace, metric.metricName(), "Service", service, "Stage", stage));
        }
        for (String function : template.resources("AWS::Lambda::Function")) {
            for (String metric : List.of("Errors", "Duration", "Throttles")) {
                assertThat(graphed).as("%s of %s", metric, function).contains(List.of("AWS/Lambda", metric, "FunctionName", function));
            }
        }
        for (String metric : List.of("Count", "5xx", "Latency")) {
            assertThat(graphed).contains(List.of("AWS/ApiGateway", metric, "ApiId", "CampaignApi"));
        }
        assertThat(graphed).contains(List.of("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", "MailDeadLetters"));
        assertThat(graphed).contains(List.of("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", "UploadCheckDeadLetters"));
    }

    /** Alarms on one metric of one resource that notify the admins' topic. */
    private List<String> alarmsOn(String namespace, String metric, String dimension, Object value) {
        List<String> found = new ArrayList<>();
        for (String alarm : template.resources("AWS::CloudWatch::Alarm")) {
            JsonNode properties = template.properties(alarm);
            boolean matches = namespace.equals(properties.path("Namespace").asText())
                    && metric.equals(properties.path("MetricName").asText())
                    && properties.path("Dimensions").size() == 1
                    && dimension.equals(properties.path("Dimensions").path(0).path("Name").asText())
                    && Json.MAPPER.valueToTree(value).equals(properties.path("Dimensions").path(0).path("Value"))
                    && properties.path("AlarmActions").toString().contains(Json.write(ALARM_TOPIC));
            if (matches) {
                found.add(alarm);
            }
        }
        return found;
    }
}
