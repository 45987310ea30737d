package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.Forms;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SeedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /admin/events/{id} shows, before an admin saves a new capacity, who on the waiting line
 * it would move up; PUT /admin/events/{id} must then do exactly that, against moto, with
 * groups that ask for several seats. The page only compares each place's
 * {@code promotedFromCapacity} with the capacity typed in, as this test does.
 */
@ExtendWith(AwsEmulatorExtension.class)
class CapacityChangePreviewTest {

    static final Clock CLOCK = Clock.fixed(SeedData.WRITTEN_FOR, ZoneOffset.UTC);
    /** The fields of the event's form, as the edit page fills them from GET and sends them back with PUT. */
    static final List<String> FORM_FIELDS = List.of("type", "title", "description", "startsAt", "endsAt", "location", "online",
            "onlineUrl", "maxSeatsPerRegistration", "registrationClosesAt");

    CampaignBackend backend;
    GetAdminEventHandler get;
    UpdateEventHandler update;

    @BeforeEach
    void freshBackend(LocalAws aws) {
        backend = CampaignBackend.freshWithSeedEvents(aws, CLOCK);
        get = new GetAdminEventHandler(backend.events, CLOCK);
        update = new UpdateEventHandler(new EventAdmin(backend.events, backend.registrations, backend.desk.waitingLine(),
                ConflictRetry.standard()), CLOCK);
    }

    private static APIGatewayV2HTTPEvent admin(APIGatewayV2HTTPEvent event) {
        return ApiRequests.withJwtGroups(event, "[admins]");
    }

    private JsonNode view(String id) {
        APIGatewayV2HTTPResponse response = ApiContract.call(get, admin(ApiRequests.get("GET /admin/events/{id}",
                "/admin/events/" + id, Map.of("id", id), Map.of())));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return ApiRequests.body(response);
    }

    /** Saves the event's form as GET showed it, with another capacity and waiting-list switch. */
    private APIGatewayV2HTTPResponse save(JsonNode view, int capacity, boolean waitlist) {
        ObjectNode form = Json.MAPPER.createObjectNode();
        FORM_FIELDS.stream().filter(view::has).forEach(field -> form.set(field, view.get(field)));
        form.put("capacity", capacity).put("waitlist", waitlist);
        String id = view.get("id").asText();
        return ApiContract.call(update, admin(ApiRequests.request("PUT /admin/events/{id}", "/admin/events/" + id,
                Map.of("id", id), Map.of(), Map.of("content-type", "application/json"), form.toString())));
    }

    private String register(String eventId, String name, int seats) {
        APIGatewayV2HTTPResponse response = ApiContract.call(backend.register,
                Forms.post(eventId, Forms.registration(name, name.toLowerCase() + "@example.nl", seats), Map.of()));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return ApiRequests.body(response).get("registrationId").asText();
    }

    private static List<String> turns(JsonNode view) {
        List<String> turns = new ArrayList<>();
        view.get("waitingLine").forEach(t -> turns.add(t.get("position").asInt() + ": " + t.get("seats").asInt()
                + " seats from capacity " + t.get("promotedFromCapacity").asInt()));
        return turns;
    }

