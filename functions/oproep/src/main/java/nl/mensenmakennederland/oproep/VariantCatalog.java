package nl.mensenmakennederland.oproep;

import static nl.mensenmakennederland.shared.Items.bool;
import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The variants in the Oproep table: {@code pk=VARIANT, sk=<id>}. One partition for all of them
 * is deliberate: there are tens of variants, read in one query, and the list is cached by the site.
 */
public final class VariantCatalog {

    private static final String PK = "VARIANT";

    private final DynamoDbClient dynamo;
    private final String table;

    public VariantCatalog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The variant, retired or not; nothing for an id that cannot be one. */
    public Optional<Variant> find(String id) {
        if (!Variant.isValidId(id)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of("pk", s(PK), "sk", s(id)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Every variant, retired ones included, by id. */
    public List<Variant> all() {
        List<Variant> variants = new ArrayList<>();
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(PK)));
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(query.exclusiveStartKey(startKey).build());
            page.items().forEach(item -> variants.add(fromItem(item)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return variants;
    }

    /** The variants the site offers. */
    public List<Variant> current() {
        return all().stream().filter(v -> !v.retired()).toList();
    }

    public void put(Variant variant) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(PK));
        item.put("sk", s(variant.id()));
        item.put("title", s(variant.title()));
        item.put("audience", s(variant.audience().code()));
        item.put("format", s(variant.format()));
        item.put("dimensions", s(variant.dimensions()));
        item.put("fileType", s(variant.fileType()));
        item.put("sizeBytes", n(variant.sizeBytes()));
        item.put("language", s(variant.language()));
        item.put("objectKey", s(variant.objectKey()));
        Items.putText(item, "previewKey", variant.previewKey());
        item.put("retired", bool(variant.retired()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    private static Variant fromItem(Map<String, AttributeValue> item) {
        return new Variant(Items.string(item, "sk"), Items.string(item, "title"),
                Audience.ofCode(Items.string(item, "audience")).orElseThrow(), Items.string(item, "format"),
                Items.string(item, "dimensions"), Items.string(item, "fileType"), Items.longValue(item, "sizeBytes"),
                Items.string(item, "language"), Items.string(item, "objectKey"), Items.string(item, "previewKey"),
                Items.bool(item, "retired"));
    }
}
