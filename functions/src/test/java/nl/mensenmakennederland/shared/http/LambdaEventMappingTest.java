package nl.mensenmakennederland.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.StreamImages;
import nl.mensenmakennederland.testing.RepositoryRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our handlers read their events and write their answers themselves (stream handlers), with
 * our JSON mapper instead of the java runtime's serializers: they must read and write exactly
 * what the runtime would.
 */
class LambdaEventMappingTest {

    static Stream<Path> httpSamples() throws IOException {
        try (Stream<Path> files = Files.list(RepositoryRoot.path().resolve("events"))) {
            return files.filter(f -> f.toString().endsWith(".json")).filter(f -> read(f).has("routeKey")).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("httpSamples")
    void everyHttpSampleReadsAsTheRuntimeReadsIt(Path sample) throws IOException {
        byte[] json = Files.readAllBytes(sample);
        PojoSerializer<APIGatewayV2HTTPEvent> runtime =
                LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader());

        APIGatewayV2HTTPEvent ours = Json.MAPPER.readValue(json, APIGatewayV2HTTPEvent.class);

        assertThat(ours).isEqualTo(runtime.fromJson(new ByteArrayInputStream(json)));
    }

    @Test
    void theAnswerIsWrittenAsTheRuntimeWritesIt() throws IOException {
        APIGatewayV2HTTPResponse answer = Responses.json(201, Map.of("status", "confirmed"), Map.of("location", "/x"));
        HttpHandler handler = new HttpHandler() {
            @Override
            protected APIGatewayV2HTTPResponse handle(Request request) {
                return answer;
            }
        };
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(RepositoryRoot.path().resolve("events/list-events.json"))),
                ours, null);
        ByteArrayOutputStream runtime = new ByteArrayOutputStream();
        LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, getClass().getClassLoader()).toJson(answer, runtime);

        assertThat(withoutNulls(Json.MAPPER.readTree(ours.toByteArray())))
                .isEqualTo(withoutNulls(Json.MAPPER.readTree(runtime.toByteArray())));
    }

    @Test
    void theOutboxStreamImageReadsAsTheRuntimeReadsIt() throws IOException {
        byte[] json = Files.readAllBytes(RepositoryRoot.path().resolve("events/mailer-outbox-insert.json"));
        DynamodbEvent runtime = LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader())
                .fromJson(new ByteArrayInputStream(json));

        JsonNode ours = Json.MAPPER.readTree(json).path("Records").get(0).path("dynamodb");

        assertThat(StreamImages.toItem(ours.path("NewImage")))
                .isEqualTo(StreamImages.toItem(runtime.getRecords().get(0).getDynamodb().getNewImage()));
        assertThat(ours.path("SequenceNumber").asText())
                .isEqualTo(runtime.getRecords().get(0).getDynamodb().getSequenceNumber());
    }

    @Test
    void aPrimingRequestArrivesAsTheRouteItNames() throws IOException {
        PrimingRequest priming = PrimingRequest.to("DELETE /registrations/{id}")
                .pathParameter("id", "abc").query("token", "t").jsonBody("{}");

        Request request = new Request(Json.MAPPER.readValue(priming.json(), APIGatewayV2HTTPEvent.class));

        assertThat(request.routeKey()).isEqualTo("DELETE /registrations/{id}");
        assertThat(request.pathParameter("id")).isEqualTo("abc");
        assertThat(request.query("token")).contains("t");
        assertThat(request.header("content-type")).contains("application/json");
        assertThat(request.jsonBody().isEmpty()).isTrue();
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            var copy = Json.MAPPER.createObjectNode();
            node.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    copy.set(e.getKey(), withoutNulls(e.getValue()));
                }
            });
            return copy;
        }
        return node;
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
