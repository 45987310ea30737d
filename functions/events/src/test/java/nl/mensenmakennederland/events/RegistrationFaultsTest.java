package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.Faults;
import nl.mensenmakennederland.testing.Faults.Share;
import nl.mensenmakennederland.testing.Forms;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.MotoServer;
import nl.mensenmakennederland.testing.SentMails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What volunteers and admins get when DynamoDB cancels transactions for conflicts and
 * throttles, as tools/moto_serial_server.py's fault mode makes it: a 503 with Retry-After only
 * when nothing was stored, and a retry that then succeeds; a change that was stored is answered
 * as done, and the waiting line it owes seats to moves up at the event's next write, or at the
 * settler's next run when nobody writes to the event again.
 */
@ExtendWith(AwsEmulatorExtension.class)
class RegistrationFaultsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    static final String PROMOTED = "Er is een plek vrij: je bent aangemeld voor ";

    LocalAws aws;
    MotoServer moto;
    CampaignBackend backend;

    @BeforeEach
    void freshBackend(LocalAws aws) {
        assumeTrue(aws.moto().isPresent(), "fault injection needs tools/moto_serial_server.py");
        this.aws = aws;
        this.moto = aws.moto().orElseThrow();
        this.backend = CampaignBackend.freshWithSeedEvents(aws, CLOCK);
        backend.verifySender();
    }

    private APIGatewayV2HTTPResponse register(String eventId, String name, String email, int seats, String key) {
        return ApiContract.call(backend.register, Forms.post(eventId, Forms.registration(name, email, seats),
                key == null ? Map.of() : Map.of("idempotency-key", key)));
    }

    private JsonNode registered(String eventId, String name, String email, int seats) {
        APIGatewayV2HTTPResponse response = register(eventId, name, email, seats, null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return ApiRequests.body(response);
    }

    private APIGatewayV2HTTPResponse cancel(JsonNode registration) {
        return ApiContract.call(backend.cancelRegistration, Forms.cancel(registration.get("registrationId").asText(),
                Forms.tokenOf(registration.get("manageUrl").asText())));
    }

    private RegistrationStatus status(JsonNode registration) {
        return backend.registrations.find(registration.get("registrationId").asText()).orElseThrow().status();
    }

    private int outboxSize() {
        return aws.clients().dynamoDb().scan(r -> r.tableName(aws.name("OutboxTable"))).count();
    }

    private void assertRefusedAsBusyHavingStoredNothing(APIGatewayV2HTTPResponse response, String eventId, int outboxBefore) {
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "2");
        assertThat(ApiRequests.body(response).get("detail").asText()).contains("er is niets opgeslagen");
        assertThat(backend.registrations.ofEvent(eventId)).isEmpty();
        assertThat(backend.events.find(eventId).orElseThrow().seats()).isEqualTo(SeatLedger.empty(5));
        assertThat(outboxSize()).isEqualTo(outboxBefore);
    }

    @Test
    void aRegistrationWhoseTransactionKeepsConflictingIsRefusedWith503AndItsRetrySucceeds() {
        String id = backend.onlineEvent("kb-conflict", 5, 1);
        int outboxBefore = outboxSize();
        APIGatewayV2HTTPResponse busy;
        Faults.Count conflicts;
        try (var faults = moto.inject(Faults.seeded(1).transactionConflicts(Share.all()))) {
            busy = register(id, "Anna", "anna@example.nl", 1, "form-1");
            conflicts = faults.count("transactionConflicts");
        }

        assertThat(conflicts.injected()).as("every attempt lost").isEqualTo(conflicts.calls()).isGreaterThan(1);
        assertRefusedAsBusyHavingStoredNothing(busy, id, outboxBefore);

        APIGatewayV2HTTPResponse retried = register(id, "Anna", "anna@example.nl", 1, "form-1");
        APIGatewayV2HTTPResponse again = register(id, "Anna", "anna@example.nl", 1, "form-1");

        assertThat(retried.getStatusCode()).isEqualTo(201);
        assertThat(ApiRequests.body(again).get("registrationId")).isEqualTo(ApiRequests.body(retried).get("registrationId"));
        assertThat(backend.registrations.ofEvent(id)).hasSize(1);
        backend.deliverMails();
        assertThat(SentMails.to(aws, "anna@example.nl")).hasSize(1);
    }

    @Test
    void writesThrottledBeyondTheSdkRetriesAre503HavingStoredNothingAndTheRetrySucceeds() {
        String id = backend.onlineEvent("kb-throttled", 5, 1);
        int outboxBefore = outboxSize();
        APIGatewayV2HTTPResponse busy;
        Faults.Count throttled;
        try (var faults = moto.inject(Faults.seeded(2).throttlingExceptions(Share.all()))) {
            busy = register(id, "Bram", "bram@example.nl", 1, "form-2");
            throttled = faults.count("throttledWrites");
        }

        assertThat(throttled.injected()).as("the SDK retried before giving up").isGreaterThan(1);
        assertRefusedAsBusyHavingStoredNothing(busy, id, outboxBefore);
        assertThat(register(id, "Bram", "bram@example.nl", 1, "form-2").getStatusCode()).isEqualTo(201);
        assertThat(backend.registrations.ofEvent(id)).hasSize(1);
    }

    @Test
    void aFewThrottledWritesAreRetriedByTheSdkWithoutTheVolunteerNoticing() {
        String id = backend.onlineEvent("kb-throttled-briefly", 5, 1);
        APIGatewayV2HTTPResponse response;
        try (var faults = moto.inject(Faults.seeded(3).throttledWrites(Share.all().times(3)))) {
            response = register(id, "Cor", "cor@example.nl", 1, null);
            assertThat(faults.count("throttledWrites").injected()).isEqualTo(3);
        }
        assertThat(response.getStatusCode()).isEqualTo(201);
    }

    @Test
    void aCancellationIsDoneEvenWhenPromotingTheRestOfTheLineStaysBusyAndTheNextRegistrationPromotes() {
        String id = backend.onlineEvent("exp-groep", WaitingLine.PROMOTIONS_PER_TRANSACTION + 1, 30);
        JsonNode group = registered(id, "Buurthuis", "buurthuis@example.nl", WaitingLine.PROMOTIONS_PER_TRANSACTION + 1);
        List<JsonNode> waiting = new ArrayList<>();
        for (int i = 1; i <= WaitingLine.PROMOTIONS_PER_TRANSACTION + 1; i++) {
            waiting.add(registered(id, "Wachtende " + i, "wachtende" + i + "@example.nl", 1));
        }
        JsonNode last = waiting.getLast();

        // The cancellation's own transaction (freeing the seats, promoting the first 25) commits;
        // every transaction after it, promoting the 26th, is cancelled for a conflict.
        APIGatewayV2HTTPResponse cancelled;
        Faults.Count conflicts;
        try (var faults = moto.inject(Faults.seeded(4).transactionConflicts(Share.all().after(1)))) {
            cancelled = cancel(group);
            conflicts = faults.count("transactionConflicts");
        }

        assertThat(cancelled.getStatusCode()).isEqualTo(200);
        assertThat(ApiRequests.body(cancelled).get("status").asText()).isEqualTo("cancelled");
        assertThat(conflicts.injected()).as("every promotion attempt lost").isEqualTo(conflicts.calls() - 1).isGreaterThan(1);
        assertThat(status(group)).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(waiting.subList(0, WaitingLine.PROMOTIONS_PER_TRANSACTION)).allSatisfy(w ->
                assertThat(status(w)).isEqualTo(RegistrationStatus.CONFIRMED));
        assertThat(status(last)).isEqualTo(RegistrationStatus.WAITLISTED);
        SeatLedger owed = backend.events.find(id).orElseThrow().seats();
        assertThat(owed.seatsLeft()).isEqualTo(1);
        assertThat(owed.promotionDue()).as("the seat is owed to the line").isTrue();

        JsonNode newcomer = registered(id, "Nieuwkomer", "nieuw@example.nl", 1);

        assertThat(newcomer.get("status").asText()).as("the free seat was the line's").isEqualTo("waitlisted");
        assertThat(status(last)).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(newcomer.get("waitlistPosition").asInt()).isEqualTo(1);
        backend.deliverMails();
        assertThat(SentMails.to(aws, "wachtende26@example.nl")).extracting(SentMails.Mail::subject)
                .hasSize(2).anySatisfy(subject -> assertThat(subject).startsWith(PROMOTED));
    }

    @Test
    void moreCapacityIsAnsweredAsStoredWhenPromotionStaysBusyAndTheNextCancellationPromotes() {
        String id = backend.onlineEvent("kb-meer-plaatsen", 2, 1);
        JsonNode anna = registered(id, "Anna", "anna@example.nl", 1);
        registered(id, "Bram", "bram@example.nl", 1);
        List<JsonNode> waiting = List.of(registered(id, "Cor", "cor@example.nl", 1),
                registered(id, "Dirk", "dirk@example.nl", 1), registered(id, "Eva", "eva@example.nl", 1));
        UpdateEventHandler update = new UpdateEventHandler(
                new EventAdmin(backend.events, backend.registrations, backend.desk.waitingLine(), ConflictRetry.standard()), CLOCK);

        // The capacity is written with a conditional put; every promotion transaction after it conflicts.
        APIGatewayV2HTTPResponse changed;
        try (var faults = moto.inject(Faults.seeded(5).transactionConflicts(Share.all()))) {
            changed = ApiContract.call(update, capacity(id, 5));
            assertThat(faults.count("transactionConflicts").injected()).isGreaterThan(1);
        }

        assertThat(changed.getStatusCode()).isEqualTo(200);
        JsonNode event = ApiRequests.body(changed);
        assertThat(event.get("capacity").asInt()).isEqualTo(5);
        assertThat(event.get("seatsLeft").asInt()).isEqualTo(3);
        assertThat(event.get("waiting").asInt()).isEqualTo(3);
        assertThat(waiting).allSatisfy(w -> assertThat(status(w)).isEqualTo(RegistrationStatus.WAITLISTED));

        assertThat(cancel(anna).getStatusCode()).isEqualTo(200);

        assertThat(waiting).allSatisfy(w -> assertThat(status(w)).isEqualTo(RegistrationStatus.CONFIRMED));
        assertThat(backend.events.find(id).orElseThrow().seats())
                .extracting(SeatLedger::confirmedSeats, SeatLedger::waitingCount).containsExactly(4, 0);
        backend.deliverMails();
        assertThat(List.of("cor@example.nl", "dirk@example.nl", "eva@example.nl")).allSatisfy(address ->
                assertThat(SentMails.to(aws, address)).extracting(SentMails.Mail::subject)
                        .anySatisfy(subject -> assertThat(subject).startsWith(PROMOTED)));
    }

    @Test
    void seatsOwedToTheLineAreGivenByTheSettlerWhenNobodyWritesToTheEventAgain() {
        String id = backend.onlineEvent("kb-niemand-schrijft-meer", 1, 1);
        registered(id, "Anna", "anna@example.nl", 1);
        JsonNode bram = registered(id, "Bram", "bram@example.nl", 1);
        UpdateEventHandler update = new UpdateEventHandler(
                new EventAdmin(backend.events, backend.registrations, backend.desk.waitingLine(), ConflictRetry.standard()), CLOCK);
        try (var faults = moto.inject(Faults.seeded(6).transactionConflicts(Share.all()))) {
            assertThat(ApiContract.call(update, capacity(id, 2)).getStatusCode()).isEqualTo(200);
        }
        assertThat(status(bram)).isEqualTo(RegistrationStatus.WAITLISTED);
        WaitlistSettlerHandler settler = new WaitlistSettlerHandler(backend.events, backend.desk.waitingLine(), CLOCK);

        assertThat(settler.handleRequest(new ScheduledEvent(), null)).containsEntry("owing", 1).containsEntry("settled", 1);

        assertThat(status(bram)).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(backend.events.find(id).orElseThrow().seats().promotionDue()).isFalse();
        backend.deliverMails();
        assertThat(SentMails.to(aws, "bram@example.nl")).extracting(SentMails.Mail::subject)
                .anySatisfy(subject -> assertThat(subject).startsWith(PROMOTED));
        assertThat(settler.handleRequest(new ScheduledEvent(), null)).as("nothing owed any more")
                .containsEntry("owing", 0).containsEntry("settled", 0);
    }

    /** An admin's PUT of the event as it is, with another capacity. */
    private APIGatewayV2HTTPEvent capacity(String id, int capacity) {
        Event event = backend.events.find(id).orElseThrow();
        String form = """
                {"type":"%s","title":"%s","startsAt":"%s","endsAt":"%s","online":true,"onlineUrl":"%s",
                 "capacity":%d,"maxSeatsPerRegistration":%d,"waitlist":true}""".formatted(event.type().slug(),
                event.title(), event.startsAt(), event.endsAt(), event.onlineUrl(), capacity, event.maxSeatsPerRegistration());
        return ApiRequests.withJwtGroups(ApiRequests.request("PUT /admin/events/{id}", "/admin/events/" + id,
                Map.of("id", id), Map.of(), Map.of("content-type", "application/json"), form), "[admins]");
    }
}
