package nl.mensenmakennederland.prizes;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import nl.mensenmakennederland.testing.LocalAws;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What S3 put on the upload-check queue (moto notifies the queue as the template configures S3
 * to), handed over as Lambda's SQS event source hands it to the function: received, then deleted
 * when the function reported no failure for it.
 */
final class UploadNotifications {

    private final LocalAws aws;
    private final String queueUrl;

    private final List<Message> setUp;

    /** Takes the message S3 sends when the notification is set up ({@code s3:TestEvent}) off the queue: see {@link #setUp()}. */
    UploadNotifications(LocalAws aws) {
        this.aws = aws;
        this.queueUrl = aws.clients().sqs().getQueueUrl(r -> r.queueName(aws.name("UploadChecks"))).queueUrl();
        this.setUp = receive();
        done(setUp);
    }

    /** What was on the queue before any upload: S3's test message. */
    List<Message> setUp() {
        return setUp;
    }

    /** The messages waiting now, as one SQS event (without deleting them: see {@link #done}). */
    List<Message> receive() {
        List<Message> messages = new ArrayList<>();
        for (int attempt = 0; attempt < 3 && messages.isEmpty(); attempt++) {
            messages.addAll(aws.clients().sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).visibilityTimeout(0)).messages());
        }
        return messages;
    }

    static SQSEvent event(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(m -> {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            record.setEventSource("aws:sqs");
            return record;
        }).toList());
        return event;
    }

    void done(List<Message> messages) {
        messages.forEach(m -> aws.clients().sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
    }
}
