package nl.mensenmakennederland.testing;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import nl.mensenmakennederland.events.CancelRegistrationHandler;
import nl.mensenmakennederland.events.EventStore;
import nl.mensenmakennederland.events.GetRegistrationHandler;
import nl.mensenmakennederland.events.RegisterHandler;
import nl.mensenmakennederland.events.RegistrationDesk;
import nl.mensenmakennederland.events.RegistrationStore;
import nl.mensenmakennederland.mail.MailDelivery;
import nl.mensenmakennederland.mail.MailerHandler;
import nl.mensenmakennederland.mail.Outbox;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.ParameterStore;
import nl.mensenmakennederland.shared.SigningKey;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The registration and mail functions wired as template.yaml configures them (same environment
 * variables), against an emulator: real SDK calls, a signing key in SSM, the outbox stream
 * feeding the mailer.
 */
public final class CampaignBackend {

    public final LocalAws aws;
    public final Map<String, String> env;
    public final EventStore events;
    public final RegistrationStore registrations;
    public final RegistrationDesk desk;
    public final SigningKey signingKey;
    public final RegisterHandler register;
    public final GetRegistrationHandler getRegistration;
    public final CancelRegistrationHandler cancelRegistration;
    public final MailerHandler mailer;
    private final OutboxStream outboxStream;

    public CampaignBackend(LocalAws aws, Clock clock) {
        this.aws = aws;
        this.env = aws.template().function("RegisterFunction").environment();
        SsmClient ssm = AwsClients.configure(SsmClient.builder(), SamTemplate.REGION, EmulatorClients.CREDENTIALS,
                aws.endpoint()).build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ssm.putParameter(r -> r.name(env.get("TOKEN_KEY_PARAMETER")).type(ParameterType.SECURE_STRING)
                .value(Base64.getEncoder().encodeToString(key)).overwrite(true));
        this.signingKey = new SigningKey(new ParameterStore(UrlConnectionHttpClient.create(), EmulatorClients.CREDENTIALS,
                SamTemplate.REGION, URI.create(aws.endpoint())), env.get("TOKEN_KEY_PARAMETER"));

        Outbox outbox = new Outbox(env.get("OUTBOX_TABLE"));
        this.events = new EventStore(aws.clients().dynamoDb(), env.get("EVENTS_TABLE"));
        this.registrations = new RegistrationStore(aws.clients().dynamoDb(), env.get("EVENTS_TABLE"), outbox);
        this.desk = new RegistrationDesk(events, registrations, signingKey, clock, ConflictRetry.standard(),
                env.get("SITE_ORIGIN"), Duration.ofDays(Integer.parseInt(env.get("RETENTION_DAYS"))));
        this.register = new RegisterHandler(desk);
        this.getRegistration = new GetRegistrationHandler(desk);
        this.cancelRegistration = new CancelRegistrationHandler(desk);
        this.mailer = new MailerHandler(new MailDelivery(aws.clients().dynamoDb(), outbox, aws.clients().ses(),
                env.get("SENDER_ADDRESS"), clock));
        this.outboxStream = new OutboxStream(aws, "OutboxTable");
    }

    /** A wiped emulator with the seed events placed for the clock, and the backend on it. */
    public static CampaignBackend freshWithSeedEvents(LocalAws aws, Clock clock) {
        aws.reset();
        CampaignBackend backend = new CampaignBackend(aws, clock);
        SeedData.loadEvents(backend.events, clock.instant());
        return backend;
    }

    /** Verifies the sender's domain in SES, as an operator does once per account. */
    public void verifySender() {
        String sender = env.get("SENDER_ADDRESS");
        aws.clients().ses().createEmailIdentity(r -> r.emailIdentity(sender.substring(sender.indexOf('@') + 1)));
    }

    /** Hands what the outbox stream carries since the last call to the mailer, as Lambda would. */
    public StreamsEventResponse deliverMails() {
        return mailer.handleRequest(outboxStream.poll(), null);
    }

    public OutboxStream outboxStream() {
        return outboxStream;
    }
}
