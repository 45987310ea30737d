package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import nl.mensenmakennederland.shared.ManageToken.Refusal;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Responses;
import nl.mensenmakennederland.testing.ApiContract;
import org.junit.jupiter.api.Test;

/**
 * Every outcome of every use case, answered by its handler: with the status this table gives,
 * and an answer (status, headers, body or problem document) that docs/openapi.yaml documents
 * for the route. A new outcome fails compilation in its handler's switch, and here until it has
 * its row: the table must name every permitted outcome.
 */
class OutcomeAnswersTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Event EVENT = new Event("kb-2027-01-14-jongeren-betrekken", EventType.KENNISBOOST, "Jongeren betrekken",
            null, NOW.plus(Duration.ofDays(44)), NOW.plus(Duration.ofDays(44).plusHours(1)), null, true,
            "https://live.mensenmakennederland.nl/jongeren", 1, true, null, SeatLedger.empty(100));
    static final Registering.Registered REGISTERED = new Registering.Registered("AAAAAAAAAAAAAAAAAAAAAA", EVENT.id(),
            "waitlisted", 3, 1, "https://www.mensenmakennederland.nl/beheer.html?registration=AAAAAAAAAAAAAAAAAAAAAA&token=x");

    @Test
    void everyRegistrationOutcomeHasItsDocumentedAnswer() {
        Map<Registering.Outcome, Integer> statuses = new LinkedHashMap<>();
        statuses.put(new Registering.Confirmed(REGISTERED), 201);
        statuses.put(new Registering.Waitlisted(REGISTERED, 2), 201);
        statuses.put(new Registering.AnsweredBefore(REGISTERED), 201);
        statuses.put(new Registering.AlreadyRegistered(), 409);
        statuses.put(new Registering.Full(), 409);
        statuses.put(new Registering.Closed(), 409);
        statuses.put(new Registering.NoSuchEvent(), 404);
        statuses.put(new Registering.TooManySeats(1), 422);
        statuses.put(new Registering.KeyReused(), 422);
        statuses.put(new Registering.Busy(), 503);

        assertAnswered("POST /events/{id}/registrations", Registering.Outcome.class, statuses, RegisterHandler::answer);
    }

    @Test
    void everyOutcomeOfOpeningAManageLinkHasItsDocumentedAnswer() {
        Map<Viewing.Outcome, Integer> viewing = new LinkedHashMap<>();
        viewing.put(new Viewing.Viewed(new Viewing.RegistrationView("AAAAAAAAAAAAAAAAAAAAAA", "confirmed", 1, null,
                "Anna Bakker", "anna@example.nl", null, "Utrecht", "2026-12-01T10:00:00Z",
                new Viewing.EventSummary(EVENT.id(), EVENT.title(), "2027-01-14T10:00:00Z", "2027-01-14T11:00:00Z",
                        null, true, EVENT.onlineUrl()))), 200);
        viewing.put(new Viewing.NoSuchEvent(), 404);
        viewing.put(new ManageLinks.NoSuchRegistration(), 404);
        Arrays.stream(Refusal.values()).forEach(why -> viewing.put(new ManageLinks.Refused(why), 403));
        assertAnswered("GET /registrations/{id}", Viewing.Outcome.class, viewing, GetRegistrationHandler::answer);

        Map<Cancelling.Outcome, Integer> cancelling = new LinkedHashMap<>();
        cancelling.put(new Cancelling.Cancelled(2), 200);
        cancelling.put(new Cancelling.AlreadyCancelled(), 200);
        cancelling.put(new Cancelling.NoSuchEvent(), 404);
        cancelling.put(new Cancelling.Busy(), 503);
        cancelling.put(new ManageLinks.NoSuchRegistration(), 404);
        Arrays.stream(Refusal.values()).forEach(why -> cancelling.put(new ManageLinks.Refused(why), 403));
        assertAnswered("DELETE /registrations/{id}", Cancelling.Outcome.class, cancelling, CancelRegistrationHandler::answer);
    }

    @Test
    void everyOutcomeOfTheAdminsUseCasesHasItsDocumentedAnswer() {
        Map<EventAdmin.Creation, Integer> creating = new LinkedHashMap<>();
        creating.put(new EventAdmin.Created(EVENT), 201);
        creating.put(new EventAdmin.IdMalformed(), 422);
        creating.put(new EventAdmin.IdTaken(EVENT.id()), 409);
        assertAnswered("POST /admin/events", EventAdmin.Creation.class, creating,
                creation -> CreateEventHandler.answer(creation, NOW));

        Map<EventAdmin.Change, Integer> changing = new LinkedHashMap<>();
        changing.put(new EventAdmin.Changed(EVENT, 3), 200);
        changing.put(new EventAdmin.NoSuchEvent(), 404);
        changing.put(new EventAdmin.CapacityBelowConfirmed(12), 409);
        changing.put(new EventAdmin.WaitlistInUse(4), 409);
        changing.put(new EventAdmin.Busy(), 503);
        assertAnswered("PUT /admin/events/{id}", EventAdmin.Change.class, changing, change -> UpdateEventHandler.answer(change, NOW));
    }

    private static <O> void assertAnswered(String routeKey, Class<O> outcomes, Map<? extends O, Integer> statuses,
                                           Function<O, APIGatewayV2HTTPResponse> handler) {
        assertThat(statuses.keySet().stream().map(Object::getClass).distinct())
                .as("a row for every outcome of %s", outcomes.getSimpleName())
                .containsExactlyInAnyOrder(outcomes.getPermittedSubclasses());
        APIGatewayV2HTTPEvent route = APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).build();
        statuses.forEach((outcome, status) -> {
            APIGatewayV2HTTPResponse response;
            try {
                response = handler.apply(outcome);
            } catch (Problem problem) { // as HttpHandler answers it
                response = Responses.problem(problem);
            }
            assertThat(response.getStatusCode()).as("%s: %s", routeKey, outcome).isEqualTo(status);
            assertThat(ApiContract.responseViolations(route, response)).as("%s: %s", routeKey, outcome).isEmpty();
        });
    }
}
