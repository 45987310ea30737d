package nl.mensenmakennederland.mail;

import java.time.Clock;
import java.util.function.Supplier;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.Metrics;
import nl.mensenmakennederland.shared.Metrics.Metric;
import nl.mensenmakennederland.shared.SigningKey;
import nl.mensenmakennederland.shared.SigningKeys;
import nl.mensenmakennederland.shared.trigger.SqsHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SES's feedback on our mails: the configuration set publishes bounces, complaints, delivery
 * delays and rejections to an SNS topic, which delivers them raw to this function's queue. A
 * message that cannot be handled returns to the queue and, after five tries, goes to its
 * dead-letter queue, whose alarm mails the admins; it is logged by its SQS id, never its content.
 */
public final class MailFeedbackHandler extends SqsHandler {

    /** A documented bounce of a mail about no record: parsed, the address looked up, nothing written. */
    private static final String REHEARSAL = "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
            + "\"bounceSubType\":\"General\",\"bouncedRecipients\":[{\"emailAddress\":\"rehearsal@example.org\"}],"
            + "\"timestamp\":\"2026-12-01T09:00:00.000Z\",\"feedbackId\":\"rehearsal\"},"
            + "\"mail\":{\"timestamp\":\"2026-12-01T08:59:00.000Z\",\"messageId\":\"rehearsal\",\"tags\":{\"mail-id\":[\"rehearsal\"]}}}";

    private final MailFeedback feedback;

    public MailFeedbackHandler() {
        this(MailFeedback.of(Env.system(), AwsClients.dynamoDb(), SigningKey.fromEnvironment(), Clock.systemUTC()));
        primeOnCheckpoint();
    }

    MailFeedbackHandler(MailFeedback feedback) {
        this.feedback = feedback;
    }

    /** As the template configures it ({@code env}: its environment), with the given clients: for tests. */
    public static MailFeedbackHandler of(Env env, DynamoDbClient dynamo, Supplier<SigningKeys> keys, Clock clock) {
        return new MailFeedbackHandler(MailFeedback.of(env, dynamo, keys, clock));
    }

    @Override
    protected void rehearse() {
        SesEvent event = SesEvent.parse(REHEARSAL);
        feedback.suppressions().isSuppressed(event.recipients().getFirst());
    }

    @Override
    protected void handle(SqsMessage message) {
        SesEvent event = SesEvent.parse(message.body());
        MailFeedback.Outcome outcome = feedback.record(event);
        Log.info("mail.feedback", "type", event.type().name(), "permanent", event.permanent(), "outcome", outcome.name(),
                "sesMessageId", event.messageId(), "mailId", event.tags().mailId(),
                "regarding", event.tags().namesARecord() ? event.tags().kind() + "/" + event.tags().recordId() : null);
        if (outcome == MailFeedback.Outcome.RECORDED) {
            Metrics.count(switch (event.type()) {
                case BOUNCE -> Metric.MAIL_BOUNCED;
                case COMPLAINT -> Metric.MAIL_COMPLAINED;
                case DELIVERY_DELAY -> Metric.MAIL_DELAYED;
                case REJECT -> Metric.MAIL_REJECTED;
            });
        }
    }
}
