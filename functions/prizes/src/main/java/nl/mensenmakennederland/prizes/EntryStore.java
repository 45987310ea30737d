package nl.mensenmakennederland.prizes;

import static nl.mensenmakennederland.shared.Items.bool;
import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;
import static nl.mensenmakennederland.shared.Items.time;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.Items;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The prizes table's entries ({@code pk=ENTRY#<id>, sk=ENTRY}), withdrawals
 * ({@code pk=ENTRY#<id>, sk=WITHDRAWN}: when, nothing else) and uploads in parts
 * ({@code sk=MULTIPART}: S3's upload id). An entry expires (TTL) a configured
 * time after the round closes; the check's verdict and its mail are one transaction, written
 * only while the entry still waits for its video, so a repeated event writes and mails nothing.
 */
public final class EntryStore {

    private static final String ENTRY = "ENTRY";
    private static final String WITHDRAWN = "WITHDRAWN";
    private static final String MULTIPART = "MULTIPART";

    /** An upload in parts begun for an entry ({@code sk=MULTIPART}): S3's upload id and how the file is cut. */
    public record Multipart(String uploadId, long partBytes, int parts) {}

    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;

    public EntryStore(DynamoDbClient dynamo, String table, Outbox outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
    }

    private static Map<String, AttributeValue> key(String id, String sort) {
        return Map.of("pk", s("ENTRY#" + id), "sk", s(sort));
    }

    /** Stores a new entry; its id is fresh, so nothing is overwritten. */
    public void create(Entry entry, Instant expiresAt) {
        dynamo.putItem(r -> r.tableName(table).item(toItem(entry, expiresAt)).conditionExpression("attribute_not_exists(pk)"));
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
        try {
            dynamo.transactWriteItems(r -> r.transactItems(verdict, outbox.put(mail)));
            return true;
        } catch (TransactionCanceledException cancelled) {
            CancellationReason first = cancelled.cancellationReasons().getFirst();
            if ("ConditionalCheckFailed".equals(first.code())) {
                return false;
            }
            throw cancelled;
        }
    }

    /**
     * Deletes the entry and keeps that it was withdrawn, and when (no personal data), in one
     * transaction; false when there was no entry to delete.
     */
    public boolean withdraw(String id, Instant now, Instant expiresAt) {
        Map<String, AttributeValue> record = new HashMap<>(key(id, WITHDRAWN));
        record.put("withdrawnAt", time(now));
        record.put("expiresAt", n(expiresAt.getEpochSecond()));
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(id, ENTRY))
                            .conditionExpression("attribute_exists(pk)").build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(record).build()).build()));
            return true;
        } catch (TransactionCanceledException cancelled) {
            if ("ConditionalCheckFailed".equals(cancelled.cancellationReasons().getFirst().code())) {
                return false;
            }
            throw cancelled;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        }
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
                Items.time(item, "checkedAt"));
    }
}
