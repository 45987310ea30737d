package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.ZoneOffset;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SeedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/** The registration routes' sample events in {@code events/}, through the runtime's serializers, against moto. */
@ExtendWith(AwsEmulatorExtension.class)
class RegistrationSampleEventsTest {

    static CampaignBackend backend;

    @BeforeAll
    static void seed(LocalAws aws) {
        backend = new CampaignBackend(aws, Clock.fixed(SeedData.WRITTEN_FOR, ZoneOffset.UTC));
        SeedEvents.load(backend.events, SeedData.WRITTEN_FOR);
    }

    @ParameterizedTest
    @Event(value = "../../events/register.json", type = APIGatewayV2HTTPEvent.class)
    void registerConfirmsAnOrganisationWithThreeSeatsOnce(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse first = ApiContract.call(backend.register, event);
        APIGatewayV2HTTPResponse retried = ApiContract.call(backend.register, event);

        assertThat(first.getStatusCode()).isEqualTo(201);
        JsonNode body = ApiRequests.body(first);
        assertThat(body.get("status").asText()).isEqualTo("confirmed");
        assertThat(body.get("seats").asInt()).isEqualTo(3);
        assertThat(ApiRequests.body(retried)).as("same Idempotency-Key, same answer").isEqualTo(body);
        assertThat(backend.events.find(event.getPathParameters().get("id")).orElseThrow().seats().confirmedSeats()).isEqualTo(3);
    }

    @ParameterizedTest
    @Event(value = "../../events/register-invalid.json", type = APIGatewayV2HTTPEvent.class)
    void registerRefusesAnIncompleteForm(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = ApiContract.call(backend.register, event);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(ApiRequests.body(response).get("errors")).hasSize(4);
    }

    @ParameterizedTest
    @Event(value = "../../events/get-registration-forged-token.json", type = APIGatewayV2HTTPEvent.class)
    void getRegistrationRefusesAForgedToken(APIGatewayV2HTTPEvent event) {
        assertThat(ApiContract.call(backend.getRegistration, event).getStatusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @Event(value = "../../events/cancel-registration-forged-token.json", type = APIGatewayV2HTTPEvent.class)
    void cancelRegistrationRefusesAForgedToken(APIGatewayV2HTTPEvent event) {
        assertThat(ApiContract.call(backend.cancelRegistration, event).getStatusCode()).isEqualTo(403);
    }
}
