package nl.mensenmakennederland.prizes;

import static nl.mensenmakennederland.shared.Items.bool;
import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;
import static nl.mensenmakennederland.shared.Items.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.mensenmakennederland.shared.IdempotencyKeys;
import nl.mensenmakennederland.shared.Items;
import nl.mensenmakennederland.shared.Transactions;
import nl.mensenmakennederland.shared.outbox.MailProblem;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The prizes table's entries ({@code pk=ENTRY#<id>, sk=ENTRY}), withdrawals
 * ({@code pk=ENTRY#<id>, sk=WITHDRAWN}: when, nothing else) and uploads in parts
 * ({@code sk=MULTIPART}: S3's upload id), answers kept by Idempotency-Key ({@code pk=ENTRY-KEYS#entries});
 * the jurors' scores share the entry's partition
 * ({@link ScoreStore}). Entries before the jury are listed through {@code gsi1}
 * ({@code gsi1pk=JURY, gsi1sk=<createdAt>#<id>}). An entry expires (TTL) a configured time after
 * the jury's decision; the check's verdict and its mail are one transaction, written only while
 * the entry still waits for its video, so a repeated event writes and mails nothing.
 */
public final class EntryStore {

    private static final String ENTRY = "ENTRY";
    private static final String WITHDRAWN = "WITHDRAWN";
    private static final String MULTIPART = "MULTIPART";
    private static final String JURY_LISTING = "JURY";

    /** An upload in parts begun for an entry ({@code sk=MULTIPART}): S3's upload id and how the file is cut. */
    public record Multipart(String uploadId, long partBytes, int parts) {}

    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;
    private final IdempotencyKeys answers;

    public EntryStore(DynamoDbClient dynamo, String table, Outbox outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.answers = new IdempotencyKeys(dynamo, table, "ENTRY-KEYS#");
    }

    static Map<String, AttributeValue> key(String id, String sort) {
        return Map.of("pk", s("ENTRY#" + id), "sk", s(sort));
    }

    /**
     * Stores a new entry (its id is fresh, so nothing is overwritten), and with it the answer to
     * keep for its Idempotency-Key; false when that key was answered meanwhile (nothing stored).
     */
    public boolean create(Entry entry, Instant expiresAt, Optional<IdempotencyKeys.Answer> keep) {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table).item(toItem(entry, expiresAt))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
        if (keep.isEmpty()) {
            dynamo.transactWriteItems(r -> r.transactItems(put));
            return true;
        }
        return Transactions.writeIf(dynamo, List.of(put, answers.put(keep.get())), 1);
    }

    /** The answers kept by Idempotency-Key ({@code pk=ENTRY-KEYS#entries}). */
    public IdempotencyKeys answers() {
        return answers;
    }

    public Optional<Entry> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(id, ENTRY)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * Writes the check's verdict ({@code checked}: submitted or rejected) and its mail, if the
     * entry still waits for its video; false when it no longer does (checked before, withdrawn).
     */
    public boolean settle(Entry checked, OutboxMail mail, Instant expiresAt) {
        TransactWriteItem verdict = TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(toItem(checked, expiresAt))
                .conditionExpression("#status = :awaiting")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":awaiting", s(EntryStatus.AWAITING_UPLOAD.code())))
                .build()).build();
        return Transactions.writeIf(dynamo, List.of(verdict, outbox.put(mail)), 0);
    }

    /**
     * Deletes the entry with everything kept beside it (its scores, an upload in parts) and keeps
     * that it was withdrawn, and when (no personal data), in one transaction; false when there was
     * no entry to delete.
     */
    public boolean withdraw(String id, Instant now, Instant expiresAt) {
        Map<String, AttributeValue> record = new HashMap<>(key(id, WITHDRAWN));
        record.put("withdrawnAt", time(now));
        record.put("expiresAt", n(expiresAt.getEpochSecond()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(id, ENTRY))
                .conditionExpression("attribute_exists(pk)").build()).build());
        // Six jurors' scores and an upload item: far below a transaction's 100 items.
        dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :pk").consistentRead(true)
                        .expressionAttributeValues(Map.of(":pk", s("ENTRY#" + id))).projectionExpression("pk, sk"))
                .items().stream()
                .filter(item -> !ENTRY.equals(Items.string(item, "sk")) && !WITHDRAWN.equals(Items.string(item, "sk")))
                .forEach(item -> writes.add(TransactWriteItem.builder()
                        .delete(Delete.builder().tableName(table).key(item).build()).build()));
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(record).build()).build());
        return Transactions.writeIf(dynamo, writes, 0);
    }

    /** The entries before the jury (submitted, or decided on), oldest first. */
    public List<Entry> beforeTheJury() {
        return dynamo.queryPaginator(r -> r.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :listing")
                        .expressionAttributeValues(Map.of(":listing", s(JURY_LISTING))))
                .items().stream().map(EntryStore::fromItem).toList();
    }

    /**
     * Writes an admin's decision ({@code decided}: its status and why), if the entry is still
     * before the jury; false when it is not (withdrawn meanwhile).
     */
    public boolean decide(Entry decided, Instant expiresAt) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(toItem(decided, expiresAt))
                    .conditionExpression(beforeTheJuryCondition())
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(beforeTheJuryValues()));
            return true;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        }
    }

    /** {@code #status IN (...)}: the entry is before the jury. */
    static String beforeTheJuryCondition() {
        return "#status IN (" + String.join(", ", beforeTheJuryValues().keySet()) + ")";
    }

    static Map<String, AttributeValue> beforeTheJuryValues() {
        Map<String, AttributeValue> values = new TreeMap<>();
        EntryStatus.BEFORE_THE_JURY.forEach(status -> values.put(":" + status.name().toLowerCase(Locale.ROOT), s(status.code())));
        return values;
    }

    /** Notes the upload in parts begun for the entry (replacing one begun before). */
    public void beginUpload(String id, Multipart upload, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(id, MULTIPART));
        item.put("uploadId", s(upload.uploadId()));
        item.put("partBytes", n(upload.partBytes()));
        item.put("parts", n(upload.parts()));
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    public Optional<Multipart> upload(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(id, MULTIPART)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(new Multipart(Items.string(item, "uploadId"),
                Items.longValue(item, "partBytes"), Items.integer(item, "parts")));
    }

    /** The upload in parts is over (completed or aborted). */
    public void endUpload(String id) {
        dynamo.deleteItem(r -> r.tableName(table).key(key(id, MULTIPART)));
    }

    /** When the entry was withdrawn, if it was. */
    public Optional<Instant> withdrawnAt(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(id, WITHDRAWN)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Items.time(item, "withdrawnAt"));
    }

    private static Map<String, AttributeValue> toItem(Entry entry, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(entry.id(), ENTRY));
        item.put("id", s(entry.id()));
        item.put("status", s(entry.status().code()));
        item.put("initiative", s(entry.initiative()));
        Items.putText(item, "organisation", entry.organisation());
        item.put("municipality", s(entry.municipality()));
        item.put("contactName", s(entry.contactName()));
        item.put("email", s(entry.email()));
        item.put("title", s(entry.title()));
        item.put("description", s(entry.description()));
        item.put("fileName", s(entry.fileName()));
        item.put("declaredBytes", n(entry.declaredBytes()));
        item.put("contentType", s(entry.contentType()));
        item.put("consentVersion", s(entry.consentVersion()));
        item.put("consentedAt", time(entry.consentedAt()));
        item.put("minorsAppear", bool(entry.minorsAppear()));
        item.put("createdAt", time(entry.createdAt()));
        Items.putTime(item, "checkedAt", entry.checkedAt());
        if (entry.video() != null) {
            VideoFacts video = entry.video();
            item.put("container", s(video.container()));
            item.put("durationMillis", n(video.durationMillis()));
            item.put("width", n(video.width()));
            item.put("height", n(video.height()));
            item.put("videoBytes", n(video.bytes()));
        }
        if (entry.rejection() != null) {
            item.put("rejection", s(entry.rejection().name()));
        }
        if (entry.decision() != null) {
            Items.putText(item, "juryNote", entry.decision().note());
            item.put("decidedAt", time(entry.decision().at()));
            item.put("decidedBy", s(entry.decision().by()));
        }
        // Carried over when the entry is written again whole: the mail feedback wrote it (MailProblem).
        MailProblem.putOn(item, entry.mailProblem());
        if (entry.beforeTheJury()) {
            item.put("gsi1pk", s(JURY_LISTING));
            item.put("gsi1sk", s(entry.createdAt() + "#" + entry.id()));
        }
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        return item;
    }

    private static Entry fromItem(Map<String, AttributeValue> item) {
        VideoFacts video = item.containsKey("container") ? new VideoFacts(Items.string(item, "container"),
                Items.longValue(item, "durationMillis"), Items.integer(item, "width"), Items.integer(item, "height"),
                Items.longValue(item, "videoBytes")) : null;
        String rejection = Items.string(item, "rejection");
        return new Entry(Items.string(item, "id"), EntryStatus.of(Items.string(item, "status")), Items.string(item, "initiative"),
                Items.string(item, "organisation"), Items.string(item, "municipality"), Items.string(item, "contactName"),
                Items.string(item, "email"), Items.string(item, "title"), Items.string(item, "description"),
                Items.string(item, "fileName"), Items.longValue(item, "declaredBytes"), Items.string(item, "contentType"),
                Items.string(item, "consentVersion"), Items.time(item, "consentedAt"), Items.bool(item, "minorsAppear"),
                Items.time(item, "createdAt"), video, rejection == null ? null : Rejection.valueOf(rejection),
                Items.time(item, "checkedAt"), item.containsKey("decidedAt") ? new Entry.JuryDecision(
                        Items.string(item, "juryNote"), Items.time(item, "decidedAt"), Items.string(item, "decidedBy")) : null,
                MailProblem.of(item).orElse(null));
    }
}
