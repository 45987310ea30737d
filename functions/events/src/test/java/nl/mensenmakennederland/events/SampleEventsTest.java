package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SeedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The sample events in {@code events/} (the ones {@code sam local invoke -e} takes), read through
 * the Lambda runtime's own serializers and handled against moto with the seed data; every
 * answer keeps the contract, {@code docs/openapi.yaml}.
 */
@ExtendWith(AwsEmulatorExtension.class)
class SampleEventsTest {

    static EventStore store;

    @BeforeAll
    static void seed(LocalAws aws) {
        store = new EventStore(aws.clients().dynamoDb(), aws.name("EventsTable"));
        SeedEvents.load(store, SeedData.WRITTEN_FOR);
    }

    @ParameterizedTest
    @Event(value = "../../events/list-events.json", type = APIGatewayV2HTTPEvent.class)
    void listEventsAnswersTheUpcomingEvents(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = ApiContract.call(new ListEventsHandler(store, EventHandlersTest.CLOCK), event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(ApiRequests.body(response).get("events")).isNotEmpty();
    }

    @ParameterizedTest
    @Event(value = "../../events/list-events-kennisboost.json", type = APIGatewayV2HTTPEvent.class)
    void listEventsFiltersOnTheQueryString(APIGatewayV2HTTPEvent event) {
        JsonNode body = ApiRequests.body(ApiContract.call(new ListEventsHandler(store, EventHandlersTest.CLOCK), event));

        assertThat(body.get("events")).isNotEmpty().allSatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("kennisboost"));
    }

    @ParameterizedTest
    @Event(value = "../../events/list-events-unknown-type.json", type = APIGatewayV2HTTPEvent.class)
    void listEventsRefusesAnUnknownType(APIGatewayV2HTTPEvent event) {
        assertThat(ApiContract.call(new ListEventsHandler(store, EventHandlersTest.CLOCK), event).getStatusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @Event(value = "../../events/get-event.json", type = APIGatewayV2HTTPEvent.class)
    void getEventAnswersTheEventOfThePath(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = ApiContract.call(new GetEventHandler(store, EventHandlersTest.CLOCK), event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(ApiRequests.body(response).get("id").asText()).isEqualTo(event.getPathParameters().get("id"));
    }

    @ParameterizedTest
    @Event(value = "../../events/get-event-unknown.json", type = APIGatewayV2HTTPEvent.class)
    void getEventAnswersNotFoundForAnUnknownId(APIGatewayV2HTTPEvent event) {
        assertThat(ApiContract.call(new GetEventHandler(store, EventHandlersTest.CLOCK), event).getStatusCode()).isEqualTo(404);
    }
}
