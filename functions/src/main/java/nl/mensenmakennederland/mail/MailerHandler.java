package nl.mensenmakennederland.mail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.util.List;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.StreamImages;

/**
 * The outbox stream's consumer: sends each new mail request through SES. Records are handled in
 * stream order; at the first failure (SES down or throttling) it reports that record, so Lambda
 * retries from there and nothing after it is skipped or sent twice.
 */
public final class MailerHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final MailDelivery delivery;

    public MailerHandler() {
        Env env = Env.system();
        this.delivery = new MailDelivery(AwsClients.dynamoDb(), new Outbox(env.required("OUTBOX_TABLE")),
                AwsClients.ses(), env.required("SENDER_ADDRESS"), Clock.systemUTC());
    }

    public MailerHandler(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Log.requestId(context == null ? null : context.getAwsRequestId());
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            if (!"INSERT".equals(record.getEventName())) {
                continue;
            }
            MailRequest mail = Outbox.fromItem(StreamImages.toItem(record.getDynamodb().getNewImage()));
            try {
                MailDelivery.Result result = delivery.deliver(mail);
                if (result == MailDelivery.Result.CLAIMED_ELSEWHERE) {
                    // Another attempt holds it now; retry later rather than risk sending twice.
                    return failedFrom(record);
                }
            } catch (RuntimeException failed) {
                Log.error("mail.failed", failed, "mailId", mail.id(), "kind", mail.kind().code());
                return failedFrom(record);
            }
        }
        return new StreamsEventResponse(List.of());
    }

    private static StreamsEventResponse failedFrom(DynamodbEvent.DynamodbStreamRecord record) {
        return new StreamsEventResponse(List.of(
                new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())));
    }
}
