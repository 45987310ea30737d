package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SamTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** The UploadChecks queue in moto feeding a consumer, as Lambda's SQS event source would: S3's notifications included. */
@ExtendWith(AwsEmulatorExtension.class)
class SqsQueueSourceTest {

    private LocalAws aws;
    private SqsQueueSource source;

    @BeforeEach
    void fresh(LocalAws aws) {
        this.aws = aws;
        aws.reset();
        RecordingQueueHandler.BODIES.clear();
        RecordingQueueHandler.FAIL_ONCE.clear();
        SamTemplate.Function consumer = new SamTemplate.Function("RecordingFunction",
                RecordingQueueHandler.class.getName() + "::handleRequest", Map.of(), List.of());
        source = new SqsQueueSource(LocalFunction.of(consumer), new SamTemplate.FunctionEvent("Uploads", "SQS", Map.of(
                "Queue", Map.of("Fn::GetAtt", List.of("UploadChecks", "Arn")), "BatchSize", 5,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"))), aws.template(), aws.clients().sqs(), Duration.ZERO);
        source.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        source.close();
    }

    private String queueUrl() {
        return aws.clients().sqs().getQueueUrl(r -> r.queueName("UploadChecks")).queueUrl();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void anObjectStoredUnderEntriesReachesTheFunctionAsS3NotifiesItAndLeavesTheQueue() throws Exception {
        String bucket = aws.name("UploadsBucket");
        aws.clients().s3().putObject(r -> r.bucket(bucket).key("entries/abc/video"), RequestBody.fromString("x"));
        aws.clients().s3().putObject(r -> r.bucket(bucket).key("elsewhere/file"), RequestBody.fromString("x"));

        waitFor(() -> RecordingQueueHandler.BODIES.stream().anyMatch(b -> b.contains("ObjectCreated:Put")));

        assertThat(RecordingQueueHandler.BODIES).anyMatch(b -> b.contains("\"s3:TestEvent\""))
                .filteredOn(b -> b.contains("ObjectCreated")).singleElement()
                .satisfies(b -> assertThat(b).contains("entries%2Fabc%2Fvideo"));
        Thread.sleep(300);
        assertThat(aws.clients().sqs().getQueueAttributes(r -> r.queueUrl(queueUrl()).attributeNamesWithStrings("All"))
                .attributesAsStrings()).containsEntry("ApproximateNumberOfMessages", "0")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
    }

    @Test
    void aMessageReportedFailedComesBackAndTheOthersDoNot() throws Exception {
        RecordingQueueHandler.FAIL_ONCE.add("second");
        for (String body : List.of("first", "second", "third")) {
            aws.clients().sqs().sendMessage(r -> r.queueUrl(queueUrl()).messageBody(body));
        }

        waitFor(() -> RecordingQueueHandler.BODIES.stream().filter("second"::equals).count() == 2);

        assertThat(RecordingQueueHandler.BODIES.stream().filter(b -> !b.contains("s3:TestEvent")).toList())
                .containsOnly("first", "second", "third").filteredOn("second"::equals).hasSize(2);
        assertThat(RecordingQueueHandler.BODIES.stream().filter("first"::equals).count()).isEqualTo(1);
    }
}
