package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SeedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /events and GET /events/{id} against DynamoDB in moto, through real SDK calls. */
@ExtendWith(AwsEmulatorExtension.class)
class EventHandlersTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-13T12:30:00Z"), ZoneOffset.UTC);

    static EventStore store;
    static ListEventsHandler list;
    static GetEventHandler get;

    @BeforeAll
    static void seed(LocalAws aws) {
        store = new EventStore(aws.clients().dynamoDb(), aws.name("EventsTable"));
        // The seed as written, seen during the campaign (its clock stands on 13 January 2027).
        SeedEvents.load(store, SeedData.WRITTEN_FOR);
        list = new ListEventsHandler(store, CLOCK);
        get = new GetEventHandler(store, CLOCK);
    }

    private static APIGatewayV2HTTPResponse list(Map<String, String> query) {
        return ApiContract.call(list, ApiRequests.get("GET /events", "/events", Map.of(), query));
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("events").forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    @Test
    void listsOnlyEventsThatHaveNotStartedSortedByStart() {
        APIGatewayV2HTTPResponse response = list(Map.of());

        assertThat(response.getStatusCode()).isEqualTo(200);
        List<String> ids = ids(ApiRequests.body(response));
        // The clock stands during the session of 13 January: it and the one before are gone.
        assertThat(ids).doesNotContain("kb-2027-01-12-vrijwilligers-werven", "kb-2027-01-13-inclusief-vrijwilligerswerk");
        assertThat(ids).hasSize(SeedData.events(SeedData.WRITTEN_FOR).size() - 2);
        List<String> starts = new ArrayList<>();
        ApiRequests.body(response).get("events").forEach(e -> starts.add(e.get("startsAt").asText()));
        assertThat(starts).isSorted();
    }

    @Test
    void filtersByType() {
        JsonNode body = ApiRequests.body(list(Map.of("type", "week-van-het-vragen")));

        assertThat(ids(body)).containsExactly("wvhv-2027-03-16-utrecht", "wvhv-2027-03-18-groningen",
                "wvhv-2027-09-21-rotterdam", "wvhv-2027-09-23-online");
        body.get("events").forEach(e -> assertThat(e.get("type").asText()).isEqualTo("week-van-het-vragen"));
    }

    @Test
    void showsSeatsLeftFromTheLedger() {
        Event amersfoort = store.find("exp-2027-02-04-amersfoort").orElseThrow();
        store.put(amersfoort.withSeats(new SeatLedger(amersfoort.seats().capacity(), 173, List.of(), 1)));

        JsonNode event = ApiRequests.body(ApiContract.call(get, ApiRequests.get("GET /events/{id}",
                "/events/exp-2027-02-04-amersfoort", Map.of("id", "exp-2027-02-04-amersfoort"), Map.of())));

        assertThat(event.get("capacity").asInt()).isEqualTo(200);
        assertThat(event.get("seatsLeft").asInt()).isEqualTo(27);
        assertThat(event.get("waitlist").asBoolean()).isTrue();
        assertThat(event.get("maxSeatsPerRegistration").asInt()).isEqualTo(10);
        assertThat(event.get("location").asText()).contains("Amersfoort");
    }

    @Test
    void anUnknownTypeIsABadRequestNamingTheField() {
        APIGatewayV2HTTPResponse response = list(Map.of("type", "borrel"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders().get("content-type")).startsWith("application/problem+json");
        JsonNode problem = ApiRequests.body(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("type");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("kennisboost");
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() {
        for (String id : List.of("bestaat-niet", "../../etc/passwd", "A".repeat(500))) {
            APIGatewayV2HTTPResponse response = ApiContract.call(get, 
                    ApiRequests.get("GET /events/{id}", "/events/" + id, Map.of("id", id), Map.of()));

            assertThat(response.getStatusCode()).isEqualTo(404);
            assertThat(ApiRequests.body(response).get("title").asText()).isEqualTo("Niet gevonden");
        }
    }
}
