package nl.mensenmakennederland.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SentMails;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/** A long SES outage outlasts the stream's retries: the sweeper sends what is left, once. */
@ExtendWith(AwsEmulatorExtension.class)
class OutboxSweeperTest {

    static final Instant REGISTERED = Instant.parse("2026-12-01T10:00:00Z");

    private static OutboxSweeperHandler sweeperAt(Mailroom mailroom, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new OutboxSweeperHandler(mailroom.dynamoDb, mailroom.outbox, mailroom.delivery(clock), clock);
    }

    @ParameterizedTest
    @Event(value = "../../events/outbox-sweeper-schedule.json", type = ScheduledEvent.class)
    void mailsTheStreamGaveUpOnGoOutOnceSesIsBack(ScheduledEvent schedule, LocalAws aws) {
        Clock registered = Clock.fixed(REGISTERED, ZoneOffset.UTC);
        Mailroom mailroom = Mailroom.fresh(aws, registered);
        mailroom.write(Mailroom.mailTo("anna@example.nl", "Anna de Vries", registered));
        assertThat(mailroom.deliverMails().getBatchItemFailures()).as("SES is down").hasSize(1);

        // Too early: the stream is still retrying, the sweeper leaves it alone.
        assertThat(sweeperAt(mailroom, REGISTERED.plusSeconds(60)).handleRequest(schedule, null)).containsEntry("examined", 0);

        mailroom.verifySender();
        Map<String, Integer> sweep = sweeperAt(mailroom, REGISTERED.plusSeconds(3600)).handleRequest(schedule, null);
        Map<String, Integer> again = sweeperAt(mailroom, REGISTERED.plusSeconds(4500)).handleRequest(schedule, null);

        assertThat(sweep).containsEntry("sent", 1);
        assertThat(again).containsEntry("examined", 0);
        assertThat(SentMails.to(aws, "anna@example.nl")).hasSize(1);
    }
}
