package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.Faults;
import nl.mensenmakennederland.testing.Faults.Share;
import nl.mensenmakennederland.testing.Forms;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.MotoServer;
import nl.mensenmakennederland.testing.SentMails;
import nl.mensenmakennederland.testing.StreamEventSourceMapping;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The newspaper-day rush: many people at once for a few seats, through the real handlers on
 * real threads, against DynamoDB transactions in moto.
 */
@ExtendWith(AwsEmulatorExtension.class)
class RegistrationConcurrencyTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    LocalAws aws;
    CampaignBackend backend;

    @BeforeEach
    void freshBackend(LocalAws aws) {
        this.aws = aws;
        this.backend = CampaignBackend.freshWithSeedEvents(aws, CLOCK);
        backend.verifySender();
    }

    private APIGatewayV2HTTPResponse register(String eventId, String name, String email, int seats) {
        return ApiContract.call(backend.register, Forms.post(eventId, Forms.registration(name, email, seats), Map.of()));
    }

    /** Runs every task at the same moment, each on its own thread. */
    private static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aHundredPeopleAtOnceForTwentySeats() throws Exception {
        String id = backend.onlineEvent("kb-drukte", 20, 1);
        List<Callable<APIGatewayV2HTTPResponse>> people = IntStream.rangeClosed(1, 100)
                .mapToObj(i -> (Callable<APIGatewayV2HTTPResponse>) () ->
                        register(id, "Vrijwilliger " + i, "vrijwilliger" + i + "@example.nl", 1))
                .toList();

        long started = System.nanoTime();
        List<APIGatewayV2HTTPResponse> responses = allAtOnce(people);
        long registeredMillis = (System.nanoTime() - started) / 1_000_000;
        backend.deliverMails();
        long totalMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(201);
        List<JsonNode> bodies = responses.stream().map(ApiRequests::body).toList();
        Map<String, List<JsonNode>> byStatus = bodies.stream().collect(Collectors.groupingBy(b -> b.get("status").asText()));
        assertThat(byStatus.get("confirmed")).hasSize(20);
        assertThat(byStatus.get("waitlisted")).hasSize(80);
        assertThat(byStatus.get("waitlisted")).extracting(b -> b.get("waitlistPosition").asInt())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 80).boxed().toList());
        assertThat(backend.events.find(id).orElseThrow().seats())
                .extracting(SeatLedger::confirmedSeats, SeatLedger::waitingCount).containsExactly(20, 80);
        assertThat(byStatus.get("waitlisted")).allSatisfy(b -> assertThat(backend.events.find(id).orElseThrow().seats()
                .positionOf(b.get("registrationId").asText())).hasValue(b.get("waitlistPosition").asInt()));

        List<SentMails.Mail> mails = SentMails.all(aws);
        assertThat(mails).hasSize(100);
        assertThat(mails.stream().map(SentMails.Mail::to).distinct()).hasSize(100);
        assertThat(mails.stream().filter(m -> m.subject().startsWith("Je bent aangemeld"))).hasSize(20);

        System.out.printf("CONCURRENCY requests=100 confirmed=%d waitlisted=%d 5xx=0 mails=%d "
                        + "registrations_ms=%d with_mails_ms=%d%n",
                byStatus.get("confirmed").size(), byStatus.get("waitlisted").size(), mails.size(),
                registeredMillis, totalMillis);
    }

    /** What one person's browser did: the answers it got, the last being the one that counts. */
    record Attempts(List<APIGatewayV2HTTPResponse> responses) {
        APIGatewayV2HTTPResponse last() {
            return responses.getLast();
        }

        long count(int status) {
            return responses.stream().filter(r -> r.getStatusCode() == status).count();
        }
    }

    /**
     * Registers as the website does: with an Idempotency-Key, and after a 503 again with the same
     * key once {@code Retry-After} has passed. A 503 must mean that nothing of this person was
     * stored, which is checked before the retry (only this person's own request could store it).
     */
    private Attempts registerLikeTheWebsite(String eventId, int i, List<String> falseBusy) throws InterruptedException {
        String email = "vrijwilliger" + i + "@example.nl";
        String key = "form-" + i;
        List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            APIGatewayV2HTTPResponse response = ApiContract.call(backend.register, Forms.post(eventId,
                    Forms.registration("Vrijwilliger " + i, email, 1), Map.of("idempotency-key", key)));
            responses.add(response);
            if (response.getStatusCode() != 503) {
                break;
            }
            if (backend.registrations.ofEvent(eventId).stream().anyMatch(r -> email.equals(r.email()))
                    || !response.getHeaders().containsKey("Retry-After")) {
                falseBusy.add(email);
            }
            Thread.sleep(Duration.ofSeconds(Long.parseLong(response.getHeaders().getOrDefault("Retry-After", "1"))));
        }
        return new Attempts(responses);
    }

    /**
     * The same rush while DynamoDB behaves as under real load: 30% of the transactions cancelled
     * for a conflict with another transaction on the same item, 10% of all writes throttled
     * (through the mails as well). Still exactly 20 confirmed and places 1..80, one mail each.
     */
    @Test
    void aHundredPeopleAtOnceForTwentySeatsWhileDynamoDbCancelsAndThrottles() throws Exception {
        MotoServer moto = aws.moto().orElse(null);
        assumeTrue(moto != null, "fault injection needs tools/moto_serial_server.py");
        String id = backend.onlineEvent("kb-drukte-onder-last", 20, 1);
        List<String> falseBusy = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Attempts>> people = IntStream.rangeClosed(1, 100)
                .mapToObj(i -> (Callable<Attempts>) () -> registerLikeTheWebsite(id, i, falseBusy))
                .toList();

        long started = System.nanoTime();
        List<Attempts> attempts;
        StreamEventSourceMapping.Run mails;
        Map<String, Faults.Count> struck;
        try (var faults = moto.inject(Faults.seeded(42)
                .transactionConflicts(Share.of(0.3))
                .throttledWrites(Share.of(0.1)))) {
            attempts = allAtOnce(people);
            mails = new StreamEventSourceMapping(aws, "MailerFunction").deliver(event -> backend.mailer.handleRequest(event, null));
            struck = faults.counts();
        }
        long totalMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(falseBusy).as("503 although something was stored, or without Retry-After").isEmpty();
        assertThat(attempts).extracting(a -> a.last().getStatusCode()).containsOnly(201);
        assertThat(attempts).flatExtracting(Attempts::responses).extracting(APIGatewayV2HTTPResponse::getStatusCode)
                .as("no 5xx but an honest 503").allMatch(status -> status == 201 || status == 503);
        assertThat(struck.get("transactionConflicts").injected()).as("conflicts struck").isGreaterThan(20);
        assertThat(struck.get("throttledWrites").injected()).as("throttles struck").isGreaterThan(20);

        List<JsonNode> bodies = attempts.stream().map(a -> ApiRequests.body(a.last())).toList();
        Map<String, List<JsonNode>> byStatus = bodies.stream().collect(Collectors.groupingBy(b -> b.get("status").asText()));
        assertThat(byStatus.get("confirmed")).hasSize(20);
        assertThat(byStatus.get("waitlisted")).extracting(b -> b.get("waitlistPosition").asInt())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 80).boxed().toList());
        SeatLedger ledger = backend.events.find(id).orElseThrow().seats();
        assertThat(ledger).extracting(SeatLedger::confirmedSeats, SeatLedger::waitingCount).containsExactly(20, 80);
        assertThat(byStatus.get("waitlisted")).allSatisfy(b ->
                assertThat(ledger.positionOf(b.get("registrationId").asText())).hasValue(b.get("waitlistPosition").asInt()));
        assertThat(backend.registrations.ofEvent(id)).hasSize(100);

        assertThat(mails.deadLettered()).isZero();
        List<SentMails.Mail> sent = SentMails.all(aws);
        assertThat(sent).hasSize(100);
        assertThat(sent.stream().map(SentMails.Mail::to).distinct()).hasSize(100);
        assertThat(sent.stream().filter(m -> m.subject().startsWith("Je bent aangemeld"))).hasSize(20);

        System.out.printf("CONCURRENCY-FAULTS requests=100 answers_201=%d answers_503=%d confirmed=%d waitlisted=%d "
                        + "positions=1..%d mails=%d conflicts=%d/%d throttles=%d/%d mailer_invocations=%d total_ms=%d%n",
                attempts.stream().mapToLong(a -> a.count(201)).sum(), attempts.stream().mapToLong(a -> a.count(503)).sum(),
                byStatus.get("confirmed").size(), byStatus.get("waitlisted").size(), byStatus.get("waitlisted").size(),
                sent.size(), struck.get("transactionConflicts").injected(), struck.get("transactionConflicts").calls(),
                struck.get("throttledWrites").injected(), struck.get("throttledWrites").calls(), mails.invocations(),
                totalMillis);
    }

    @Test
    void cancellationsAndRegistrationsInParallelNeverOverbookOrBreakTheLine() throws Exception {
        String id = backend.onlineEvent("exp-wissel", 10, 2);
        List<JsonNode> confirmed = new ArrayList<>();
        List<JsonNode> waiting = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            JsonNode body = ApiRequests.body(register(id, "Deelnemer " + i, "deelnemer" + i + "@example.nl", 1));
            (i <= 10 ? confirmed : waiting).add(body);
        }

        List<Callable<Integer>> actions = new ArrayList<>();
        for (JsonNode registration : List.of(confirmed.get(0), confirmed.get(3), confirmed.get(6), confirmed.get(8),
                confirmed.get(9), waiting.get(0), waiting.get(4), waiting.get(5), waiting.get(7), waiting.get(9))) {
            actions.add(() -> ApiContract.call(backend.cancelRegistration, Forms.cancel(
                    registration.get("registrationId").asText(),
                    Forms.tokenOf(registration.get("manageUrl").asText()))).getStatusCode());
        }
        for (int i = 1; i <= 20; i++) {
            int n = i;
            actions.add(() -> register(id, "Nieuw " + n, "nieuw" + n + "@example.nl", 1 + n % 2).getStatusCode());
        }
        Collections.shuffle(actions);

        // Watches the ledger while the rush goes on: at no moment more seats than exist.
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> overbooked = Collections.synchronizedList(new ArrayList<>());
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                SeatLedger seats = backend.events.find(id).orElseThrow().seats();
                if (seats.confirmedSeats() > seats.capacity()) {
                    overbooked.add(seats.toString());
                }
            }
        });
        List<Integer> statuses = allAtOnce(actions);
        running.set(false);
        watcher.join();

        assertThat(statuses).allMatch(status -> status == 200 || status == 201);
        assertThat(overbooked).isEmpty();

        SeatLedger ledger = backend.events.find(id).orElseThrow().seats();
        List<Registration> all = backend.registrations.ofEvent(id);
        int confirmedSeats = all.stream().filter(r -> r.status() == RegistrationStatus.CONFIRMED)
                .mapToInt(Registration::seats).sum();
        List<String> waitingIds = all.stream().filter(r -> r.status() == RegistrationStatus.WAITLISTED)
                .map(Registration::id).toList();

        assertThat(confirmedSeats).isEqualTo(ledger.confirmedSeats()).isLessThanOrEqualTo(10);
        assertThat(ledger.line()).extracting(SeatLedger.Waiting::registrationId)
                .containsExactlyInAnyOrderElementsOf(waitingIds);
        if (!ledger.line().isEmpty()) {
            assertThat(ledger.line().get(0).seats()).as("the first in line does not fit in the seats left")
                    .isGreaterThan(ledger.seatsLeft());
        }
        // Of those who waited from the start and stayed, the ones that moved up were all ahead of those still waiting.
        List<String> stayedInOriginalOrder = waiting.stream().map(w -> w.get("registrationId").asText())
                .filter(regId -> all.stream().anyMatch(r -> r.id().equals(regId) && r.status() != RegistrationStatus.CANCELLED))
                .toList();
        List<String> stillWaiting = stayedInOriginalOrder.stream().filter(waitingIds::contains).toList();
        assertThat(stayedInOriginalOrder.subList(stayedInOriginalOrder.size() - stillWaiting.size(), stayedInOriginalOrder.size()))
                .as("nobody moved up past someone who waited longer").isEqualTo(stillWaiting);
        assertThat(ledger.line().subList(0, stillWaiting.size())).extracting(SeatLedger.Waiting::registrationId)
                .as("the line kept its order").containsExactlyElementsOf(stillWaiting);
    }
}
