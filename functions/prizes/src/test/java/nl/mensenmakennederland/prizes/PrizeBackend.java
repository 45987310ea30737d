package nl.mensenmakennederland.prizes;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import nl.mensenmakennederland.mail.MailDelivery;
import nl.mensenmakennederland.mail.MailerHandler;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.ParameterStore;
import nl.mensenmakennederland.shared.SigningKey;
import nl.mensenmakennederland.testing.EmulatorClients;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.OutboxStream;
import nl.mensenmakennederland.testing.SamTemplate;
import nl.mensenmakennederland.testing.SesIdentity;
import nl.mensenmakennederland.testing.SesSends;
import nl.mensenmakennederland.testing.SigningKeyParameter;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The prize functions wired as template.yaml configures them (same environment variables, the
 * template's submission window), against an emulator, at a fixed time: real SDK calls, a signing
 * key in SSM, and the real mailer on the outbox stream.
 */
final class PrizeBackend {

    final LocalAws aws;
    final Map<String, String> env;
    final PrizeDesk desk;
    final DynamoDbClient dynamoDb;
    final S3Client s3;
    final String bucket;
    private final MailerHandler mailer;
    /** What the mailer asked SES, with the configuration set and tags moto does not keep. */
    final SesSends sends = new SesSends();
    final SigningKey key;
    private final OutboxStream outboxStream;

    /** A backend with a fresh signing key in SSM. */
    PrizeBackend(LocalAws aws, Clock clock) {
        this(aws, clock, true);
    }

    /** The same functions at another time, with the signing key SSM holds now. */
    PrizeBackend at(Clock otherClock) {
        return new PrizeBackend(aws, otherClock, false);
    }

    private PrizeBackend(LocalAws aws, Clock clock, boolean freshKey) {
        this.aws = aws;
        Map<String, String> variables = new HashMap<>(aws.template().function("CreateEntryFunction").environment());
        variables.put("AWS_REGION", SamTemplate.REGION);
        variables.put("AWS_ENDPOINT_URL", aws.endpoint());
        this.env = Map.copyOf(variables);
        this.dynamoDb = AwsClients.configure(DynamoDbClient.builder(), SamTemplate.REGION, EmulatorClients.CREDENTIALS,
                aws.endpoint()).build();
        this.s3 = AwsClients.configure(S3Client.builder(), SamTemplate.REGION, EmulatorClients.CREDENTIALS, aws.endpoint())
                .forcePathStyle(true).build();
        this.bucket = env.get("UPLOADS_BUCKET");
        if (freshKey) {
            SigningKeyParameter.put(aws, env.get("TOKEN_KEY_PARAMETER"), SigningKeyParameter.newKey());
        }
        this.key = new SigningKey(new ParameterStore(UrlConnectionHttpClient.create(), EmulatorClients.CREDENTIALS,
                SamTemplate.REGION, URI.create(aws.endpoint())), env.get("TOKEN_KEY_PARAMETER"));
        this.desk = PrizeDesk.wire(PrizeDesk.Settings.fromEnvironment(new Env(env)), dynamoDb, s3, env.get("PRIZES_TABLE"),
                env.get("OUTBOX_TABLE"), key, EmulatorClients.CREDENTIALS, clock);
        SesIdentity.verify(aws, env.get("SENDER_ADDRESS"));
        SesV2Client ses = AwsClients.configure(SesV2Client.builder(), SamTemplate.REGION, EmulatorClients.CREDENTIALS,
                aws.endpoint()).overrideConfiguration(o -> o.addExecutionInterceptor(sends)).build();
        this.mailer = new MailerHandler(MailDelivery.of(new Env(env), dynamoDb, ses, key, clock));
        this.outboxStream = new OutboxStream(aws, "OutboxTable");
    }

    /** Hands what the outbox stream carries since the last call to the mailer, as Lambda would. */
    void deliverMails() {
        mailer.handleRequest(outboxStream.poll(), null);
    }

    /** Every item of the prizes table. */
    java.util.List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items() {
        return dynamoDb.scan(r -> r.tableName(env.get("PRIZES_TABLE"))).items();
    }

    boolean videoExists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException gone) {
            return false;
        }
    }
}
