package nl.mensenmakennederland.testing;

import static nl.mensenmakennederland.testing.SamTemplate.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.NotificationConfigurationFilter;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the tables, queues and buckets of template.yaml in an emulator exactly as declared: keys,
 * indexes, streams, TTL, queues and their dead-letter queues, bucket CORS, encryption and the
 * notifications a bucket sends to a queue (moto delivers them as S3 does). Tests and the local run therefore use the
 * data layout that is deployed, never a hand-kept copy of it. Deletion protection is the one
 * property left out on purpose: the emulator is reset by deleting tables (LocalStack), and moto
 * honours the flag by refusing DeleteTable.
 */
public final class ResourceProvisioner {

    private final SamTemplate template;
    private final EmulatorClients clients;

    public ResourceProvisioner(SamTemplate template, EmulatorClients clients) {
        this.template = template;
        this.clients = clients;
    }

    public void createAll() {
        template.resources("AWS::DynamoDB::Table").forEach(this::createTable);
        template.resources("AWS::SQS::Queue").forEach(this::createQueue);
        template.resources("AWS::SQS::Queue").forEach(this::redrive);
        template.resources("AWS::S3::Bucket").forEach(this::createBucket);
    }

    private void createTable(SamTemplate.Resource table) {
        Map<String, Object> p = table.properties();
        String name = template.physicalName(table.logicalId());
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(list(p.get("AttributeDefinitions")).stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName((String) map(a).get("AttributeName"))
                                .attributeType((String) map(a).get("AttributeType")).build())
                        .toList())
                .keySchema(keySchema(p.get("KeySchema")));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Object index : list(p.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> gsi = map(index);
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName((String) gsi.get("IndexName"))
                    .keySchema(keySchema(gsi.get("KeySchema")))
                    .projection(Projection.builder()
                            .projectionType((String) map(gsi.get("Projection")).get("ProjectionType")).build())
                    .build());
        }
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        Map<String, Object> stream = map(p.get("StreamSpecification"));
        if (!stream.isEmpty()) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true).streamViewType((String) stream.get("StreamViewType")).build());
        }
        clients.dynamoDb().createTable(request.build());
        Map<String, Object> ttl = map(p.get("TimeToLiveSpecification"));
        if (Boolean.TRUE.equals(ttl.get("Enabled"))) {
            clients.dynamoDb().updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(
                    t -> t.attributeName((String) ttl.get("AttributeName")).enabled(true)));
        }
    }

    private void createBucket(SamTemplate.Resource bucket) {
        String name = template.physicalName(bucket.logicalId());
        clients.s3().createBucket(r -> r.bucket(name).createBucketConfiguration(
                c -> c.locationConstraint(BucketLocationConstraint.fromValue(SamTemplate.REGION))));
        List<CORSRule> rules = new ArrayList<>();
        for (Object rule : list(map(bucket.properties().get("CorsConfiguration")).get("CorsRules"))) {
            Map<String, Object> r = map(rule);
            rules.add(CORSRule.builder()
                    .allowedOrigins(strings(r.get("AllowedOrigins")))
                    .allowedMethods(strings(r.get("AllowedMethods")))
                    .allowedHeaders(strings(r.get("AllowedHeaders")))
                    .maxAgeSeconds(r.get("MaxAge") == null ? null : ((Number) r.get("MaxAge")).intValue())
                    .build());
        }
        if (!rules.isEmpty()) {
            clients.s3().putBucketCors(r -> r.bucket(name).corsConfiguration(c -> c.corsRules(rules)));
        }
        notifyQueues(name, bucket.properties());
        if (bucket.properties().containsKey("BucketEncryption")) {
            clients.s3().putBucketEncryption(r -> r.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(
                    rule -> rule.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
        }
    }

    private void createQueue(SamTemplate.Resource queue) {
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        Object visibility = queue.properties().get("VisibilityTimeout");
        if (visibility != null) {
            attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(visibility));
        }
        clients.sqs().createQueue(r -> r.queueName(template.physicalName(queue.logicalId())).attributes(attributes));
    }

    /** A queue's dead-letter queue, once both exist. */
    private void redrive(SamTemplate.Resource queue) {
        Map<String, Object> policy = map(queue.properties().get("RedrivePolicy"));
        if (!policy.isEmpty()) {
            String redrive = "{\"deadLetterTargetArn\":\"" + queueArn(logicalIdOf(policy.get("deadLetterTargetArn")))
                    + "\",\"maxReceiveCount\":" + policy.get("maxReceiveCount") + "}";
            clients.sqs().setQueueAttributes(r -> r.queueUrl(queueUrl(queue.logicalId()))
                    .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive)));
        }
    }

    /** The queue configurations of a bucket's NotificationConfiguration: events, the queue, the key filter. */
    private void notifyQueues(String bucket, Map<String, Object> properties) {
        List<QueueConfiguration> queues = new ArrayList<>();
        for (Object configuration : list(map(properties.get("NotificationConfiguration")).get("QueueConfigurations"))) {
            Map<String, Object> c = map(configuration);
            List<FilterRule> rules = list(map(map(map(c.get("Filter")).get("S3Key"))).get("Rules")).stream()
                    .map(rule -> FilterRule.builder().name(String.valueOf(map(rule).get("Name")))
                            .value(String.valueOf(template.resolve(map(rule).get("Value")))).build())
                    .toList();
            queues.add(QueueConfiguration.builder()
                    .eventsWithStrings(String.valueOf(c.get("Event")))
                    .queueArn(queueArn(logicalIdOf(c.get("Queue"))))
                    .filter(rules.isEmpty() ? null : NotificationConfigurationFilter.builder().key(k -> k.filterRules(rules)).build())
                    .build());
        }
        if (!queues.isEmpty()) {
            clients.s3().putBucketNotificationConfiguration(r -> r.bucket(bucket)
                    .notificationConfiguration(n -> n.queueConfigurations(queues)));
        }
    }

    private String queueUrl(String logicalId) {
        return clients.sqs().getQueueUrl(r -> r.queueName(template.physicalName(logicalId))).queueUrl();
    }

    private String queueArn(String logicalId) {
        return clients.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl(logicalId))
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** The logical id in {@code !GetAtt Queue.Arn}, as the template's YAML gives it. */
    private static String logicalIdOf(Object getAtt) {
        Object target = map(getAtt).get("Fn::GetAtt");
        return target instanceof List<?> parts ? String.valueOf(parts.get(0)) : String.valueOf(target).split("\\.")[0];
    }

    private List<KeySchemaElement> keySchema(Object value) {
        return list(value).stream()
                .map(k -> KeySchemaElement.builder()
                        .attributeName((String) map(k).get("AttributeName"))
                        .keyType((String) map(k).get("KeyType")).build())
                .toList();
    }

    private List<String> strings(Object value) {
        return list(value).stream().map(v -> String.valueOf(template.resolve(v))).toList();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
