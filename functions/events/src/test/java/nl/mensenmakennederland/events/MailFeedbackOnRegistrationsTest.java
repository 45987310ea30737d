package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import nl.mensenmakennederland.mail.MailFeedbackHandler;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.Forms;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SentMails;
import nl.mensenmakennederland.testing.SesFeedback;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A registration whose confirmation bounced, as the admins see it: the listing and the CSV say
 * the person could not be mailed, and a later registration of the same address stands but is
 * not mailed. SES's bounce comes from {@code events/} (moto publishes none), tied to the mail
 * the real mailer sent by the message id and tags it sent it with.
 */
@ExtendWith(AwsEmulatorExtension.class)
class MailFeedbackOnRegistrationsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    static final String FIRST = "exp-2027-02-04-amersfoort";
    static final String SECOND = "kb-2027-01-13-inclusief-vrijwilligerswerk";

    CampaignBackend backend;
    ListRegistrationsHandler list;
    MailFeedbackHandler feedback;

    @BeforeEach
    void freshBackend(LocalAws aws) {
        backend = CampaignBackend.freshWithSeedEvents(aws, CLOCK);
        backend.verifySender();
        list = new ListRegistrationsHandler(new EventAdmin(backend.events, backend.registrations, backend.desk.waitingLine(),
                ConflictRetry.standard()));
        feedback = MailFeedbackHandler.of(new Env(backend.env), aws.clients().dynamoDb(), backend.signingKey, CLOCK);
    }

    private void register(String eventId, String email) {
        APIGatewayV2HTTPResponse response = ApiContract.call(backend.register,
                Forms.post(eventId, Forms.registration("Fatima el Amrani", email, 1), Map.of()));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        backend.deliverMails();
    }

    private APIGatewayV2HTTPResponse listing(String eventId, String accept) {
        APIGatewayV2HTTPEvent request = ApiRequests.request("GET /admin/events/{id}/registrations",
                "/admin/events/" + eventId + "/registrations", Map.of("id", eventId), Map.of(), Map.of("accept", accept), null);
        return ApiContract.call(list, ApiRequests.withJwtGroups(request, "[admins]"));
    }

    @Test
    void aBouncedConfirmationShowsInTheListingAndTheNextMailToThatAddressIsNotSent(LocalAws aws) {
        register(FIRST, "fatima@buurthuis.nl");
        var sent = backend.sends.to("fatima@buurthuis.nl").getFirst();

        var answer = feedback.handleRequest(SesFeedback.messages(
                SesFeedback.recordFor("mail-feedback-bounce.json", sent, "fatima@buurthuis.nl")), null);

        assertThat(answer.getBatchItemFailures()).isEmpty();
        JsonNode row = ApiRequests.body(listing(FIRST, "application/json")).get("registrations").get(0);
        assertThat(row.get("status").asText()).isEqualTo("confirmed");
        assertThat(row.get("mailProblem").get("kind").asText()).isEqualTo("bounced");
        assertThat(row.get("mailProblem").get("at").asText()).isEqualTo("2027-01-12T10:15:03Z");
        assertThat(listing(FIRST, "text/csv").getBody().split("\r\n")[1]).endsWith(";onbestelbaar;2027-01-12T10:15:03Z");

        register(SECOND, "fatima@buurthuis.nl");

        assertThat(SentMails.to(aws, "fatima@buurthuis.nl")).as("the second confirmation is not sent").hasSize(1);
        JsonNode second = ApiRequests.body(listing(SECOND, "application/json")).get("registrations").get(0);
        assertThat(second.get("status").asText()).as("the registration stands").isEqualTo("confirmed");
        assertThat(second.get("mailProblem").get("kind").asText()).isEqualTo("suppressed");
        assertThat(second.get("mailProblem").get("text").asText()).startsWith("niet gemaild");
    }

    @Test
    void aComplaintAfterTheBounceIsTheLatestProblemAndARepeatChangesNothing() {
        register(FIRST, "fatima@buurthuis.nl");
        var sent = backend.sends.to("fatima@buurthuis.nl").getFirst();
        String bounce = SesFeedback.recordFor("mail-feedback-bounce.json", sent, "fatima@buurthuis.nl");
        String complaint = SesFeedback.recordFor("mail-feedback-complaint.json", sent, "fatima@buurthuis.nl");

        feedback.handleRequest(SesFeedback.messages(complaint, bounce, complaint), null);

        JsonNode row = ApiRequests.body(listing(FIRST, "application/json")).get("registrations").get(0);
        assertThat(row.get("mailProblem").get("kind").asText()).as("the later of the two").isEqualTo("complained");
    }
}
