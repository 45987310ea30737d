package nl.mensenmakennederland.events;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import nl.mensenmakennederland.mail.MailDelivery;
import nl.mensenmakennederland.mail.MailerHandler;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.ParameterStore;
import nl.mensenmakennederland.shared.SigningKey;
import nl.mensenmakennederland.shared.outbox.Outbox;
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
 * The registration and mail functions wired as template.yaml configures them (same environment
 * variables), against an emulator: real SDK calls, a signing key in SSM, the outbox stream
 * feeding the mailer. Its SDK clients are its own, built afresh as a new execution environment
 * builds them, so that what one test's faults did to a client (its retry token bucket) does not
 * reach the next.
 */
public final class CampaignBackend {

    public final LocalAws aws;
    public final DynamoDbClient dynamoDb;
    public final SesV2Client ses;
    public final Map<String, String> env;
    public final EventStore events;
    public final RegistrationStore registrations;
    public final RegistrationDesk desk;
    public final SigningKey signingKey;
    public final RegisterHandler register;
    public final GetRegistrationHandler getRegistration;
    public final CancelRegistrationHandler cancelRegistration;
    public final MailerHandler mailer;
    /** What the mailer asked SES, with the configuration set and tags moto does not keep. */
    public final SesSends sends = new SesSends();
    private final Clock clock;
    private final OutboxStream outboxStream;

    /** A backend with a fresh signing key in SSM. */
    public CampaignBackend(LocalAws aws, Clock clock) {
        this(aws, clock, true);
    }

    private CampaignBackend(LocalAws aws, Clock clock, boolean freshKey) {
        this.aws = aws;
        this.clock = clock;
        this.dynamoDb = AwsClients.configure(DynamoDbClient.builder(), SamTemplate.REGION, EmulatorClients.CREDENTIALS,
                aws.endpoint()).build();
        this.ses = AwsClients.configure(SesV2Client.builder(), SamTemplate.REGION, EmulatorClients.CREDENTIALS,
                aws.endpoint()).overrideConfiguration(o -> o.addExecutionInterceptor(sends)).build();
        this.env = aws.template().function("RegisterFunction").environment();
        if (freshKey) {
            putSigningKeys(SigningKeyParameter.newKey());
        }
        this.signingKey = new SigningKey(new ParameterStore(UrlConnectionHttpClient.create(), EmulatorClients.CREDENTIALS,
                SamTemplate.REGION, URI.create(aws.endpoint())), env.get("TOKEN_KEY_PARAMETER"));

        Outbox outbox = new Outbox(env.get("OUTBOX_TABLE"));
        this.events = new EventStore(dynamoDb, env.get("EVENTS_TABLE"));
        this.registrations = new RegistrationStore(dynamoDb, env.get("EVENTS_TABLE"), outbox);
        this.desk = new RegistrationDesk(events, registrations, signingKey, clock, ConflictRetry.standard(),
                env.get("SITE_ORIGIN"), Duration.ofDays(Integer.parseInt(env.get("RETENTION_DAYS"))),
                new RegistrationMails(env.get("SENDER_ADDRESS")));
        this.register = new RegisterHandler(desk);
        this.getRegistration = new GetRegistrationHandler(desk);
        this.cancelRegistration = new CancelRegistrationHandler(desk);
        this.mailer = new MailerHandler(MailDelivery.of(new Env(env), dynamoDb, ses, signingKey, clock));
        this.outboxStream = new OutboxStream(aws, "OutboxTable");
    }

    /** The same functions at another time, with the signing keys SSM holds now (read afresh, as a new deploy does). */
    public CampaignBackend at(Clock otherClock) {
        return new CampaignBackend(aws, otherClock, false);
    }

    /**
     * Rotates the signing key as the README's operations section says (a new key first, the
     * current one kept as the previous) and returns the functions as the next deploy runs them.
     */
    public CampaignBackend afterKeyRotation() {
        String current = SigningKeyParameter.get(aws, env.get("TOKEN_KEY_PARAMETER")).split(",")[0].trim();
        putSigningKeys(SigningKeyParameter.newKey() + "," + current);
        return at(clock);
    }

    private void putSigningKeys(String value) {
        SigningKeyParameter.put(aws, env.get("TOKEN_KEY_PARAMETER"), value);
    }

    /** A wiped emulator with the seed events placed for the clock, and the backend on it. */
    public static CampaignBackend freshWithSeedEvents(LocalAws aws, Clock clock) {
        aws.reset();
        CampaignBackend backend = new CampaignBackend(aws, clock);
        SeedEvents.load(backend.events, clock.instant());
        return backend;
    }

    /**
     * Stores an online event with a waiting list, the given seats and seats per registration, at
     * the time of the seed's Kennisboost on young volunteers; its id, for the test to register for.
     */
    public String onlineEvent(String id, int capacity, int maxSeatsPerRegistration) {
        Event template = events.find("kb-2027-01-14-jongeren-betrekken").orElseThrow();
        events.put(new Event(id, template.type(), template.title(), null, template.startsAt(), template.endsAt(),
                template.location(), true, template.onlineUrl(), maxSeatsPerRegistration, true, null,
                SeatLedger.empty(capacity)));
        return id;
    }

    /** Verifies the sender's domain in SES, as an operator does once per account. */
    public void verifySender() {
        SesIdentity.verify(aws, env.get("SENDER_ADDRESS"));
    }

    /** Hands what the outbox stream carries since the last call to the mailer, as Lambda would. */
    public StreamsEventResponse deliverMails() {
        return mailer.handleRequest(outboxStream.poll(), null);
    }

    public OutboxStream outboxStream() {
        return outboxStream;
    }
}
