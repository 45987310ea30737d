package nl.mensenmakennederland.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SentMails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Outbox mails as any job describes them, through the stream, the mailer and SES in moto, read
 * as a mail client reads them: sent as described, once, and forgotten once sent.
 */
@ExtendWith(AwsEmulatorExtension.class)
class MailerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    LocalAws aws;
    Mailroom mailroom;

    @BeforeEach
    void freshMailroom(LocalAws aws) {
        this.aws = aws;
        this.mailroom = Mailroom.fresh(aws, CLOCK);
    }

    private List<Map<String, AttributeValue>> outboxItems() {
        return aws.clients().dynamoDb().scan(r -> r.tableName(aws.name("OutboxTable"))).items();
    }

    @Test
    void theMailArrivesAsTheJobDescribedItWithTheCalendarMessageAlsoAsTheAlternative() {
        mailroom.verifySender();
        OutboxMail described = Mailroom.mailTo("anna@example.nl", "Anna de Vries", CLOCK);
        mailroom.write(described);

        mailroom.deliverMails();

        SentMails.Mail mail = SentMails.to(aws, "anna@example.nl").getFirst();
        assertThat(mail.subject()).isEqualTo(described.subject());
        assertThat(mail.text()).isEqualTo(described.text());
        assertThat(mail.html()).isEqualTo(described.html());
        String ics = new String(described.attachments().getFirst().content(), StandardCharsets.UTF_8);
        assertThat(mail.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.filename()).isEqualTo("uitnodiging.ics");
            assertThat(attachment.content()).isEqualTo(ics);
        });
        assertThat(mail.calendar()).as("the alternative a calendar client acts on").isNotNull();
        assertThat(mail.calendar().contentType()).contains("method=REQUEST");
        assertThat(mail.calendar().content()).isEqualTo(ics);
    }

    @Test
    void whenSesFailsTheMailStaysInTheOutboxAndGoesOutOnceItRecovers() {
        // The sender is not verified yet: SES refuses every send, as during an outage.
        mailroom.write(Mailroom.mailTo("anna@example.nl", "Anna de Vries", CLOCK));
        DynamodbEvent batch = mailroom.outboxStream().poll();

        StreamsEventResponse failed = mailroom.mailer.handleRequest(batch, null);

        assertThat(failed.getBatchItemFailures()).hasSize(1);
        assertThat(SentMails.all(aws)).isEmpty();
        assertThat(outboxItems()).hasSize(1).allSatisfy(item -> assertThat(item).doesNotContainKey("sentAt"));

        mailroom.verifySender();
        StreamsEventResponse retried = mailroom.mailer.handleRequest(batch, null);

        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(SentMails.to(aws, "anna@example.nl")).hasSize(1);
    }

    @Test
    void aRecordDeliveredTwiceIsMailedOnce() {
        mailroom.verifySender();
        mailroom.write(Mailroom.mailTo("anna@example.nl", "Anna de Vries", CLOCK));
        DynamodbEvent batch = mailroom.outboxStream().poll();

        mailroom.mailer.handleRequest(batch, null);
        StreamsEventResponse duplicate = mailroom.mailer.handleRequest(batch, null);

        assertThat(duplicate.getBatchItemFailures()).isEmpty();
        assertThat(SentMails.all(aws)).hasSize(1);
    }

    @Test
    void aSentMailKeepsNoPersonalDataInTheOutbox() {
        mailroom.verifySender();
        mailroom.write(Mailroom.mailTo("anna@example.nl", "Anna de Vries", CLOCK));

        mailroom.deliverMails();

        Map<String, AttributeValue> item = outboxItems().getFirst();
        assertThat(item).containsKeys("sentAt", "messageId", "regarding")
                .doesNotContainKeys("to", "subject", "text", "html", "attachments");
        assertThat(item.toString()).doesNotContain("anna@example.nl", "Anna de Vries");
    }

    @Test
    void afterAFailureLaterRecordsInTheBatchWaitSoNothingIsSkipped() {
        mailroom.write(Mailroom.mailTo("anna@example.nl", "Anna", CLOCK));
        mailroom.write(Mailroom.mailTo("bram@example.nl", "Bram", CLOCK));
        DynamodbEvent batch = mailroom.outboxStream().poll();
        assertThat(batch.getRecords()).hasSize(2);

        StreamsEventResponse failed = mailroom.mailer.handleRequest(batch, null);

        // Lambda retries from the first reported record, which covers everything after it.
        assertThat(failed.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(batch.getRecords().getFirst().getDynamodb().getSequenceNumber());
        mailroom.verifySender();
        mailroom.mailer.handleRequest(batch, null);
        assertThat(SentMails.all(aws)).extracting(SentMails.Mail::to).containsExactlyInAnyOrder("anna@example.nl", "bram@example.nl");
    }
}
