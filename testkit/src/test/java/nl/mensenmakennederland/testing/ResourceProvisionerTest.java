package nl.mensenmakennederland.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The emulator holds the tables and buckets exactly as template.yaml declares them. */
@ExtendWith(AwsEmulatorExtension.class)
class ResourceProvisionerTest {

    @Test
    void everyTableOfTheTemplateExistsWithItsKeysIndexesAndTtl(LocalAws aws) {
        assertThat(aws.clients().dynamoDb().listTables().tableNames())
                .containsExactlyInAnyOrder("EventsTable", "OutboxTable", "PrizesTable", "OproepTable", "MailStateTable");

        TableDescription events = aws.clients().dynamoDb().describeTable(r -> r.tableName("EventsTable")).table();
        assertThat(events.keySchema()).extracting(k -> k.attributeName()).containsExactly("pk", "sk");
        assertThat(events.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("gsi1");
        assertThat(aws.clients().dynamoDb().describeTimeToLive(r -> r.tableName("EventsTable"))
                .timeToLiveDescription().timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    }

    @Test
    void theOutboxTableStreamsNewImagesForTheMailer(LocalAws aws) {
        TableDescription outbox = aws.clients().dynamoDb().describeTable(r -> r.tableName("OutboxTable")).table();

        assertThat(outbox.streamSpecification().streamEnabled()).isTrue();
        assertThat(outbox.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_IMAGE");
        assertThat(outbox.latestStreamArn()).isNotBlank();
    }

    @Test
    void theUploadsBucketAllowsPostsAndPartsFromTheSiteOriginOnly(LocalAws aws) {
        String bucket = aws.name("UploadsBucket");

        var rules = aws.clients().s3().getBucketCors(r -> r.bucket(bucket)).corsRules();
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).allowedOrigins()).containsExactly("https://www.mensenmakennederland.nl");
        assertThat(rules.get(0).allowedMethods()).containsExactly("POST", "PUT");
    }
}
