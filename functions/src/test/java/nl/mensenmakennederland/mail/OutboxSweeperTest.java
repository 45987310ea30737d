package nl.mensenmakennederland.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import nl.mensenmakennederland.testing.ApiContract;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.CampaignBackend;
import nl.mensenmakennederland.testing.Forms;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SentMails;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/** A long SES outage outlasts the stream's retries: the sweeper sends what is left, once. */
@ExtendWith(AwsEmulatorExtension.class)
class OutboxSweeperTest {

    static final Instant REGISTERED = Instant.parse("2026-12-01T10:00:00Z");

    private OutboxSweeperHandler sweeperAt(LocalAws aws, CampaignBackend backend, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Outbox outbox = new Outbox(backend.env.get("OUTBOX_TABLE"));
        return new OutboxSweeperHandler(aws.clients().dynamoDb(), outbox,
                new MailDelivery(aws.clients().dynamoDb(), outbox, aws.clients().ses(), backend.env.get("SENDER_ADDRESS"), clock),
                clock);
    }

    @ParameterizedTest
    @Event(value = "../events/outbox-sweeper-schedule.json", type = ScheduledEvent.class)
    void mailsTheStreamGaveUpOnGoOutOnceSesIsBack(ScheduledEvent schedule, LocalAws aws) {
        CampaignBackend backend = CampaignBackend.freshWithSeedEvents(aws, Clock.fixed(REGISTERED, ZoneOffset.UTC));
        ApiContract.call(backend.register, Forms.post("kb-2027-01-12-vrijwilligers-werven",
                Forms.registration("Anna de Vries", "anna@example.nl", 1), Map.of()));
        assertThat(backend.deliverMails().getBatchItemFailures()).as("SES is down").hasSize(1);

        // Too early: the stream is still retrying, the sweeper leaves it alone.
        assertThat(sweeperAt(aws, backend, REGISTERED.plusSeconds(60)).handleRequest(schedule, null)).containsEntry("examined", 0);

        backend.verifySender();
        Map<String, Integer> sweep = sweeperAt(aws, backend, REGISTERED.plusSeconds(3600)).handleRequest(schedule, null);
        Map<String, Integer> again = sweeperAt(aws, backend, REGISTERED.plusSeconds(4500)).handleRequest(schedule, null);

        assertThat(sweep).containsEntry("sent", 1);
        assertThat(again).containsEntry("examined", 0);
        assertThat(SentMails.to(aws, "anna@example.nl")).hasSize(1);
    }
}
