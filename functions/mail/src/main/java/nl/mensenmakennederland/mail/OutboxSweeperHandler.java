package nl.mensenmakennederland.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.SigningKey;
import nl.mensenmakennederland.shared.UtcTime;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import nl.mensenmakennederland.shared.trigger.ScheduledHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The safety net behind the outbox stream: every quarter of an hour, sends what is still unsent
 * after {@link #GRACE}, e.g. when SES was down longer than the stream's retries last. Sending goes
 * through the same {@link MailDelivery}, so a mail the stream sends meanwhile is not sent twice.
 */
public final class OutboxSweeperHandler extends ScheduledHandler<Map<String, Integer>> {

    /** Leaves the stream its own time first. */
    static final Duration GRACE = Duration.ofMinutes(10);
    /** Per run; the outbox is small, and a run must end well within the timeout. */
    static final int MAX_PER_RUN = 500;

    private final DynamoDbClient dynamo;
    private final Outbox outbox;
    private final MailDelivery delivery;
    private final Clock clock;

    public OutboxSweeperHandler() {
        this.dynamo = AwsClients.dynamoDb();
        this.clock = Clock.systemUTC();
        this.delivery = MailDelivery.of(Env.system(), dynamo, Ses.CLIENT, SigningKey.fromEnvironment(), clock);
        this.outbox = delivery.outbox();
        primeOnCheckpoint();
    }

    public OutboxSweeperHandler(DynamoDbClient dynamo, Outbox outbox, MailDelivery delivery, Clock clock) {
        this.dynamo = dynamo;
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
    }

    /**
     * For SnapStart priming: a rehearsal of a delivery (composes a mail, sends nothing, writes
     * nothing), and the sweep itself over mails created before 1970: it reads the outbox and
     * finds nothing to send.
     */
    @Override
    protected void rehearse() {
        delivery.rehearse(AwsClients.offline(SesV2Client.builder(), "{\"MessageId\":\"rehearsal\"}"));
        sweepCreatedBefore(Instant.EPOCH);
    }

    @Override
    protected Map<String, Integer> run() {
        return sweepCreatedBefore(clock.instant().minus(GRACE));
    }

    private Map<String, Integer> sweepCreatedBefore(Instant cutoff) {
        int sent = 0;
        int examined = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            ScanResponse page = dynamo.scan(ScanRequest.builder().tableName(outbox.table())
                    .filterExpression("attribute_not_exists(sentAt) AND attribute_not_exists(suppressedAt) AND createdAt < :cutoff")
                    .expressionAttributeValues(Map.of(":cutoff", AttributeValue.fromS(UtcTime.format(cutoff))))
                    .exclusiveStartKey(startKey).build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (examined++ == MAX_PER_RUN) {
                    return done(sent, examined);
                }
                OutboxMail mail = Outbox.fromItem(item);
                try {
                    if (delivery.deliver(mail) == MailDelivery.Result.SENT) {
                        sent++;
                    }
                } catch (RuntimeException sesStillFailing) {
                    Log.error("sweep.stopped", sesStillFailing, "mailId", mail.id());
                    return done(sent, examined);
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return done(sent, examined);
    }

    private static Map<String, Integer> done(int sent, int examined) {
        Log.info("sweep.done", "sent", sent, "examined", examined);
        return Map.of("sent", sent, "examined", examined);
    }
}
