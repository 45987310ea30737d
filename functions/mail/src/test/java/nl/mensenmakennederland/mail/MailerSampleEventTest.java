package nl.mensenmakennederland.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.StreamImages;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.RepositoryRoot;
import nl.mensenmakennederland.testing.SentMails;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/** The outbox stream's sample event in {@code events/}, as Lambda hands it to the mailer. */
@ExtendWith(AwsEmulatorExtension.class)
class MailerSampleEventTest {

    @ParameterizedTest
    @Event(value = "../../events/mailer-outbox-insert.json", type = DynamodbEvent.class)
    void theMailerSendsTheInsertedMail(DynamodbEvent event, LocalAws aws) {
        Mailroom mailroom = Mailroom.fresh(aws, Clock.fixed(Instant.parse("2026-12-01T10:00:05Z"), ZoneOffset.UTC));
        mailroom.verifySender();
        var image = StreamImages.toItem(event.getRecords().get(0).getDynamodb().getNewImage());
        aws.clients().dynamoDb().putItem(r -> r.tableName(aws.name("OutboxTable")).item(image));

        var response = mailroom.mailer.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(SentMails.to(aws, "fatima@buurthuis-delinde.nl")).singleElement()
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Je bent aangemeld: Expeditie Nieuwe Gezichten: startbijeenkomst"));
    }

    @ParameterizedTest
    @Event(value = "../../events/mailer-outbox-insert.json", type = DynamodbEvent.class)
    void theStreamOverloadLambdaCallsSendsItToo(DynamodbEvent event, LocalAws aws) throws Exception {
        Mailroom mailroom = Mailroom.fresh(aws, Clock.fixed(Instant.parse("2026-12-01T10:00:05Z"), ZoneOffset.UTC));
        mailroom.verifySender();
        var image = StreamImages.toItem(event.getRecords().get(0).getDynamodb().getNewImage());
        aws.clients().dynamoDb().putItem(r -> r.tableName(aws.name("OutboxTable")).item(image));
        ByteArrayOutputStream answer = new ByteArrayOutputStream();

        mailroom.mailer.handleRequest(Files.newInputStream(RepositoryRoot.path().resolve("events/mailer-outbox-insert.json")),
                answer, null);

        assertThat(Json.MAPPER.readTree(answer.toByteArray()).toString()).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(SentMails.to(aws, "fatima@buurthuis-delinde.nl")).hasSize(1);
    }
}
