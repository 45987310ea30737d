package nl.mensenmakennederland.digest;

import static nl.mensenmakennederland.shared.Items.bool;
import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;
import static nl.mensenmakennederland.shared.Items.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.Items;
import nl.mensenmakennederland.shared.Transactions;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One record per digest in the mail state table ({@code pk=DIGEST, sk=<last day>}): the period
 * and its figures, for the next digest to compare with. Written once, with its mails, in one
 * transaction that fails when the period's record exists: a schedule that fires twice, or a run
 * that is retried, sends nothing the second time.
 */
final class DigestRecords {

    /** The last digest: up to when it reported, and its figures. */
    record Last(LocalDate lastDay, Map<String, Long> values) {}

    /** Long enough to compare a whole campaign year; the figures hold no personal data. */
    static final Duration KEPT = Duration.ofDays(400);
    private static final String DIGEST = "DIGEST";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;

    DigestRecords(DynamoDbClient dynamo, String table, Outbox outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
    }

    Optional<Last> last() {
        return dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :digest").scanIndexForward(false).limit(1)
                        .consistentRead(true).expressionAttributeValues(Map.of(":digest", s(DIGEST))))
                .items().stream().findFirst()
                .map(item -> {
                    Map<String, Long> values = new LinkedHashMap<>();
                    item.get("values").m().forEach((key, value) -> values.put(key, Long.parseLong(value.n())));
                    return new Last(LocalDate.parse(Items.string(item, "sk")), values);
                });
    }

    /**
     * Closes the digest's period and hands its mails to the outbox (none when it was skipped as
     * quiet); false when the period was closed before.
     */
    boolean close(Digest digest, List<OutboxMail> mails, Instant now) {
        Map<String, AttributeValue> record = new HashMap<>(Map.of("pk", s(DIGEST), "sk", s(digest.period().lastDay().toString())));
        record.put("firstDay", s(digest.period().firstDay().toString()));
        Map<String, AttributeValue> values = new HashMap<>();
        digest.values().forEach((key, value) -> values.put(key, n(value)));
        record.put("values", AttributeValue.fromM(values));
        record.put("quiet", bool(digest.quiet()));
        record.put("mails", n(mails.size()));
        record.put("createdAt", time(now));
        record.put("expiresAt", n(now.plus(KEPT).getEpochSecond()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(record)
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        mails.forEach(mail -> writes.add(outbox.put(mail)));
        return Transactions.writeIf(dynamo, writes, 0);
    }
}
