package nl.mensenmakennederland.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Hmac;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SentMails;
import nl.mensenmakennederland.testing.SesFeedback;
import nl.mensenmakennederland.testing.SesSends;
import nl.mensenmakennederland.testing.SigningKeyParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SES's feedback on mails the mailer really sent (on moto), fed to the feedback function in
 * SES's documented event format ({@code events/mail-feedback-*.json}) with the sent mail's message
 * id and tags put in: moto takes a send's configuration set and tags but publishes no events to
 * SNS, so this is the closest a test gets to SES -> SNS -> SQS (README, Mail feedback).
 */
@ExtendWith(AwsEmulatorExtension.class)
class MailFeedbackTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-12T10:15:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2027, 1, 12);

    LocalAws aws;
    Mailroom mailroom;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @BeforeEach
    void freshMailroom(LocalAws aws) {
        this.aws = aws;
        this.mailroom = Mailroom.fresh(aws, CLOCK);
        mailroom.verifySender();
        Log.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void logsBack() {
        Log.redirect(System.out);
    }

    /** Mails one mail about a registration through the outbox and the mailer; what SES was asked. */
    private SesSends.Send mailed(String address) {
        OutboxMail mail = Mailroom.mailTo(address, "Anna de Vries", CLOCK);
        mailroom.write(mail);
        mailroom.deliverMails();
        return mailroom.sends.to(address).getLast();
    }

    private SQSBatchResponse feedback(String sample, SesSends.Send send, String address) {
        return mailroom.feedback.handleRequest(SesFeedback.messages(SesFeedback.recordFor(sample, send, address)), null);
    }

    private Map<MailCounts.Kind, Long> countsToday() {
        return new MailCounts(mailroom.dynamoDb, aws.name("MailStateTable")).on(TODAY);
    }

    private List<Map<String, AttributeValue>> mailState(String prefix) {
        return aws.clients().dynamoDb().scan(r -> r.tableName(aws.name("MailStateTable"))).items().stream()
                .filter(item -> item.get("pk").s().startsWith(prefix)).toList();
    }

    @Test
    void everySendGoesThroughTheConfigurationSetTaggedWithTheMailAndItsRecord() {
        OutboxMail mail = Mailroom.mailTo("anna@example.nl", "Anna", CLOCK);
        mailroom.write(mail);

        mailroom.deliverMails();

        SesSends.Send send = mailroom.sends.to("anna@example.nl").getFirst();
        assertThat(send.configurationSet()).isEqualTo(mailroom.env.get("MAIL_CONFIGURATION_SET")).isNotBlank();
        assertThat(send.tags()).containsEntry("mail-id", mail.id())
                .containsEntry("regarding-kind", "registration")
                .containsEntry("regarding-id", mail.regarding().substring("registration/".length()));
        assertThat(countsToday()).containsEntry(MailCounts.Kind.SENT, 1L);
    }

    @Test
    void aPermanentBounceSuppressesTheAddressSoTheNextMailIsNotSentButRecorded() {
        SesSends.Send first = mailed("anna@example.nl");

        assertThat(feedback("mail-feedback-bounce.json", first, "anna@example.nl").getBatchItemFailures()).isEmpty();
        OutboxMail second = Mailroom.mailTo("Anna@Example.nl ", "Anna", CLOCK);
        mailroom.write(second);
        var answer = mailroom.deliverMails();

        assertThat(answer.getBatchItemFailures()).isEmpty();
        assertThat(SentMails.to(aws, "anna@example.nl")).as("only the first went out").hasSize(1);
        Map<String, AttributeValue> item = aws.clients().dynamoDb().getItem(r -> r.tableName(aws.name("OutboxTable"))
                .key(nl.mensenmakennederland.shared.outbox.Outbox.key(second.id()))).item();
        assertThat(item).containsKeys("suppressedAt", "expiresAt", "regarding")
                .doesNotContainKeys("sentAt", "to", "subject", "text", "html", "attachments", "claim");
        assertThat(countsToday()).containsEntry(MailCounts.Kind.SENT, 1L).containsEntry(MailCounts.Kind.BOUNCED, 1L)
                .containsEntry(MailCounts.Kind.SUPPRESSED, 1L);
        // Not retried: the stream's retry, and the sweeper, leave it as it is.
        mailroom.deliverMails();
        assertThat(new OutboxSweeperHandler(mailroom.dynamoDb, mailroom.outbox, mailroom.delivery(CLOCK),
                Clock.offset(CLOCK, java.time.Duration.ofHours(1))).handleRequest((com.amazonaws.services.lambda.runtime.events.ScheduledEvent) null, null))
                .containsEntry("examined", 0);
        assertThat(SentMails.to(aws, "anna@example.nl")).hasSize(1);
    }

    @Test
    void aComplaintSuppressesTheAddressToo() {
        SesSends.Send first = mailed("bram@example.nl");

        feedback("mail-feedback-complaint.json", first, "bram@example.nl");

        assertThat(mailState("SUPPRESSED#")).singleElement()
                .satisfies(item -> assertThat(item.get("reason").s()).isEqualTo("complained"));
        assertThat(countsToday()).containsEntry(MailCounts.Kind.COMPLAINED, 1L);
    }

    @Test
    void aTransientBounceOrADelayIsCountedButSuppressesNothing() {
        SesSends.Send first = mailed("anna@example.nl");

        feedback("mail-feedback-transient-bounce.json", first, "anna@example.nl");
        feedback("mail-feedback-delivery-delay.json", first, "anna@example.nl");
        mailroom.write(Mailroom.mailTo("anna@example.nl", "Anna", CLOCK));
        mailroom.deliverMails();

        assertThat(mailState("SUPPRESSED#")).isEmpty();
        assertThat(SentMails.to(aws, "anna@example.nl")).as("the next mail goes out").hasSize(2);
        assertThat(countsToday()).containsEntry(MailCounts.Kind.BOUNCED, 1L).containsEntry(MailCounts.Kind.DELAYED, 1L)
                .containsEntry(MailCounts.Kind.SUPPRESSED, 0L).containsEntry(MailCounts.Kind.SENT, 2L);
    }

    @Test
    void theSameEventDeliveredTwiceCountsOnceAndSuppressesOnce() {
        SesSends.Send first = mailed("anna@example.nl");
        String record = SesFeedback.recordFor("mail-feedback-bounce.json", first, "anna@example.nl");

        mailroom.feedback.handleRequest(SesFeedback.messages(record), null);
        SQSBatchResponse again = mailroom.feedback.handleRequest(SesFeedback.messages(record, record), null);

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(countsToday()).containsEntry(MailCounts.Kind.BOUNCED, 1L);
        assertThat(mailState("SUPPRESSED#")).hasSize(1);
    }

    @Test
    void aRejectionIsCountedAndSuppressesNothing() {
        SesSends.Send first = mailed("anna@example.nl");

        feedback("mail-feedback-rejected.json", first, "anna@example.nl");

        assertThat(countsToday()).containsEntry(MailCounts.Kind.REJECTED, 1L);
        assertThat(mailState("SUPPRESSED#")).isEmpty();
    }

    @Test
    void aMalformedMessageIsReportedFailedAndLoggedWithoutItsContent() {
        SesSends.Send first = mailed("anna@example.nl");
        String good = SesFeedback.recordFor("mail-feedback-bounce.json", first, "anna@example.nl");
        String noMessageId = good.replace(first.messageId(), "");
        var event = SesFeedback.messages("{\"eventType\":\"Bounce\",\"to\":\"anna@example.nl\"", noMessageId, good);

        SQSBatchResponse answer = mailroom.feedback.handleRequest(event, null);

        assertThat(answer.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(0).getMessageId(), event.getRecords().get(1).getMessageId());
        assertThat(countsToday()).as("the good one still counted").containsEntry(MailCounts.Kind.BOUNCED, 1L);
        String logged = logs.toString(StandardCharsets.UTF_8);
        assertThat(logged).contains("\"message.failed\"").doesNotContain("anna@example.nl").doesNotContainIgnoringCase("anna");
    }

    @Test
    void onlyAKeyedHashOfTheAddressIsKeptAndAnotherKeyGivesAnotherHash() {
        SesSends.Send first = mailed("anna@example.nl");

        feedback("mail-feedback-bounce.json", first, "anna@example.nl");

        Map<String, AttributeValue> suppressed = mailState("SUPPRESSED#").getFirst();
        assertThat(suppressed.toString()).doesNotContainIgnoringCase("anna").doesNotContain("example.nl");
        String key = SigningKeyParameter.get(aws, mailroom.env.get("TOKEN_KEY_PARAMETER"));
        String hash = suppressed.get("pk").s().substring("SUPPRESSED#".length());
        assertThat(hash).isEqualTo(Suppressions.hashOf(new Hmac(Base64.getDecoder().decode(key)), "anna@example.nl"))
                .isNotEqualTo(Suppressions.hashOf(new Hmac(Base64.getDecoder().decode(SigningKeyParameter.newKey())),
                        "anna@example.nl"));
        assertThat(Long.parseLong(suppressed.get("expiresAt").n())).as("kept MAIL_SUPPRESSION_DAYS after the bounce")
                .isEqualTo(Instant.parse("2027-01-12T10:15:03Z").plus(java.time.Duration.ofDays(
                        Long.parseLong(mailroom.env.get("MAIL_SUPPRESSION_DAYS")))).getEpochSecond());
        assertThat(logs.toString(StandardCharsets.UTF_8)).contains("\"mail.feedback\"").doesNotContain("anna@example.nl");
    }
}
