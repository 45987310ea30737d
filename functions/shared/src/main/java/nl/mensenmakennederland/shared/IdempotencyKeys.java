package nl.mensenmakennederland.shared;

import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Answers kept by a client's {@code Idempotency-Key}, so that a retried request gets the answer
 * the first one got instead of doing it twice. A job keeps the answer in the same transaction as
 * the write it answers ({@link #put}), beside that write's items: {@code pk=<prefix><scope>,
 * sk=IDEM#<hash of scope and key>}, with the hash of the request it answered, the answer, and an
 * expiry that the table's TTL acts on. Neither key nor request is stored in the clear: both may
 * hold personal data.
 */
public final class IdempotencyKeys {

    /** A request as its key and content identify it; {@code scope} is what the key is unique within. */
    public record Request(String scope, String keyHash, String requestHash) {}

    /** The answer to keep for a request, given at {@code answeredAt}, to be repeated until {@code expiresAt}. */
    public record Answer(Request request, String body, Instant answeredAt, Instant expiresAt) {}

    /** What the key says about a request. */
    public sealed interface Recall {}

    /** Never answered, or its answer expired: do the work, and keep its answer. */
    public record Unused() implements Recall {}

    /** This very request was answered before: repeat {@code body}. */
    public record Answered(String body) implements Recall {}

    /** The key was used for another request: the client reused a key it should not have. */
    public record Reused() implements Recall {}

    private final DynamoDbClient dynamo;
    private final String table;
    private final String partitionPrefix;

    public IdempotencyKeys(DynamoDbClient dynamo, String table, String partitionPrefix) {
        this.dynamo = dynamo;
        this.table = table;
        this.partitionPrefix = partitionPrefix;
    }

    /** The request sent with {@code clientKey} within {@code scope}; {@code content} is what makes it this request. */
    public static Request request(String scope, String clientKey, String... content) {
        return new Request(scope, sha256(scope + "\n" + clientKey), sha256(String.join("\n", content)));
    }

    /**
     * What the key says now. An expired answer counts as unused: DynamoDB's TTL deletes expired
     * items only eventually (within days), so one still being there means nothing.
     */
    public Recall recall(Request request, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(request))).item();
        if (item == null || item.isEmpty() || Items.longValue(item, "expiresAt") <= now.getEpochSecond()) {
            return new Unused();
        }
        return Items.string(item, "requestHash").equals(request.requestHash())
                ? new Answered(Items.string(item, "body")) : new Reused();
    }

    /**
     * The item that keeps {@code answer}, for the transaction of the write it answers. Its
     * condition fails when another request with the key was answered meanwhile; an expired
     * answer not yet deleted by TTL is replaced, as if it were gone.
     */
    public TransactWriteItem put(Answer answer) {
        Map<String, AttributeValue> item = new HashMap<>(key(answer.request()));
        item.put("requestHash", s(answer.request().requestHash()));
        item.put("body", s(answer.body()));
        item.put("expiresAt", n(answer.expiresAt().getEpochSecond()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk) OR expiresAt <= :answeredAt")
                .expressionAttributeValues(Map.of(":answeredAt", n(answer.answeredAt().getEpochSecond())))
                .build()).build();
    }

    private Map<String, AttributeValue> key(Request request) {
        return Map.of("pk", s(partitionPrefix + request.scope()), "sk", s("IDEM#" + request.keyHash()));
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
