package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.Forms;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SeedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * GET /admin/events against moto: every event, past, running and closed ones too, with the
 * seats and the waiting line counted as the ledger holds them.
 */
@ExtendWith(AwsEmulatorExtension.class)
class AdminEventListTest {

    /** People registered while the seed was ahead (December 2026)... */
    static final Clock REGISTERING = Clock.fixed(SeedData.WRITTEN_FOR, ZoneOffset.UTC);
    /** ...and the admin looks on 16 March 2027 at noon: Utrecht's registration closed last night, its evening is still to come. */
    static final Clock LOOKING = Clock.fixed(Instant.parse("2027-03-16T12:00:00Z"), ZoneOffset.UTC);

    CampaignBackend backend;
    ListAdminEventsHandler list;

    @BeforeEach
    void seed(LocalAws aws) {
        backend = CampaignBackend.freshWithSeedEvents(aws, REGISTERING);
        list = new ListAdminEventsHandler(backend.events, LOOKING);
    }

    private static APIGatewayV2HTTPEvent listing(Map<String, String> query) {
        return ApiRequests.withJwtGroups(ApiRequests.get("GET /admin/events", "/admin/events", Map.of(), query), "[admins]");
    }

    private JsonNode listed(Map<String, String> query) {
        APIGatewayV2HTTPResponse response = ApiContract.call(list, listing(query));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return ApiRequests.body(response).get("events");
    }

