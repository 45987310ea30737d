package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.Forms;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SentMails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin routes: creating and changing events, and the registration list as JSON and for Excel. */
@ExtendWith(AwsEmulatorExtension.class)
class AdminHandlersTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    static final String NEW_EVENT = """
            {"id":"kb-2027-02-10-vrijwilligers-vinden","type":"kennisboost","title":"Kennisboost: vrijwilligers vinden via je netwerk",
             "startsAt":"2027-02-10T18:30:00Z","endsAt":"2027-02-10T20:00:00Z","online":true,
             "onlineUrl":"https://live.mensenmakennederland.nl/kb-2027-02-10","capacity":%d,"maxSeatsPerRegistration":2,"waitlist":true}""";

    LocalAws aws;
    CampaignBackend backend;
    CreateEventHandler create;
    UpdateEventHandler update;
    ListRegistrationsHandler list;

    @BeforeEach
    void freshBackend(LocalAws aws) {
        this.aws = aws;
        this.backend = CampaignBackend.freshWithSeedEvents(aws, CLOCK);
        EventAdmin admin = new EventAdmin(backend.events, backend.registrations, backend.desk.waitingLine(), ConflictRetry.standard());
        create = new CreateEventHandler(admin, CLOCK);
        update = new UpdateEventHandler(admin, CLOCK);
        list = new ListRegistrationsHandler(admin);
    }

    private static APIGatewayV2HTTPEvent admin(APIGatewayV2HTTPEvent event) {
        return ApiRequests.withJwtGroups(event, "[admins]");
    }

    private static APIGatewayV2HTTPEvent post(String body) {
        return ApiRequests.request("POST /admin/events", "/admin/events", Map.of(), Map.of(),
                Map.of("content-type", "application/json"), body);
    }

    private static APIGatewayV2HTTPEvent put(String id, String body) {
        return ApiRequests.request("PUT /admin/events/{id}", "/admin/events/" + id, Map.of("id", id), Map.of(),
                Map.of("content-type", "application/json"), body);
    }

    private static APIGatewayV2HTTPEvent registrations(String id, String accept) {
        return ApiRequests.request("GET /admin/events/{id}/registrations", "/admin/events/" + id + "/registrations",
                Map.of("id", id), Map.of(), Map.of("accept", accept), null);
    }

    private JsonNode register(String eventId, String name, String email, int seats) {
        APIGatewayV2HTTPResponse response = ApiContract.call(backend.register, 
                Forms.post(eventId, Forms.registration(name, email, seats), Map.of()));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return ApiRequests.body(response);
    }

    @Test
    void withoutATokenTheAnswerIsUnauthorizedAndWithoutTheGroupForbidden() {
        assertThat(ApiContract.call(create, post(NEW_EVENT.formatted(30))).getStatusCode()).isEqualTo(401);
        assertThat(ApiContract.call(create, ApiRequests.withJwtGroups(post(NEW_EVENT.formatted(30)), "[jury]"))
                .getStatusCode()).isEqualTo(403);
        assertThat(ApiContract.call(list, registrations("exp-2027-02-04-amersfoort", "application/json"))
                .getStatusCode()).isEqualTo(401);
        assertThat(backend.events.find("kb-2027-02-10-vrijwilligers-vinden")).isEmpty();
    }

    @Test
    void anAdminCreatesAnEventThatTheCalendarThenShows() {
        APIGatewayV2HTTPResponse response = ApiContract.call(create, admin(post(NEW_EVENT.formatted(30))));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(ApiRequests.body(response).get("seatsLeft").asInt()).isEqualTo(30);
        assertThat(ApiContract.call(new ListEventsHandler(backend.events, CLOCK), 
                ApiRequests.get("GET /events", "/events", Map.of(), Map.of("type", "kennisboost"))).getBody())
                .contains("kb-2027-02-10-vrijwilligers-vinden");
        assertThat(ApiContract.call(create, admin(post(NEW_EVENT.formatted(30)))).getStatusCode()).isEqualTo(409);
    }

    @Test
    void anIncompleteEventIsRefusedFieldByField() {
        APIGatewayV2HTTPResponse response = ApiContract.call(create, admin(post("""
                {"id":"Geen Slug","type":"borrel","title":"x","startsAt":"morgen","endsAt":"2027-02-10T20:00:00Z","capacity":0}""")));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(ApiRequests.body(response).get("errors")).extracting(e -> e.get("field").asText())
                .contains("type", "title", "startsAt", "location", "capacity");
    }

    @Test
    void raisingTheCapacityPromotesFromTheWaitingListAndMailsThem() {
        ApiContract.call(create, admin(post(NEW_EVENT.formatted(1))));
        String id = "kb-2027-02-10-vrijwilligers-vinden";
        register(id, "Anna", "anna@example.nl", 1);
        JsonNode bram = register(id, "Bram", "bram@example.nl", 2);
        JsonNode cor = register(id, "Cor", "cor@example.nl", 1);
        backend.verifySender();

        APIGatewayV2HTTPResponse response = ApiContract.call(update, admin(put(id, NEW_EVENT.formatted(3))));
        backend.deliverMails();

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(ApiRequests.body(response).get("seatsLeft").asInt()).isZero();
        assertThat(backend.registrations.find(bram.get("registrationId").asText()).orElseThrow().status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(backend.events.find(id).orElseThrow().seats().positionOf(cor.get("registrationId").asText())).hasValue(1);
        assertThat(SentMails.to(aws, "bram@example.nl")).extracting(SentMails.Mail::subject)
                .contains("Er is een plek vrij: je bent aangemeld voor Kennisboost: vrijwilligers vinden via je netwerk");
    }

    @Test
    void capacityCannotGoBelowTheConfirmedSeats() {
        ApiContract.call(create, admin(post(NEW_EVENT.formatted(5))));
        String id = "kb-2027-02-10-vrijwilligers-vinden";
        register(id, "Anna", "anna@example.nl", 2);
        register(id, "Bram", "bram@example.nl", 2);

        APIGatewayV2HTTPResponse response = ApiContract.call(update, admin(put(id, NEW_EVENT.formatted(3))));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(backend.events.find(id).orElseThrow().seats().capacity()).isEqualTo(5);
        assertThat(ApiContract.call(update, admin(put(id, NEW_EVENT.formatted(4)))).getStatusCode()).isEqualTo(200);
    }

    @Test
    void theRegistrationListIsJsonOrAnExcelReadyCsv() {
        String id = "exp-2027-02-04-amersfoort";
        register(id, "Fatima el Amrani", "fatima@buurthuis.nl", 3);
        register(id, "=HYPERLINK(\"http://evil\")", "mallory@example.nl", 1);

        JsonNode json = ApiRequests.body(ApiContract.call(list, admin(registrations(id, "application/json"))));
        APIGatewayV2HTTPResponse csv = ApiContract.call(list, admin(registrations(id, "text/csv")));

        assertThat(json.get("registrations")).extracting(r -> r.get("name").asText())
                .containsExactlyInAnyOrder("Fatima el Amrani", "=HYPERLINK(\"http://evil\")");
        assertThat(csv.getHeaders().get("content-type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.getHeaders().get("content-disposition")).contains("aanmeldingen-" + id + ".csv");
        String[] lines = csv.getBody().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFAanmelding;Status;Plaatsen;Wachtlijstplek;Naam;E-mail");
        assertThat(lines).hasSize(3);
        assertThat(csv.getBody()).contains(";bevestigd;3;;Fatima el Amrani;fatima@buurthuis.nl;")
                .contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    }
}
