package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SeedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/** The admin routes' sample events (with the claims API Gateway's JWT authorizer passes on), against moto. */
@ExtendWith(AwsEmulatorExtension.class)
class AdminSampleEventsTest {

    static final Clock CLOCK = Clock.fixed(SeedData.WRITTEN_FOR, ZoneOffset.UTC);

    static CampaignBackend backend;
    static EventAdmin admin;

    @BeforeAll
    static void seed(LocalAws aws) {
        backend = CampaignBackend.freshWithSeedEvents(aws, CLOCK);
        admin = new EventAdmin(backend.events, backend.registrations, backend.desk.waitingLine(), ConflictRetry.standard());
    }

    @ParameterizedTest
    @Event(value = "../../events/admin-create-event.json", type = APIGatewayV2HTTPEvent.class)
    void createEventStoresTheNewEvent(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = ApiContract.call(new CreateEventHandler(admin, CLOCK), event);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(backend.events.find("wvhv-2027-03-17-zwolle")).isPresent();
    }

    @ParameterizedTest
    @Event(value = "../../events/admin-update-event.json", type = APIGatewayV2HTTPEvent.class)
    void updateEventChangesTheCapacity(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = ApiContract.call(new UpdateEventHandler(admin, CLOCK), event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(ApiRequests.body(response).get("capacity").asInt()).isEqualTo(100);
    }

    @ParameterizedTest
    @Event(value = "../../events/admin-list-events.json", type = APIGatewayV2HTTPEvent.class)
    void listAdminEventsAnswersEveryEvent(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = ApiContract.call(new ListAdminEventsHandler(backend.events, CLOCK), event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(ApiRequests.body(response).get("events")).hasSize(backend.events.all(Optional.empty()).size());
    }

    @ParameterizedTest
    @Event(value = "../../events/admin-get-event.json", type = APIGatewayV2HTTPEvent.class)
    void getAdminEventAnswersTheEventOfThePathWithItsLowestCapacity(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = ApiContract.call(new GetAdminEventHandler(backend.events, CLOCK), event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(ApiRequests.body(response).get("id").asText()).isEqualTo(event.getPathParameters().get("id"));
        assertThat(ApiRequests.body(response).get("minimumCapacity").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @Event(value = "../../events/admin-list-registrations-csv.json", type = APIGatewayV2HTTPEvent.class)
    void listRegistrationsAnswersCsvForExcel(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = ApiContract.call(new ListRegistrationsHandler(admin), event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).startsWith("\uFEFFAanmelding;Status;");
    }
}
