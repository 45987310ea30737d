package nl.mensenmakennederland.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.Faults;
import nl.mensenmakennederland.testing.Faults.Share;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.MotoServer;
import nl.mensenmakennederland.testing.SentMails;
import nl.mensenmakennederland.testing.StreamEventSourceMapping;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SES refusing for a while, then recovering, as the real MailerHandler (behind the stream's
 * event source mapping) and OutboxSweeperHandler meet it: every mail goes out exactly once,
 * none is lost. SES is moto's, made to refuse by tools/moto_serial_server.py's fault mode.
 */
@ExtendWith(AwsEmulatorExtension.class)
class MailOutageTest {

    static final Instant REGISTERED = Instant.parse("2026-12-01T10:00:00Z");
    static final int PEOPLE = 12;

    LocalAws aws;
    MotoServer moto;
    Mailroom mailroom;
    StreamEventSourceMapping stream;

    @BeforeEach
    void twelveMailsWaitingInTheOutbox(LocalAws aws) {
        assumeTrue(aws.moto().isPresent(), "fault injection needs tools/moto_serial_server.py");
        this.aws = aws;
        this.moto = aws.moto().orElseThrow();
        Clock registered = Clock.fixed(REGISTERED, ZoneOffset.UTC);
        this.mailroom = Mailroom.fresh(aws, registered);
        mailroom.verifySender();
        this.stream = new StreamEventSourceMapping(aws, "MailerFunction");
        for (int i = 1; i <= PEOPLE; i++) {
            mailroom.write(Mailroom.mailTo(address(i), "Deelnemer " + i, registered));
        }
    }

    private static String address(int i) {
        return "deelnemer" + i + "@example.nl";
    }

    private OutboxSweeperHandler sweeperAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new OutboxSweeperHandler(mailroom.dynamoDb, mailroom.outbox, mailroom.delivery(clock), clock);
    }

    private void assertEveryoneGotTheirMailOnce() {
        List<SentMails.Mail> mails = SentMails.all(aws);
        assertThat(mails).extracting(SentMails.Mail::to)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, PEOPLE).mapToObj(MailOutageTest::address).toList());
        List<Map<String, AttributeValue>> outbox = aws.clients().dynamoDb()
                .scan(r -> r.tableName(aws.name("OutboxTable"))).items();
        assertThat(outbox).hasSize(PEOPLE).allSatisfy(item -> assertThat(item).containsKey("sentAt"));
    }

    @Test
    void sesThrottlingForAWhileDelaysTheMailsAndTheStreamRetriesSendEachOnce() {
        long started = System.nanoTime();
        StreamEventSourceMapping.Run run;
        Faults.Count refused;
        try (var faults = moto.inject(Faults.seeded(3).refusedSends(Share.all().times(10), 429))) {
            run = stream.deliver(event -> mailroom.mailer.handleRequest(event, null));
            refused = faults.count("refusedSends");
        }

        assertThat(refused.injected()).as("SES refused, then recovered").isEqualTo(10);
        assertThat(run.invocations()).as("the stream had to retry").isGreaterThan(2);
        assertThat(run.deadLettered()).isZero();
        assertEveryoneGotTheirMailOnce();
        System.out.printf("SES-THROTTLED refused=%d of %d sends, mailer invocations=%d, dead-lettered=%d, mails=%d, ms=%d%n",
                refused.injected(), refused.calls(), run.invocations(), run.deadLettered(), SentMails.all(aws).size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @Test
    void anSesOutageLongerThanTheStreamRetriesIsSentByTheSweeperOnceSesIsBack() {
        long started = System.nanoTime();
        StreamEventSourceMapping.Run run;
        Map<String, Integer> duringOutage;
        Faults.Count refused;
        try (var faults = moto.inject(Faults.seeded(4).refusedSends(Share.all(), 503))) {
            run = stream.deliver(event -> mailroom.mailer.handleRequest(event, null));
            assertThat(sweeperAt(REGISTERED.plusSeconds(60)).handleRequest(null, null))
                    .as("too early: the stream's own time").containsEntry("examined", 0);
            duringOutage = sweeperAt(REGISTERED.plus(Duration.ofMinutes(15))).handleRequest(null, null);
            refused = faults.count("refusedSends");
        }
        assertThat(run.deadLettered()).as("the stream gave up on every mail").isEqualTo(PEOPLE);
        assertThat(duringOutage).containsEntry("sent", 0);
        assertThat(SentMails.all(aws)).isEmpty();

        // SES is back: the next quarter-hour's sweep sends them all, the one after finds nothing left.
        Map<String, Integer> sweep = sweeperAt(REGISTERED.plus(Duration.ofMinutes(30))).handleRequest(null, null);
        Map<String, Integer> again = sweeperAt(REGISTERED.plus(Duration.ofMinutes(45))).handleRequest(null, null);

        assertThat(sweep).containsEntry("sent", PEOPLE);
        assertThat(again).containsEntry("examined", 0);
        assertEveryoneGotTheirMailOnce();
        System.out.printf("SES-OUTAGE refused=%d sends (503), mailer invocations=%d, dead-lettered=%d, "
                        + "swept after recovery=%d, mails=%d, ms=%d%n", refused.injected(), run.invocations(),
                run.deadLettered(), sweep.get("sent"), SentMails.all(aws).size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
