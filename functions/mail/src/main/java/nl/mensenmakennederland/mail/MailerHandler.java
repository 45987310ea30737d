package nl.mensenmakennederland.mail;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.SigningKey;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import nl.mensenmakennederland.shared.trigger.DynamoDbStreamHandler;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The outbox stream's consumer: sends each new mail through SES. At the first failure
 * (SES down or throttling) it names that record, so Lambda retries from there and nothing after
 * it is skipped or sent twice.
 */
public final class MailerHandler extends DynamoDbStreamHandler {

    private final MailDelivery delivery;

    public MailerHandler() {
        this.delivery = MailDelivery.of(Env.system(), AwsClients.dynamoDb(), Ses.CLIENT, SigningKey.fromEnvironment(),
                Clock.systemUTC());
        primeOnCheckpoint();
    }

    public MailerHandler(MailDelivery delivery) {
        this.delivery = delivery;
    }

    /** A delivery that composes a mail and sends nothing, writes nothing. */
    @Override
    protected void rehearse() {
        delivery.rehearse(AwsClients.offline(SesV2Client.builder(), "{\"MessageId\":\"rehearsal\"}"));
    }

    @Override
    protected Optional<StreamRecord> handle(List<StreamRecord> records) {
        for (StreamRecord record : records) {
            if (!"INSERT".equals(record.eventName())) {
                continue;
            }
            OutboxMail mail = Outbox.fromItem(record.newImage());
            try {
                if (delivery.deliver(mail) == MailDelivery.Result.CLAIMED_ELSEWHERE) {
                    // Another attempt holds it now; retry later rather than risk sending twice.
                    return Optional.of(record);
                }
            } catch (RuntimeException failed) {
                Log.error("mail.failed", failed, "mailId", mail.id(), "regarding", mail.regarding());
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }
}
