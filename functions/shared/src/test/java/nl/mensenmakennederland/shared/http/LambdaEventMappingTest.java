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
        assertReadAsTheRuntimeReads(Files.readAllBytes(sample));
    }

    /** What admin routes receive behind the JWT authorizer, with the parts the samples leave out. */
    @Test
    void anAuthorizedRequestWithCookiesReadsAsTheRuntimeReadsIt() throws IOException {
        var event = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(
                RepositoryRoot.path().resolve("events/register.json").toFile());
        event.putArray("cookies").add("a=1").add("b=2");
        event.putObject("stageVariables").put("stage", "dev");
        var authorizer = event.with("requestContext").putObject("authorizer");
        authorizer.putObject("jwt").put("scopes", (String) null).putObject("claims")
                .put("sub", "u-1").put("cognito:groups", "[admins]").put("exp", 1799053200);
        authorizer.putObject("lambda").put("tenant", "nov").putArray("roles").add("jury");
        authorizer.putObject("iam").put("accessKey", "AKIA").put("userArn", "arn:aws:iam::1:user/x")
                .putObject("cognitoIdentity").put("identityId", "id").putArray("amr").add("authenticated");
        event.put("isBase64Encoded", true).put("body", "e30=");

        assertReadAsTheRuntimeReads(Json.MAPPER.writeValueAsBytes(event));
    }

    private void assertReadAsTheRuntimeReads(byte[] json) throws IOException {
        PojoSerializer<APIGatewayV2HTTPEvent> runtime =
                LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader());

        APIGatewayV2HTTPEvent ours = ApiGatewayJson.readEvent(new ByteArrayInputStream(json));

        assertThat(ours).isEqualTo(runtime.fromJson(new ByteArrayInputStream(json)));
    }

    @Test
    void theAnswerIsWrittenAsTheRuntimeWritesIt() throws IOException {
        APIGatewayV2HTTPResponse answer = Responses.json(201, Map.of("status", "confirmed"), Map.of("location", "/x"));
        answer.setCookies(List.of("seen=1"));
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

        Request request = new Request(ApiGatewayJson.readEvent(new ByteArrayInputStream(priming.json())));

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
