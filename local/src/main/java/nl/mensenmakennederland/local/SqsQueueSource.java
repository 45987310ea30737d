package nl.mensenmakennederland.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.testing.SamTemplate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A function's {@code Type: SQS} event source, run as Lambda's event source mapping runs it:
 * long-polls the queue, invokes the function with at most {@code BatchSize} messages, deletes
 * those it did not report failed ({@code ReportBatchItemFailures}; all of them when it threw),
 * and lets the others come back, after {@code retryDelay} instead of the queue's visibility
 * timeout, until the queue's redrive policy moves them to its dead-letter queue. With the bucket
 * notifications the test kit sets up from the template, this delivers what S3 notifies.
 */
final class SqsQueueSource implements AutoCloseable {

    private final LocalFunction function;
    private final String queue;
    private final int batchSize;
    private final boolean reportsItemFailures;
    /** How long an empty queue is left before the next look. */
    private static final Duration IDLE_POLL = Duration.ofMillis(500);

    private final Duration retryDelay;
    private final SqsClient sqs;
    // Stopping ends the loop after the poll in flight: a request cut off halfway would leave the
    // one-at-a-time emulator waiting for the rest of it.
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread poller;

    SqsQueueSource(LocalFunction function, SamTemplate.FunctionEvent event, SamTemplate template, SqsClient sqs,
                   Duration retryDelay) {
        Map<String, Object> p = event.properties();
        this.function = function;
        this.queue = template.physicalName(queueOf(p.get("Queue"), function.name()));
        this.batchSize = p.get("BatchSize") instanceof Number n ? Math.min(n.intValue(), 10) : 10;
        this.reportsItemFailures = p.get("FunctionResponseTypes") instanceof List<?> types
                && types.contains("ReportBatchItemFailures");
        this.retryDelay = retryDelay;
        this.sqs = sqs;
    }

    String description() {
        return function.name() + " <- queue " + queue;
    }

    /** {@code Queue: !GetAtt Queue.Arn} names the queue; nothing else can be followed locally. */
    private static String queueOf(Object arn, String functionName) {
        Object getAtt = HttpApiRoutes.asMap(arn).get("Fn::GetAtt");
        String target = getAtt instanceof List<?> parts ? parts.get(0) + "." + parts.get(1) : String.valueOf(getAtt);
        if (getAtt == null || !target.endsWith(".Arn")) {
            throw new IllegalStateException("The SQS event of " + functionName + " must name its queue as !GetAtt <Queue>.Arn to run locally");
        }
        return target.substring(0, target.length() - ".Arn".length());
    }

    void start() {
        String url = sqs.getQueueUrl(r -> r.queueName(queue)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        poller = Thread.ofVirtual().name("queue-" + function.name()).start(() -> poll(url, arn));
    }

    private void poll(String url, String arn) {
        while (stopping.getCount() > 0) {
            try {
                // Short polls with a pause between: moto_serial_server answers one request at a time, so a
                // long poll would hold every other call (a stats query, a download) for its wait.
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(batchSize).waitTimeSeconds(0)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (messages.isEmpty()) {
                    pause(IDLE_POLL);
                } else {
                    deliver(url, arn, messages);
                }
            } catch (RuntimeException error) {
                if (stopping.getCount() > 0) {
                    Log.error("local.queue.poll.failed", error, "function", function.name());
                    pause(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void deliver(String url, String arn, List<Message> messages) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject()
                    .put("messageId", message.messageId())
                    .put("receiptHandle", message.receiptHandle())
                    .put("body", message.body())
                    .put("md5OfBody", message.md5OfBody())
                    .put("eventSource", "aws:sqs")
                    .put("eventSourceARN", arn)
                    .put("awsRegion", SamTemplate.REGION);
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            record.putObject("messageAttributes");
        }
        Set<String> failed = new HashSet<>();
        try {
            String result = function.invoke(Json.write(event));
            if (reportsItemFailures) {
                failed.addAll(failures(result, messages));
            }
        } catch (RuntimeException error) {
            Log.error("local.queue.invoke.failed", error, "function", function.name(), "messages", messages.size());
            messages.forEach(m -> failed.add(m.messageId()));
        }
        for (Message message : messages) {
            if (failed.contains(message.messageId())) {
                int seconds = (int) retryDelay.toSeconds();
                sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(seconds));
            } else {
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
    }

    /** The messages the function reported failed; every one when its answer cannot be read (as Lambda does). */
    private static Set<String> failures(String result, List<Message> messages) {
        Set<String> failed = new HashSet<>();
        try {
            for (JsonNode failure : Json.MAPPER.readTree(result).path("batchItemFailures")) {
                failed.add(failure.path("itemIdentifier").asText());
            }
        } catch (IOException unreadable) {
            messages.forEach(m -> failed.add(m.messageId()));
        }
        return failed;
    }

    private void pause(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping.countDown();
        if (poller != null) {
            poller.join(Duration.ofSeconds(5));
        }
    }
}
