package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.Forms;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SeedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** AVG: a whole registration flow logs ids and counts, never who the person is. */
@ExtendWith(AwsEmulatorExtension.class)
class PersonalDataInLogsTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restoreLog() {
        Log.redirect(System.out);
    }

    @Test
    void aFullFlowLogsNoNameEmailOrganisationOrAddress(LocalAws aws) {
        CampaignBackend backend = new CampaignBackend(aws, Clock.fixed(SeedData.WRITTEN_FOR, ZoneOffset.UTC));
        SeedEvents.load(backend.events, SeedData.WRITTEN_FOR);
        Log.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String event = "kb-2027-01-15-vrijwilligers-behouden";
        String body = "{\"name\":\"Wilhelmina Zwartbol\",\"email\":\"w.zwartbol@dorpshuis-oosterend.nl\","
                + "\"organisation\":\"Dorpshuis Oosterend\",\"municipality\":\"Texel\",\"consent\":true}";

        JsonNode registered = ApiRequests.body(ApiContract.call(backend.register, Forms.post(event, body, Map.of())));
        ApiContract.call(backend.register, Forms.post(event, body, Map.of()));            // 409: already registered
        ApiContract.call(backend.register, Forms.post(event, body.replace("@", ""), Map.of())); // 422: bad address
        String id = registered.get("registrationId").asText();
        String token = Forms.tokenOf(registered.get("manageUrl").asText());
        ApiContract.call(backend.getRegistration, Forms.view(id, token));
        ApiContract.call(backend.cancelRegistration, Forms.cancel(id, token));
        var mails = backend.outboxStream().poll();
        backend.mailer.handleRequest(mails, null);     // SES refuses: the sender is not verified yet
        backend.verifySender();
        backend.mailer.handleRequest(mails, null);     // Lambda's retry of the same batch

        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("registration.created", "registration.cancelled", "request.refused", "mail.failed", "mail.sent");
        assertThat(logs).doesNotContainIgnoringCase("Zwartbol").doesNotContainIgnoringCase("Wilhelmina")
                .doesNotContainIgnoringCase("dorpshuis").doesNotContain("192.0.2.10").doesNotContain(token);
    }
}
