package nl.mensenmakennederland.prizes;

import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;
import static nl.mensenmakennederland.shared.Items.time;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Items;
import nl.mensenmakennederland.shared.Transactions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The jurors' scores in the prizes table, in their entry's partition
 * ({@code pk=ENTRY#<id>, sk=SCORE#<juror's sub>}: one per juror, a new score replaces their
 * earlier one), and all of them together through {@code gsi1} ({@code gsi1pk=SCORES}) for the
 * ranking. A score is written only while its entry is before the jury, and expires with it.
 */
public final class ScoreStore {

    private static final String SCORE = "SCORE#";
    private static final String ALL_SCORES = "SCORES";

    private final DynamoDbClient dynamo;
    private final String table;

    public ScoreStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Stores the score if its entry is before the jury; false when it is not (any more). */
    public boolean save(Score score, Instant expiresAt) {
        TransactWriteItem entryIsBeforeTheJury = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(table)
                .key(EntryStore.key(score.entryId(), "ENTRY"))
                .conditionExpression(EntryStore.beforeTheJuryCondition())
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(EntryStore.beforeTheJuryValues())
                .build()).build();
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table).item(toItem(score, expiresAt))
                .build()).build();
        return Transactions.writeIf(dynamo, List.of(entryIsBeforeTheJury, put), 0);
    }

    /** Every juror's score of the entry. */
    public List<Score> of(String entryId) {
        return dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :score)")
                        .expressionAttributeValues(Map.of(":pk", s("ENTRY#" + entryId), ":score", s(SCORE))))
                .items().stream().map(ScoreStore::fromItem).toList();
    }

    /** Every score of every entry. */
    public List<Score> all() {
        return dynamo.queryPaginator(r -> r.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :scores")
                        .expressionAttributeValues(Map.of(":scores", s(ALL_SCORES))))
                .items().stream().map(ScoreStore::fromItem).toList();
    }

    private static Map<String, AttributeValue> toItem(Score score, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(EntryStore.key(score.entryId(), SCORE + score.jurorId()));
        item.put("entryId", s(score.entryId()));
        item.put("jurorId", s(score.jurorId()));
        item.put("jurorName", s(score.jurorName()));
        Map<String, AttributeValue> marks = new HashMap<>();
        score.marks().forEach((criterion, mark) -> marks.put(criterion.code(), n(mark)));
        item.put("marks", AttributeValue.fromM(marks));
        Items.putText(item, "comment", score.comment());
        item.put("scoredAt", time(score.scoredAt()));
        item.put("gsi1pk", s(ALL_SCORES));
        item.put("gsi1sk", s(score.entryId() + "#" + score.jurorId()));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        return item;
    }

    private static Score fromItem(Map<String, AttributeValue> item) {
        Map<Criterion, Integer> marks = new EnumMap<>(Criterion.class);
        item.get("marks").m().forEach((code, mark) -> Criterion.of(code)
                .ifPresent(criterion -> marks.put(criterion, Integer.parseInt(mark.n()))));
        String comment = Items.string(item, "comment");
        return new Score(Items.string(item, "entryId"), Items.string(item, "jurorId"), Items.string(item, "jurorName"),
                marks, comment == null ? "" : comment, Items.time(item, "scoredAt"));
    }
}
