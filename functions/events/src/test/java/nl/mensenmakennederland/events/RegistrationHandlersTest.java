package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.Forms;
import nl.mensenmakennederland.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registration routes as the website uses them, against DynamoDB and SSM in moto. */
@ExtendWith(AwsEmulatorExtension.class)
class RegistrationHandlersTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    static final String KENNISBOOST = "kb-2027-01-12-vrijwilligers-werven";
    static final String EXPEDITIE = "exp-2027-02-04-amersfoort";

    LocalAws aws;
    CampaignBackend backend;

    @BeforeEach
    void freshBackend(LocalAws aws) {
        this.aws = aws;
        this.backend = CampaignBackend.freshWithSeedEvents(aws, CLOCK);
    }

    /** A small event to fill up: {@code capacity} seats, up to 4 per registration. */
    private String smallEvent(String id, int capacity, boolean waitlist) {
        Event template = backend.events.find(EXPEDITIE).orElseThrow();
        backend.events.put(new Event(id, template.type(), "Expeditie " + id, null, template.startsAt(), template.endsAt(),
                template.location(), false, null, 4, waitlist, null, SeatLedger.empty(capacity)));
        return id;
    }

    private APIGatewayV2HTTPResponse register(String eventId, String name, String email, int seats) {
        return ApiContract.call(backend.register, Forms.post(eventId, Forms.registration(name, email, seats), Map.of()));
    }

    private JsonNode registered(String eventId, String name, String email, int seats) {
        APIGatewayV2HTTPResponse response = register(eventId, name, email, seats);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return ApiRequests.body(response);
    }

    private JsonNode view(JsonNode registration) {
        APIGatewayV2HTTPResponse response = ApiContract.call(backend.getRegistration, Forms.view(
                registration.get("registrationId").asText(), Forms.tokenOf(registration.get("manageUrl").asText())));
        assertThat(response.getStatusCode()).isEqualTo(200);
        return ApiRequests.body(response);
    }

    private APIGatewayV2HTTPResponse cancel(JsonNode registration) {
        return ApiContract.call(backend.cancelRegistration, Forms.cancel(
                registration.get("registrationId").asText(), Forms.tokenOf(registration.get("manageUrl").asText())));
    }

    private SeatLedger seats(String eventId) {
        return backend.events.find(eventId).orElseThrow().seats();
    }

    /** Items in the tables a registration writes to: equal before and after means nothing was written. */
    private int storedItems() {
        return aws.clients().dynamoDb().scan(r -> r.tableName(aws.name("EventsTable"))).count()
                + aws.clients().dynamoDb().scan(r -> r.tableName(aws.name("OutboxTable"))).count();
    }

    @Test
    void aSeatIsConfirmedWhileSeatsAreLeft() {
        APIGatewayV2HTTPResponse response = register(KENNISBOOST, "Fatima el Amrani", "fatima@buurthuis.nl", 1);

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode body = ApiRequests.body(response);
        assertThat(body.get("status").asText()).isEqualTo("confirmed");
        assertThat(body.get("seats").asInt()).isEqualTo(1);
        assertThat(body.has("waitlistPosition")).isFalse();
        assertThat(body.get("manageUrl").asText()).startsWith("https://www.mensenmakennederland.nl/beheer.html?registration=");
        assertThat(response.getHeaders().get("location")).isEqualTo("/registrations/" + body.get("registrationId").asText());
        assertThat(seats(KENNISBOOST).seatsLeft()).isEqualTo(49);
    }

    @Test
    void whenFullTheNextOnesJoinTheWaitingListInOrder() {
        String id = smallEvent("exp-klein", 3, true);
        registered(id, "Anna", "anna@example.nl", 3);

        JsonNode bram = registered(id, "Bram", "bram@example.nl", 1);
        JsonNode cor = registered(id, "Cor", "cor@example.nl", 2);

        assertThat(bram.get("status").asText()).isEqualTo("waitlisted");
        assertThat(bram.get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(cor.get("waitlistPosition").asInt()).isEqualTo(2);
        assertThat(seats(id).confirmedSeats()).isEqualTo(3);
        assertThat(seats(id).line()).extracting(SeatLedger.Waiting::registrationId)
                .containsExactly(bram.get("registrationId").asText(), cor.get("registrationId").asText());
    }

    @Test
    void whenFullWithoutAWaitingListTheAnswerIsConflictAndNothingIsStored() {
        String id = smallEvent("exp-zonder-wachtlijst", 1, false);
        registered(id, "Anna", "anna@example.nl", 1);
        int before = storedItems();

        APIGatewayV2HTTPResponse response = register(id, "Bram", "bram@example.nl", 1);

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(ApiRequests.body(response).get("title").asText()).isEqualTo("Vol");
        assertThat(storedItems()).isEqualTo(before);
    }

    @Test
    void theSameAddressCannotRegisterTwiceAndLearnsNothingAboutTheFirst() {
        registered(EXPEDITIE, "Fatima el Amrani", "fatima@buurthuis.nl", 2);
        int before = storedItems();

        APIGatewayV2HTTPResponse again = register(EXPEDITIE, "Iemand Anders", "  Fatima@Buurthuis.NL ", 1);

        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(ApiRequests.body(again).get("title").asText()).isEqualTo("Al aangemeld");
        assertThat(again.getBody()).doesNotContain("Fatima", "fatima", "registrationId");
        assertThat(storedItems()).isEqualTo(before);
        assertThat(seats(EXPEDITIE).confirmedSeats()).isEqualTo(2);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndRegistersOnce() {
        String body = Forms.registration("Anna de Vries", "anna@example.nl", 2);
        Map<String, String> key = Map.of("idempotency-key", "form-7f3a9c");

        APIGatewayV2HTTPResponse first = ApiContract.call(backend.register, Forms.post(EXPEDITIE, body, key));
        APIGatewayV2HTTPResponse retry = ApiContract.call(backend.register, Forms.post(EXPEDITIE, body, key));

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(ApiRequests.body(retry)).isEqualTo(ApiRequests.body(first));
        assertThat(seats(EXPEDITIE).confirmedSeats()).isEqualTo(2);
        assertThat(backend.registrations.ofEvent(EXPEDITIE)).hasSize(1);
    }

    /** moto, like DynamoDB in its first hours or days, keeps an expired item: the expiry itself must count. */
    @Test
    void anIdempotencyKeyAnswerPastItsExpiryIsIgnoredAndReplaced() {
        Map<String, String> key = Map.of("idempotency-key", "form-7f3a9c");
        JsonNode anna = ApiRequests.body(ApiContract.call(backend.register, 
                Forms.post(EXPEDITIE, Forms.registration("Anna", "anna@example.nl", 1), key)));
        CampaignBackend nextDay = backend.at(Clock.offset(CLOCK, Registering.IDEMPOTENCY_WINDOW.plusMinutes(1)));

        APIGatewayV2HTTPResponse bram = ApiContract.call(nextDay.register, 
                Forms.post(EXPEDITIE, Forms.registration("Bram", "bram@example.nl", 1), key));
        APIGatewayV2HTTPResponse bramRetried = ApiContract.call(nextDay.register, 
                Forms.post(EXPEDITIE, Forms.registration("Bram", "bram@example.nl", 1), key));

        assertThat(bram.getStatusCode()).as(bram.getBody()).isEqualTo(201);
        assertThat(ApiRequests.body(bram).get("registrationId")).isNotEqualTo(anna.get("registrationId"));
        assertThat(ApiRequests.body(bramRetried)).as("the replaced answer is the one kept").isEqualTo(ApiRequests.body(bram));
        assertThat(backend.registrations.ofEvent(EXPEDITIE)).hasSize(2);
        assertThat(seats(EXPEDITIE).confirmedSeats()).isEqualTo(2);
    }

    @Test
    void anIdempotencyKeyReusedForADifferentRegistrationIsRefused() {
        Map<String, String> key = Map.of("idempotency-key", "form-7f3a9c");
        ApiContract.call(backend.register, Forms.post(EXPEDITIE, Forms.registration("Anna", "anna@example.nl", 1), key));

        APIGatewayV2HTTPResponse other = ApiContract.call(backend.register, 
                Forms.post(EXPEDITIE, Forms.registration("Bram", "bram@example.nl", 1), key));

        assertThat(other.getStatusCode()).isEqualTo(422);
        assertThat(backend.registrations.ofEvent(EXPEDITIE)).hasSize(1);
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndWritesNothing() {
        int before = storedItems();

        APIGatewayV2HTTPResponse response = ApiContract.call(backend.register, Forms.post(KENNISBOOST,
                "{\"name\":\"A\",\"email\":\"geen-adres\",\"consent\":false}", Map.of()));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders().get("content-type")).startsWith("application/problem+json");
        assertThat(ApiRequests.body(response).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("name", "email", "consent");
        assertThat(storedItems()).isEqualTo(before);
    }

    @Test
    void malformedWrongTypeAndOversizedRequestsAreRefusedAndWriteNothing() {
        int before = storedItems();

        assertThat(ApiContract.call(backend.register, Forms.post(KENNISBOOST, "{\"name\":", Map.of()))
                .getStatusCode()).isEqualTo(400);
        assertThat(ApiContract.call(backend.register, Forms.post(KENNISBOOST, "name=Anna",
                Map.of("content-type", "application/x-www-form-urlencoded"))).getStatusCode()).isEqualTo(415);
        assertThat(ApiContract.call(backend.register, Forms.post(KENNISBOOST,
                "{\"name\":\"" + "x".repeat(20_000) + "\"}", Map.of())).getStatusCode()).isEqualTo(413);
        assertThat(ApiContract.call(backend.register, Forms.post(KENNISBOOST, Forms.registration("Anna", "anna@example.nl", 1),
                Map.of("idempotency-key", "with spaces"))).getStatusCode()).isEqualTo(400);
        assertThat(storedItems()).isEqualTo(before);
    }

    @Test
    void moreSeatsThanTheEventAllowsIsAFieldError() {
        APIGatewayV2HTTPResponse response = register(KENNISBOOST, "Anna", "anna@example.nl", 2);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(ApiRequests.body(response).get("errors").get(0).get("field").asText()).isEqualTo("seats");
    }

    @Test
    void afterRegistrationClosesTheAnswerIsConflict() {
        Event utrecht = backend.events.find("wvhv-2027-03-16-utrecht").orElseThrow();
        CampaignBackend later = new CampaignBackend(aws, Clock.fixed(utrecht.registrationClosesAt().plusSeconds(60), ZoneOffset.UTC));

        APIGatewayV2HTTPResponse response = ApiContract.call(later.register, 
                Forms.post(utrecht.id(), Forms.registration("Anna", "anna@example.nl", 1), Map.of()));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(ApiRequests.body(response).get("title").asText()).isEqualTo("Aanmelden is gesloten");
    }

    @Test
    void anUnknownEventIsNotFound() {
        assertThat(register("bestaat-niet", "Anna", "anna@example.nl", 1).getStatusCode()).isEqualTo(404);
    }

    @Test
    void theManageLinkShowsTheOwnRegistrationWithTheOnlineLink() {
        JsonNode registration = registered(KENNISBOOST, "Fatima el Amrani", "fatima@buurthuis.nl", 1);

        JsonNode view = view(registration);

        assertThat(view.get("status").asText()).isEqualTo("confirmed");
        assertThat(view.get("name").asText()).isEqualTo("Fatima el Amrani");
        assertThat(view.get("email").asText()).isEqualTo("fatima@buurthuis.nl");
        assertThat(view.get("event").get("title").asText()).contains("sociale media");
        assertThat(view.get("event").get("onlineUrl").asText()).startsWith("https://live.mensenmakennederland.nl/");
    }

    @Test
    void aWrongTokenIsForbiddenAndAnUnknownRegistrationNotFound() {
        JsonNode registration = registered(KENNISBOOST, "Anna", "anna@example.nl", 1);
        String id = registration.get("registrationId").asText();

        assertThat(ApiContract.call(backend.getRegistration, Forms.view(id, "bm90LXRoZS10b2tlbg")).getStatusCode()).isEqualTo(403);
        assertThat(ApiContract.call(backend.getRegistration, Forms.view(id, null)).getStatusCode()).isEqualTo(403);
        assertThat(ApiContract.call(backend.cancelRegistration, Forms.cancel(id, "bm90LXRoZS10b2tlbg")).getStatusCode()).isEqualTo(403);
        String unknown = "AAAAAAAAAAAAAAAAAAAAAA";
        String validToken = backend.desk.links().token(unknown);
        assertThat(ApiContract.call(backend.getRegistration, Forms.view(unknown, validToken)).getStatusCode()).isEqualTo(404);
        assertThat(seats(KENNISBOOST).confirmedSeats()).isEqualTo(1);
    }

    @Test
    void cancellingFreesTheSeatForTheFirstInLineAndIsIdempotent() {
        String id = smallEvent("exp-klein", 1, true);
        JsonNode anna = registered(id, "Anna", "anna@example.nl", 1);
        JsonNode bram = registered(id, "Bram", "bram@example.nl", 1);
        JsonNode cor = registered(id, "Cor", "cor@example.nl", 1);

        APIGatewayV2HTTPResponse first = cancel(anna);
        APIGatewayV2HTTPResponse second = cancel(anna);

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(ApiRequests.body(first).get("status").asText()).isEqualTo("cancelled");
        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(view(bram).get("status").asText()).isEqualTo("confirmed");
        assertThat(view(cor).get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(seats(id)).extracting(SeatLedger::confirmedSeats, SeatLedger::waitingCount).containsExactly(1, 1);
    }

    @Test
    void nobodyIsOvertakenInTheLineEvenBySmallerGroups() {
        String id = smallEvent("exp-groepen", 4, true);
        JsonNode anna = registered(id, "Anna", "anna@example.nl", 2);
        JsonNode bram = registered(id, "Bram", "bram@example.nl", 2);
        JsonNode cor = registered(id, "Cor", "cor@example.nl", 3);
        JsonNode dirk = registered(id, "Dirk", "dirk@example.nl", 1);

        cancel(anna);
        assertThat(view(cor).get("status").asText()).as("3 seats do not fit in 2").isEqualTo("waitlisted");
        assertThat(view(dirk).get("status").asText()).as("Dirk waits behind Cor").isEqualTo("waitlisted");

        cancel(bram);
        assertThat(view(cor).get("status").asText()).isEqualTo("confirmed");
        assertThat(view(dirk).get("status").asText()).isEqualTo("confirmed");
        assertThat(seats(id)).extracting(SeatLedger::confirmedSeats, SeatLedger::waitingCount).containsExactly(4, 0);
    }

    @Test
    void cancellingErasesThePersonalDataAndLetsTheAddressRegisterAgain() {
        JsonNode anna = registered(EXPEDITIE, "Anna de Vries", "anna@example.nl", 2);

        cancel(anna);

        Registration stored = backend.registrations.find(anna.get("registrationId").asText()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(stored.name()).isNull();
        assertThat(stored.email()).isNull();
        assertThat(view(anna).get("status").asText()).isEqualTo("cancelled");
        assertThat(register(EXPEDITIE, "Anna de Vries", "anna@example.nl", 1).getStatusCode()).isEqualTo(201);
    }

    @Test
    void personalDataExpiresAFixedTimeAfterTheEvent() {
        JsonNode anna = registered(KENNISBOOST, "Anna", "anna@example.nl", 1);

        var item = aws.clients().dynamoDb().getItem(r -> r.tableName(aws.name("EventsTable"))
                .key(RegistrationStore.key(anna.get("registrationId").asText()))).item();

        Instant endsAt = backend.events.find(KENNISBOOST).orElseThrow().endsAt();
        long retentionDays = Long.parseLong(backend.env.get("RETENTION_DAYS"));
        assertThat(Long.parseLong(item.get("expiresAt").n())).isEqualTo(endsAt.plusSeconds(retentionDays * 86_400).getEpochSecond());
    }
}
