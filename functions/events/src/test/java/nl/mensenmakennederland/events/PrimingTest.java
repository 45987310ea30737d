package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.mail.MailDelivery;
import nl.mensenmakennederland.mail.OutboxSweeperHandler;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SeedData;
import nl.mensenmakennederland.testing.SentMails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SnapStart priming runs before every snapshot in production: each harmless request must get
 * the answer it is meant to get (a 500 there would go unnoticed in a deploy), and priming must
 * change nothing and send nothing.
 */
@ExtendWith(AwsEmulatorExtension.class)
class PrimingTest {

    static final Clock CLOCK = Clock.fixed(SeedData.WRITTEN_FOR, ZoneOffset.UTC);

    @Test
    void primingEveryFunctionGetsTheExpectedAnswersWritesNothingAndSendsNoMail(LocalAws aws) {
        CampaignBackend backend = CampaignBackend.freshWithSeedEvents(aws, CLOCK);
        backend.verifySender();
        EventAdmin admin = new EventAdmin(backend.events, backend.registrations, backend.desk.waitingLine(), ConflictRetry.standard());
        List<HttpHandler> httpHandlers = List.of(new ListEventsHandler(backend.events, CLOCK),
                new GetEventHandler(backend.events, CLOCK), backend.register, backend.getRegistration,
                backend.cancelRegistration, new CreateEventHandler(admin, CLOCK), new UpdateEventHandler(admin, CLOCK),
                new ListRegistrationsHandler(admin), new ListAdminEventsHandler(backend.events, CLOCK),
                new GetAdminEventHandler(backend.events, CLOCK));
        Outbox outbox = new Outbox(backend.env.get("OUTBOX_TABLE"));
        OutboxSweeperHandler sweeper = new OutboxSweeperHandler(aws.clients().dynamoDb(), outbox,
                MailDelivery.of(new Env(backend.env), aws.clients().dynamoDb(), aws.clients().ses(), backend.signingKey, CLOCK),
                CLOCK);
        Map<String, List<Map<String, AttributeValue>>> before = tables(aws);

        Map<String, List<PrimingRequest.Answer>> answers = new LinkedHashMap<>();
        httpHandlers.forEach(handler -> answers.put(handler.getClass().getSimpleName(), handler.prime()));
        backend.mailer.prime();
        sweeper.prime();
        new WaitlistSettlerHandler(backend.events, backend.desk.waitingLine(), CLOCK).prime();

        // Every handler's every request answered as declared, and the requests the README promises were made.
        answers.forEach((handler, answered) -> assertThat(answered).as(handler).isNotEmpty()
                .allSatisfy(answer -> assertThat(answer.status()).as("%s: %s", handler, answer.routeKey())
                        .isEqualTo(answer.expected())));
        Map<String, List<Integer>> statuses = new LinkedHashMap<>();
        answers.forEach((handler, answered) -> statuses.put(handler, answered.stream().map(PrimingRequest.Answer::status).toList()));
        assertThat(statuses).isEqualTo(Map.of(
                "ListEventsHandler", List.of(200, 400),
                "GetEventHandler", List.of(200, 404),
                "RegisterHandler", List.of(404),
                "GetRegistrationHandler", List.of(404, 403),
                "CancelRegistrationHandler", List.of(404, 403),
                "CreateEventHandler", List.of(422, 409),
                "UpdateEventHandler", List.of(404),
                "ListRegistrationsHandler", List.of(404),
                "ListAdminEventsHandler", List.of(200, 400),
                "GetAdminEventHandler", List.of(404)));
        assertThat(tables(aws)).isEqualTo(before);
        assertThat(SentMails.all(aws)).isEmpty();
    }

    private static Map<String, List<Map<String, AttributeValue>>> tables(LocalAws aws) {
        return Map.of(
                "events", aws.clients().dynamoDb().scan(r -> r.tableName(aws.name("EventsTable"))).items(),
                "outbox", aws.clients().dynamoDb().scan(r -> r.tableName(aws.name("OutboxTable"))).items(),
                "mailState", aws.clients().dynamoDb().scan(r -> r.tableName(aws.name("MailStateTable"))).items());
    }
}
