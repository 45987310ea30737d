package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.EmulatorClients;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SamTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The OutboxTable's stream in moto feeding a consumer, as Lambda's event source mapping would. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoDbStreamSourceTest {

    private LocalAws aws;
    private DynamoDbStreamSource source;

    @BeforeEach
    void fresh(LocalAws aws) {
        this.aws = aws;
        aws.reset();
        RecordingStreamHandler.BATCHES.clear();
        RecordingStreamHandler.FAIL_ONCE.clear();
    }

    @AfterEach
    void stop() throws InterruptedException {
        source.close();
    }

    private void start(Map<String, Object> extraProperties) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "Stream", Map.of("Fn::GetAtt", "OutboxTable.StreamArn"), "StartingPosition", "TRIM_HORIZON"));
        properties.putAll(extraProperties);
        SamTemplate.Function consumer = new SamTemplate.Function("RecordingFunction",
                RecordingStreamHandler.class.getName() + "::handleRequest", Map.of(), List.of());
        DynamoDbStreamsClient streams = AwsClients.configure(DynamoDbStreamsClient.builder(), SamTemplate.REGION,
                EmulatorClients.CREDENTIALS, aws.endpoint()).build();
        source = new DynamoDbStreamSource(LocalFunction.of(consumer), new SamTemplate.FunctionEvent("Outbox", "DynamoDB", properties),
                aws.template(), aws.clients().dynamoDb(), streams, Duration.ofMillis(50));
        source.start();
    }

    private void put(String pk, String kind) {
        aws.clients().dynamoDb().putItem(r -> r.tableName(aws.name("OutboxTable"))
                .item(Map.of("pk", AttributeValue.fromS(pk), "kind", AttributeValue.fromS(kind))));
    }

    private static List<String> delivered() {
        return RecordingStreamHandler.BATCHES.stream().flatMap(List::stream)
                .map(r -> r.getDynamodb().getKeys().get("pk").getS()).toList();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void deliversNewItemsInOrderInBatchesOfAtMostBatchSize() throws InterruptedException {
        for (int i = 1; i <= 5; i++) {
            put("MAIL#" + i, "confirmation");
        }
        start(Map.of("BatchSize", 2));

        await(() -> delivered().size() >= 5);

        assertThat(delivered()).containsExactly("MAIL#1", "MAIL#2", "MAIL#3", "MAIL#4", "MAIL#5");
        assertThat(RecordingStreamHandler.BATCHES).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 2));
        DynamodbEvent.DynamodbStreamRecord first = RecordingStreamHandler.BATCHES.getFirst().getFirst();
        assertThat(first.getEventName()).isEqualTo("INSERT");
        assertThat(first.getEventSource()).isEqualTo("aws:dynamodb");
        assertThat(first.getEventSourceARN()).contains("OutboxTable");
        assertThat(first.getDynamodb().getNewImage().get("kind").getS()).isEqualTo("confirmation");
    }

    @Test
    void recordsTheFilterCriteriaRejectNeverReachTheFunction() throws InterruptedException {
        put("DIGEST#1", "digest");
        put("MAIL#1", "confirmation");
        put("MAIL#1", "confirmation-again");
        put("MAIL#2", "confirmation");
        start(Map.of("FilterCriteria", Map.of("Filters", List.of(Map.of("Pattern",
                "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"pk\": {\"S\": [{\"prefix\": \"MAIL#\"}]}}}}")))));

        await(() -> delivered().contains("MAIL#2"));
        Thread.sleep(500);

        assertThat(delivered()).containsExactly("MAIL#1", "MAIL#2");
    }

    @Test
    void aReportedFailureIsRetriedFromThatRecordOn() throws InterruptedException {
        RecordingStreamHandler.FAIL_ONCE.add("MAIL#2");
        put("MAIL#1", "confirmation");
        put("MAIL#2", "confirmation");
        put("MAIL#3", "confirmation");
        start(Map.of("BatchSize", 10, "FunctionResponseTypes", List.of("ReportBatchItemFailures")));

        await(() -> delivered().lastIndexOf("MAIL#3") > delivered().indexOf("MAIL#3"));

        // One batch of three; MAIL#2 failed once: it and what followed came again, MAIL#1 did not.
        assertThat(delivered().stream().filter("MAIL#1"::equals).count()).isEqualTo(1);
        assertThat(delivered().stream().filter("MAIL#2"::equals).count()).isEqualTo(2);
        assertThat(delivered()).containsExactly("MAIL#1", "MAIL#2", "MAIL#3", "MAIL#2", "MAIL#3");
    }
}
