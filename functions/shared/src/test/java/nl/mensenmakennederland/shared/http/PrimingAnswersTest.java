package nl.mensenmakennederland.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A priming request answered otherwise than declared is logged as an error and reported, never thrown. */
class PrimingAnswersTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restoreLog() {
        Log.redirect(System.out);
    }

    /** A route whose store is down: every request fails with a 500. */
    static final class BrokenHandler extends HttpHandler {

        @Override
        protected List<PrimingRequest> primingRequests() {
            return List.of(PrimingRequest.to("GET /events/{id}").pathParameter("id", "priming-no-such-event").expect(404));
        }

        @Override
        protected APIGatewayV2HTTPResponse handle(Request request) {
            throw new IllegalStateException("the table is gone");
        }
    }

    /** A route that answers as its priming request declares. */
    static final class WorkingHandler extends HttpHandler {

        @Override
        protected List<PrimingRequest> primingRequests() {
            return List.of(PrimingRequest.to("GET /events"), PrimingRequest.to("GET /events/{id}")
                    .pathParameter("id", "priming-no-such-event").expect(404));
        }

        @Override
        protected APIGatewayV2HTTPResponse handle(Request request) {
            if (request.routeKey().equals("GET /events")) {
                return Responses.json(200, Map.of("events", List.of()));
            }
            throw Problem.notFound("Deze activiteit bestaat niet (meer).");
        }
    }

    @Test
    void aFiveHundredWhereA404IsExpectedIsLoggedAsAnErrorAndReturnedWithoutFailingPriming() throws Exception {
        Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));

        List<PrimingRequest.Answer> answers = new BrokenHandler().prime();

        assertThat(answers).containsExactly(new PrimingRequest.Answer("GET /events/{id}", 404, 500));
        assertThat(answers.getFirst().asExpected()).isFalse();
        JsonNode unexpected = null;
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode entry = Json.MAPPER.readTree(line);
            if (entry.path("event").asText().equals("priming.unexpected")) {
                unexpected = entry;
            }
        }
        assertThat(unexpected).as("a priming.unexpected log line").isNotNull();
        assertThat(unexpected.path("level").asText()).isEqualTo("ERROR");
        assertThat(unexpected.path("route").asText()).isEqualTo("GET /events/{id}");
        assertThat(unexpected.path("status").asInt()).isEqualTo(500);
        assertThat(unexpected.path("expected").asInt()).isEqualTo(404);
    }

    @Test
    void answersAsDeclaredAreReportedAndLogNoError() {
        Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));

        List<PrimingRequest.Answer> answers = new WorkingHandler().prime();

        assertThat(answers).containsExactly(new PrimingRequest.Answer("GET /events", 200, 200),
                new PrimingRequest.Answer("GET /events/{id}", 404, 404));
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("priming.unexpected");
    }
}
