package nl.mensenmakennederland.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nl.mensenmakennederland.testing.ApiRequests;
import org.junit.jupiter.api.Test;

class RequestTest {

    private static Request post(String contentType, String body) {
        return new Request(ApiRequests.request("POST /events/{id}/registrations", "/events/x/registrations",
                Map.of("id", "x"), Map.of(), contentType == null ? Map.of() : Map.of("content-type", contentType), body));
    }

    private static int statusOf(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (Problem problem) {
            return problem.status();
        }
    }

    @Test
    void aJsonObjectIsRead() {
        assertThat(post("application/json; charset=utf-8", "{\"name\":\"Anna\"}").jsonBody().get("name").asText())
                .isEqualTo("Anna");
    }

    @Test
    void anythingButJsonIsRefusedAsUnsupportedMediaType() {
        assertThat(statusOf(() -> post("application/x-www-form-urlencoded", "name=Anna").jsonBody())).isEqualTo(415);
        assertThat(statusOf(() -> post(null, "{}").jsonBody())).isEqualTo(415);
    }

    @Test
    void malformedJsonOrANonObjectIsABadRequest() {
        assertThat(statusOf(() -> post("application/json", "{\"name\":").jsonBody())).isEqualTo(400);
        assertThat(statusOf(() -> post("application/json", "[1,2]").jsonBody())).isEqualTo(400);
        assertThat(statusOf(() -> post("application/json", "").jsonBody())).isEqualTo(400);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsParsed() {
        String huge = "{\"name\":\"" + "a".repeat(Request.MAX_BODY_BYTES) + "\"}";
        assertThat(statusOf(() -> post("application/json", huge).jsonBody())).isEqualTo(413);
    }

    @Test
    void headersAreFoundWhateverTheCaseTheCallerAsksIn() {
        assertThat(post("application/json", "{}").header("Content-Type")).contains("application/json");
    }

    @Test
    void aMissingPathParameterIsABadRequestNotACrash() {
        Request request = new Request(ApiRequests.get("GET /events/{id}", "/events/", Map.of(), Map.of()));
        assertThatThrownBy(() -> request.pathParameter("id")).isInstanceOf(Problem.class);
    }
}