    @Test
    void theChangeMovesUpExactlyWhomTheViewSaidItWould() {
        String id = backend.onlineEvent("kb-2027-01-14-wachtrij", 3, 4);
        Map<String, String> names = new LinkedHashMap<>();
        register(id, "Anna", 3);                      // the 3 seats, confirmed
        for (String[] waiter : new String[][] {{"Bram", "2"}, {"Cor", "1"}, {"Dirk", "4"}, {"Eva", "1"}}) {
            names.put(register(id, waiter[0], Integer.parseInt(waiter[1])), waiter[0]);
        }
        assertThat(turns(view(id))).containsExactly("1: 2 seats from capacity 5", "2: 1 seats from capacity 6",
                "3: 4 seats from capacity 10", "4: 1 seats from capacity 11");
        // Each step: who the view predicts, and who that must be (Eva's one seat fits at 9, but she waits behind Dirk).
        Map<Integer, List<String>> steps = new LinkedHashMap<>();
        steps.put(4, List.of());
        steps.put(9, List.of("Bram", "Cor"));
        steps.put(10, List.of("Dirk"));
        steps.put(12, List.of("Eva"));
        List<String> waiting = new ArrayList<>(names.keySet());

        for (Map.Entry<Integer, List<String>> step : steps.entrySet()) {
            int capacity = step.getKey();
            JsonNode seen = view(id);
            List<String> predicted = new ArrayList<>();
            int predictedSeats = 0;
            for (JsonNode turn : seen.get("waitingLine")) {
                if (turn.get("promotedFromCapacity").asInt() <= capacity) {
                    predicted.add(waiting.get(turn.get("position").asInt() - 1));
                    predictedSeats += turn.get("seats").asInt();
                }
            }

            APIGatewayV2HTTPResponse saved = save(seen, capacity, true);

            assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
            List<String> promoted = waiting.stream().filter(r -> backend.registrations.find(r).orElseThrow().status()
                    == RegistrationStatus.CONFIRMED).toList();
            assertThat(promoted).as("moved up at capacity %d", capacity).isEqualTo(predicted);
            assertThat(promoted.stream().map(names::get).toList()).as("at capacity %d", capacity).isEqualTo(step.getValue());
            waiting.removeAll(promoted);
            JsonNode after = view(id);
            assertThat(after.get("confirmedSeats").asInt()).isEqualTo(seen.get("confirmedSeats").asInt() + predictedSeats);
            assertThat(after.get("capacity").asInt()).isEqualTo(capacity);
            assertThat(after.get("waiting").asInt()).isEqualTo(waiting.size());
            assertThat(ApiRequests.body(saved).get("waiting").asInt()).as("the change's own answer").isEqualTo(waiting.size());
            for (int place = 0; place < waiting.size(); place++) {
                assertThat(backend.events.find(id).orElseThrow().seats().positionOf(waiting.get(place)))
                        .as("the rest keep their order").hasValue(place + 1);
            }
        }
        assertThat(view(id).get("waitingLine")).isEmpty();
        assertThat(view(id).get("title").asText()).as("the rest of the form kept").isEqualTo(
                backend.events.find("kb-2027-01-14-jongeren-betrekken").orElseThrow().title());
    }

    @Test
    void theLowestCapacityAndTheWaitingListSwitchAreTheOnesTheChangeAccepts() {
        String id = backend.onlineEvent("kb-2027-01-14-vol", 5, 4);
        register(id, "Anna", 3);
        register(id, "Bram", 2);
        register(id, "Cor", 1);                       // waits: all 5 seats are confirmed
        JsonNode seen = view(id);
        long version = backend.events.find(id).orElseThrow().seats().version();

        assertThat(seen.get("minimumCapacity").asInt()).isEqualTo(5);
        assertThat(seen.get("waitlistRequired").asBoolean()).isTrue();
        assertThat(save(seen, 4, true).getStatusCode()).as("below the minimum").isEqualTo(409);
        assertThat(save(seen, 5, false).getStatusCode()).as("the waiting list switched off").isEqualTo(409);
        assertThat(backend.events.find(id).orElseThrow().seats().version()).as("nothing written").isEqualTo(version);
        assertThat(save(seen, 5, true).getStatusCode()).isEqualTo(200);

        JsonNode untouched = view("kb-2027-01-15-vrijwilligers-behouden");
        assertThat(untouched.get("minimumCapacity").asInt()).as("nobody registered yet").isEqualTo(1);
        assertThat(untouched.get("waitlistRequired").asBoolean()).isFalse();
        assertThat(untouched.get("waitingLine")).isEmpty();
    }

    @Test
    void theViewCarriesTheWholeFormAndNoOnesNameOrAddress() {
        String id = "exp-2027-02-04-amersfoort";
        register(id, "Fatima", 3);
        Event stored = backend.events.find(id).orElseThrow();

        JsonNode seen = view(id);

        assertThat(seen.get("description").asText()).isEqualTo(stored.description());
        assertThat(seen.get("location").asText()).isEqualTo(stored.location());
        assertThat(seen.get("maxSeatsPerRegistration").asInt()).isEqualTo(10);
        assertThat(seen.get("phase").asText()).isEqualTo("upcoming");
        assertThat(seen.toString()).doesNotContain("Fatima", "fatima@example.nl");
        assertThat(ApiContract.call(get, admin(ApiRequests.get("GET /admin/events/{id}", "/admin/events/bestaat-niet",
                Map.of("id", "bestaat-niet"), Map.of()))).getStatusCode()).isEqualTo(404);
    }
}