    private static List<String> ids(JsonNode events) {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    private void register(String eventId, String name, int seats) {
        APIGatewayV2HTTPResponse response = ApiContract.call(backend.register,
                Forms.post(eventId, Forms.registration(name, name.toLowerCase() + "@example.nl", seats), Map.of()));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    }

    /** An online session on 16 March 2027 from 11:00 to 13:00 UTC: under way when the admin looks. */
    private void storeRunningEvent() {
        Event template = backend.events.find("kb-2027-01-14-jongeren-betrekken").orElseThrow();
        backend.events.put(new Event("kb-2027-03-16-lopend", template.type(), "Kennisboost die nu loopt", null,
                Instant.parse("2027-03-16T11:00:00Z"), Instant.parse("2027-03-16T13:00:00Z"), null, true,
                template.onlineUrl(), 1, false, null, SeatLedger.empty(25)));
    }

    @Test
    void pastRunningAndClosedEventsAreListedByStartWithTheirPhase() {
        storeRunningEvent();

        JsonNode events = listed(Map.of());

        List<String> expected = new ArrayList<>(SeedData.events(SeedData.WRITTEN_FOR).stream().map(e -> e.get("id").asText()).toList());
        expected.add("kb-2027-03-16-lopend");
        assertThat(ids(events)).containsExactlyInAnyOrderElementsOf(expected);
        List<String> starts = new ArrayList<>();
        events.forEach(e -> starts.add(e.get("startsAt").asText()));
        assertThat(starts).as("earliest first").isSorted();
        Map<String, String> phases = new LinkedHashMap<>();
        Map<String, Boolean> open = new LinkedHashMap<>();
        events.forEach(e -> {
            phases.put(e.get("id").asText(), e.get("phase").asText());
            open.put(e.get("id").asText(), e.get("registrationOpen").asBoolean());
        });
        assertThat(phases).containsEntry("kb-2027-01-12-vrijwilligers-werven", "past")
                .containsEntry("exp-2027-02-04-amersfoort", "past")
                .containsEntry("kb-2027-03-16-lopend", "running")
                .containsEntry("wvhv-2027-03-16-utrecht", "upcoming")
                .containsEntry("wvhv-2027-09-23-online", "upcoming");
        assertThat(open).as("closed: Utrecht's registration ended before its evening; nothing started takes any")
                .containsEntry("wvhv-2027-03-16-utrecht", false)
                .containsEntry("kb-2027-03-16-lopend", false)
                .containsEntry("kb-2027-01-12-vrijwilligers-werven", false)
                .containsEntry("wvhv-2027-03-18-groningen", true);
        JsonNode utrecht = events.get(ids(events).indexOf("wvhv-2027-03-16-utrecht"));
        assertThat(utrecht.get("registrationClosesAt").asText()).isEqualTo("2027-03-15T22:59:00Z");
        assertThat(utrecht.get("location").asText()).contains("Utrecht");
    }

    @Test
    void aPastEventKeepsItsSeatsAndItsWaitingLineCounted() {
        String id = backend.onlineEvent("kb-2027-01-14-klein", 4, 3);
        register(id, "Anna", 3);
        register(id, "Bram", 2);   // does not fit in the one seat left: waits
        register(id, "Cor", 1);    // the free seat is the line's: waits behind Bram
        register(id, "Dirk", 3);

        JsonNode events = listed(Map.of("when", "past"));

        JsonNode klein = events.get(ids(events).indexOf(id));
        assertThat(klein.get("phase").asText()).isEqualTo("past");
        assertThat(klein.get("capacity").asInt()).isEqualTo(4);
        assertThat(klein.get("confirmedSeats").asInt()).isEqualTo(3);
        assertThat(klein.get("seatsLeft").asInt()).isEqualTo(1);
        assertThat(klein.get("waitlist").asBoolean()).isTrue();
        assertThat(klein.get("waiting").asInt()).as("registrations waiting").isEqualTo(3);
        assertThat(klein.get("waitingSeats").asInt()).as("seats they ask for").isEqualTo(6);
        assertThat(klein.get("maxSeatsPerRegistration").asInt()).isEqualTo(3);
        assertThat(klein.get("registrationOpen").asBoolean()).isFalse();
    }

    @Test
    void theListingFiltersOnTypeAndMoment() {
        storeRunningEvent();

        assertThat(ids(listed(Map.of("type", "kennisboost", "when", "past")))).containsExactly(
                "kb-2027-01-12-vrijwilligers-werven", "kb-2027-01-13-inclusief-vrijwilligerswerk",
                "kb-2027-01-14-jongeren-betrekken", "kb-2027-01-15-vrijwilligers-behouden");
        assertThat(ids(listed(Map.of("when", "running")))).containsExactly("kb-2027-03-16-lopend");
        assertThat(ids(listed(Map.of("type", "expeditie")))).containsExactly("exp-2027-02-04-amersfoort", "exp-2027-04-08-zwolle");
        // The admins' upcoming events are the ones the public calendar shows, closed ones included.
        JsonNode calendar = ApiRequests.body(ApiContract.call(new ListEventsHandler(backend.events, LOOKING),
                ApiRequests.get("GET /events", "/events", Map.of(), Map.of()))).get("events");
        assertThat(ids(listed(Map.of("when", "upcoming")))).isEqualTo(ids(calendar)).contains("wvhv-2027-03-16-utrecht");
    }

    @Test
    void anUnknownTypeOrMomentIsRefusedWithTheFieldNamed() {
        APIGatewayV2HTTPResponse when = ApiContract.call(list, listing(Map.of("when", "morgen")));
        APIGatewayV2HTTPResponse type = ApiContract.call(list, listing(Map.of("type", "borrel", "when", "past")));

        assertThat(when.getStatusCode()).isEqualTo(400);
        assertThat(when.getHeaders().get("content-type")).startsWith("application/problem+json");
        JsonNode whenError = ApiRequests.body(when).get("errors").get(0);
        assertThat(whenError.get("field").asText()).isEqualTo("when");
        assertThat(whenError.get("message").asText()).isEqualTo("Onbekend moment 'morgen'. Kies uit: upcoming, running, past.");
        assertThat(type.getStatusCode()).isEqualTo(400);
        assertThat(ApiRequests.body(type).get("errors").get(0).get("field").asText()).isEqualTo("type");
    }

    @Test
    void withoutATokenTheAnswerIsUnauthorizedAndWithoutTheAdminGroupForbidden() {
        GetAdminEventHandler get = new GetAdminEventHandler(backend.events, LOOKING);
        APIGatewayV2HTTPEvent one = ApiRequests.get("GET /admin/events/{id}", "/admin/events/wvhv-2027-03-16-utrecht",
                Map.of("id", "wvhv-2027-03-16-utrecht"), Map.of());
        APIGatewayV2HTTPEvent all = ApiRequests.get("GET /admin/events", "/admin/events", Map.of(), Map.of());

        assertThat(ApiContract.call(list, all).getStatusCode()).isEqualTo(401);
        assertThat(ApiContract.call(list, ApiRequests.withJwtGroups(all, "[jury]")).getStatusCode()).isEqualTo(403);
        assertThat(ApiContract.call(get, one).getStatusCode()).isEqualTo(401);
        APIGatewayV2HTTPResponse juror = ApiContract.call(get, ApiRequests.withJwtGroups(one, "[jury]"));
        assertThat(juror.getStatusCode()).isEqualTo(403);
        assertThat(juror.getBody()).doesNotContain("Utrecht");
    }

    @Test
    void everyEventIsListedWhenTheListingTakesMoreThanOneQueryPage() {
        String table = backend.env.get("EVENTS_TABLE");
        Event template = backend.events.find("kb-2027-01-14-jongeren-betrekken").orElseThrow();
        String description = "Een lange beschrijving. ".repeat(83);
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Instant start = Instant.parse("2026-06-01T09:00:00Z").plusSeconds(3600L * i);
            Event event = new Event("kb-archief-" + i, template.type(), "Archief " + i, description, start,
                    start.plusSeconds(1800), null, true, template.onlineUrl(), 1, false, null, SeatLedger.empty(10));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(EventStore.toItem(event)).build()).build());
        }
        for (int from = 0; from < writes.size(); from += 25) {
            List<WriteRequest> batch = writes.subList(from, from + 25);
            assertThat(backend.dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(table, batch))).unprocessedItems()).isEmpty();
        }
        Map<String, AttributeValue> firstPageEnd = backend.dynamoDb.query(r -> r.tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :listing").expressionAttributeValues(Map.of(":listing", AttributeValue.fromS("EVENTS"))))
                .lastEvaluatedKey();
        assertThat(firstPageEnd).as("the listing is larger than one page").isNotEmpty();

        List<String> ids = ids(listed(Map.of()));

        assertThat(ids).hasSize(600 + SeedData.events(SeedData.WRITTEN_FOR).size()).doesNotHaveDuplicates()
                .contains("kb-archief-0", "kb-archief-599", "wvhv-2027-09-23-online");
    }
}
