package nl.mensenmakennederland.mail;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.net.URI;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.ParameterStore;
import nl.mensenmakennederland.shared.SigningKey;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import nl.mensenmakennederland.testing.EmulatorClients;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.OutboxStream;
import nl.mensenmakennederland.testing.SamTemplate;
import nl.mensenmakennederland.testing.SesIdentity;
import nl.mensenmakennederland.testing.SesSends;
import nl.mensenmakennederland.testing.SigningKeyParameter;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The mailer as the template configures it, on the emulator, and an outbox that any job writes
 * to: the mailer's tests need no job, only fully described mails.
 */
final class Mailroom {

    final LocalAws aws;
    final Map<String, String> env;
    final DynamoDbClient dynamoDb;
    final SesV2Client ses;
    final Outbox outbox;
    final SigningKey keys;
    /** What the mailer asked SES, with the configuration set and tags moto does not keep. */
    final SesSends sends = new SesSends();
    final MailerHandler mailer;
    final MailFeedbackHandler feedback;
    private final OutboxStream stream;

    private Mailroom(LocalAws aws, Clock clock) {
        this.aws = aws;
        this.env = aws.template().function("MailerFunction").environment();
        this.dynamoDb = AwsClients.configure(DynamoDbClient.builder(), SamTemplate.REGION, EmulatorClients.CREDENTIALS,
                aws.endpoint()).build();
        this.ses = AwsClients.configure(SesV2Client.builder(), SamTemplate.REGION, EmulatorClients.CREDENTIALS,
                aws.endpoint()).overrideConfiguration(o -> o.addExecutionInterceptor(sends)).build();
        this.outbox = new Outbox(env.get("OUTBOX_TABLE"));
        this.keys = new SigningKey(new ParameterStore(UrlConnectionHttpClient.create(), EmulatorClients.CREDENTIALS,
                SamTemplate.REGION, URI.create(aws.endpoint())), env.get("TOKEN_KEY_PARAMETER"));
        this.mailer = new MailerHandler(delivery(clock));
        this.feedback = new MailFeedbackHandler(MailFeedback.of(new Env(env), dynamoDb, keys, clock));
        this.stream = new OutboxStream(aws, "OutboxTable");
    }

    /** A wiped emulator, a fresh signing key in its Parameter Store, and the mailer and the mail feedback on it. */
    static Mailroom fresh(LocalAws aws, Clock clock) {
        aws.reset();
        SigningKeyParameter.put(aws, aws.template().function("MailerFunction").environment().get("TOKEN_KEY_PARAMETER"),
                SigningKeyParameter.newKey());
        return new Mailroom(aws, clock);
    }

    MailDelivery delivery(Clock clock) {
        return MailDelivery.of(new Env(env), dynamoDb, ses, keys, clock);
    }

    /** A mail as a job describes it, with a calendar message attached, created at the clock's time. */
    static OutboxMail mailTo(String address, String name, Clock clock) {
        byte[] ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:" + Ids.random()
                + "@mensenmakennederland.nl\r\nSUMMARY:Kennisboost\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8);
        return new OutboxMail(Ids.random(), address, "Je bent aangemeld: Kennisboost", "Hoi " + name + ",\n\nTot dan!\n",
                "<!doctype html><html lang=\"nl\"><body><p>Hoi " + name + ",</p><p>Tot dan!</p></body></html>",
                List.of(new OutboxMail.Attachment("uitnodiging.ics", "text/calendar; charset=UTF-8; method=REQUEST", ics)),
                "registration/" + Ids.random(), clock.instant());
    }

    /** Writes the mails to the outbox in one transaction, as a job does with the change they announce. */
    void write(OutboxMail... mails) {
        dynamoDb.transactWriteItems(r -> r.transactItems(Arrays.stream(mails).map(outbox::put).toList()));
    }

    void verifySender() {
        SesIdentity.verify(aws, env.get("SENDER_ADDRESS"));
    }

    OutboxStream outboxStream() {
        return stream;
    }

    /** Hands what the outbox stream carries since the last call to the mailer, as Lambda would. */
    StreamsEventResponse deliverMails() {
        return mailer.handleRequest(stream.poll(), null);
    }
}
