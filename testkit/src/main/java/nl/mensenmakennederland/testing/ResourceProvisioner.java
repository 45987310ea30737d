package nl.mensenmakennederland.testing;

import static nl.mensenmakennederland.testing.SamTemplate.map;

import java.util.ArrayList;
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
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Creates the tables and buckets of template.yaml in an emulator exactly as declared: keys,
 * indexes, streams, TTL, bucket CORS and encryption. Tests and the local run therefore use the
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
        if (bucket.properties().containsKey("BucketEncryption")) {
            clients.s3().putBucketEncryption(r -> r.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(
                    rule -> rule.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
        }
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
