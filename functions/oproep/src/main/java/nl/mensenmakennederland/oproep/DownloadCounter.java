package nl.mensenmakennederland.oproep;

import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.Items;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.Metrics;
import nl.mensenmakennederland.shared.Metrics.Metric;
import nl.mensenmakennederland.shared.UtcTime;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Counts downloads in the Oproep table, write-sharded so that a newspaper morning on one variant
 * does not land on one item: a count goes to one of {@value #SHARDS} partitions of its day,
 * {@code pk=COUNT#<day>#<shard>}, in the item {@code sk=<variant>#<orgType>#<municipality>}
 * (attributes {@code downloads}, {@code uniques}, {@code automated}); readers sum the shards
 * ({@link DownloadStats}). A visitor's first download of a variant on a day leaves a marker,
 * {@code pk=SEEN#<fingerprint>}, that expires with the day; only its presence is ever read.
 *
 * <p>Counting never decides the download: a write the SDK's retries could not get through is
 * queued as a missed count ({@code pk=MISSED#<shard>}), replayed later by
 * {@link #replayMissed()}, and the miss itself is counted ({@code DownloadCountQueued}); if even
 * the queue refuses, the loss is logged and counted ({@code DownloadCountLost}).
 */
public final class DownloadCounter {

    /** Partitions per day; see the README's sizing. Readers sum 0..SHARDS-1: raise it, never lower it. */
    static final int SHARDS = 8;
    /** How long a missed count waits for its replay before it is given up (and TTL removes it). */
    private static final Duration MISSED_KEPT = Duration.ofDays(14);
    static final String NO_MUNICIPALITY = "-";

    /** What became of a count. */
    public sealed interface Outcome {
        /** Written; {@code firstToday}: the visitor's first download of the variant today. */
        record Counted(boolean firstToday) implements Outcome {}
        /** Not written now; queued to be counted by the replay. */
        record Queued() implements Outcome {}
        /** Neither written nor queued: logged and counted as lost. */
        record Lost() implements Outcome {}
    }

    /** Whether a count adds a unique visitor, as far as is known when it is written or queued. */
    private enum Uniqueness { NONE, PENDING, FIRST, REPEAT }

    /** Drawn at the first count, after any SnapStart restore: shards must spread across restored copies too. */
    private static final class Shard {
        static final SecureRandom RANDOM = new SecureRandom();

        static int any() {
            return RANDOM.nextInt(SHARDS);
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DownloadCounter(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    public Outcome count(Download download) {
        Uniqueness uniqueness = download.automated() || download.fingerprint() == null ? Uniqueness.NONE : Uniqueness.PENDING;
        try {
            if (uniqueness == Uniqueness.PENDING) {
                uniqueness = markSeen(download) ? Uniqueness.FIRST : Uniqueness.REPEAT;
            }
            boolean first = uniqueness == Uniqueness.FIRST;
            dynamo.updateItem(r -> r.tableName(table).key(counterKey(download, Shard.any()))
                    .updateExpression(ADD_EXPRESSION)
                    .expressionAttributeNames(ADD_NAMES)
                    .expressionAttributeValues(addValues(download, first)));
            return new Outcome.Counted(first);
        } catch (SdkException failed) {
            Log.warn("oproep.count.failed", "variant", download.variantId(), "errorType", failed.getClass().getSimpleName());
            return queue(download, uniqueness);
        }
    }

    private boolean markSeen(Download download) {
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of("pk", s("SEEN#" + download.fingerprint()), "sk", s("SEEN"),
                            "expiresAt", n(CampaignDay.endEpochSecond(download.day()))))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException seenBefore) {
            return false;
        }
    }

    private Outcome queue(Download download, Uniqueness uniqueness) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("MISSED#" + Shard.any()));
        item.put("sk", s(UtcTime.format(clock.instant()) + "#" + Ids.random()));
        item.put("variant", s(download.variantId()));
        item.put("day", s(download.day().toString()));
        item.put("orgType", s(download.orgType().code()));
        Items.putText(item, "municipality", download.municipality());
        item.put("automated", Items.bool(download.automated()));
        item.put("uniqueness", s(uniqueness.name()));
        if (uniqueness == Uniqueness.PENDING) {
            item.put("fingerprint", s(download.fingerprint()));
        }
        item.put("expiresAt", n(clock.instant().plus(MISSED_KEPT).getEpochSecond()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item));
            Metrics.count(Metric.DOWNLOAD_COUNT_QUEUED);
            return new Outcome.Queued();
        } catch (SdkException lost) {
            Log.error("oproep.count.lost", lost, "variant", download.variantId());
            Metrics.count(Metric.DOWNLOAD_COUNT_LOST);
            return new Outcome.Lost();
        }
    }

    /**
     * Counts what was queued, each exactly once: one transaction adds the count and deletes the
     * queued item (only if it is still there, so two runs cannot both count it), and, for a
     * visitor not known to be new or not, also leaves the day's marker (only if there is none).
     * How many were counted; a run that AWS refuses stops, and the next run goes on from there.
     */
    public int replayMissed() {
        int replayed = 0;
        for (int shard = 0; shard < SHARDS; shard++) {
            try {
                replayed += replayShard(shard);
            } catch (SdkException refused) {
                Log.warn("oproep.replay.interrupted", "shard", shard, "errorType", refused.getClass().getSimpleName());
                break;
            }
        }
        return replayed;
    }

    /** Whether any count waits for the replay: a read only. */
    public boolean anyQueued() {
        for (int shard = 0; shard < SHARDS; shard++) {
            String pk = "MISSED#" + shard;
            if (dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(pk))).limit(1)).count() > 0) {
                return true;
            }
        }
        return false;
    }

    private int replayShard(int shard) {
        int replayed = 0;
        String pk = "MISSED#" + shard;
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse page = dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(pk))).consistentRead(true).exclusiveStartKey(from));
            for (Map<String, AttributeValue> missed : page.items()) {
                if (replay(missed)) {
                    replayed++;
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return replayed;
    }

    private boolean replay(Map<String, AttributeValue> missed) {
        Download download = new Download(Items.string(missed, "variant"), LocalDate.parse(Items.string(missed, "day")),
                OrgType.ofCode(Items.string(missed, "orgType")).orElse(OrgType.ONBEKEND), Items.string(missed, "municipality"),
                Items.bool(missed, "automated"), Items.string(missed, "fingerprint"));
        Uniqueness uniqueness = Uniqueness.valueOf(Items.string(missed, "uniqueness"));
        if (uniqueness == Uniqueness.PENDING) {
            try {
                transact(missed, download, true, true);
                return true;
            } catch (TransactionCanceledException cancelled) {
                if (!failedAt(cancelled, 0)) {
                    return false; // the queued item is gone: another run counted it
                }
                uniqueness = Uniqueness.REPEAT; // the marker was there: seen before today
            }
        }
        try {
            transact(missed, download, uniqueness == Uniqueness.FIRST, false);
            return true;
        } catch (TransactionCanceledException alreadyCounted) {
            return false;
        }
    }

    private void transact(Map<String, AttributeValue> missed, Download download, boolean unique, boolean markSeen) {
        List<TransactWriteItem> writes = new ArrayList<>();
        if (markSeen) {
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                    .item(Map.of("pk", s("SEEN#" + download.fingerprint()), "sk", s("SEEN"),
                            "expiresAt", n(CampaignDay.endEpochSecond(download.day()))))
                    .conditionExpression("attribute_not_exists(pk)")).build());
        }
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(counterKey(download, Shard.any())).updateExpression(ADD_EXPRESSION)
                .expressionAttributeNames(ADD_NAMES).expressionAttributeValues(addValues(download, unique)).build()).build());
        writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(Map.of("pk", missed.get("pk"), "sk", missed.get("sk")))
                .conditionExpression("attribute_exists(pk)")).build());
        dynamo.transactWriteItems(r -> r.transactItems(writes));
    }

    private static boolean failedAt(TransactionCanceledException cancelled, int index) {
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code())
                && reasons.stream().skip(index + 1).noneMatch(r -> "ConditionalCheckFailed".equals(r.code()));
    }

    private static final String ADD_EXPRESSION =
            "SET #variant = :variant, #day = :day, #orgType = :orgType, #municipality = :municipality "
                    + "ADD #downloads :downloads, #uniques :uniques, #automated :automated";
    private static final Map<String, String> ADD_NAMES = Map.of("#variant", "variant", "#day", "day",
            "#orgType", "orgType", "#municipality", "municipality", "#downloads", "downloads", "#uniques", "uniques",
            "#automated", "automated");

    private static Map<String, AttributeValue> addValues(Download download, boolean unique) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":variant", s(download.variantId()));
        values.put(":day", s(download.day().toString()));
        values.put(":orgType", s(download.orgType().code()));
        values.put(":municipality", s(download.municipality() == null ? NO_MUNICIPALITY : download.municipality()));
        values.put(":downloads", n(download.automated() ? 0 : 1));
        values.put(":uniques", n(unique ? 1 : 0));
        values.put(":automated", n(download.automated() ? 1 : 0));
        return values;
    }

    static Map<String, AttributeValue> counterKey(Download download, int shard) {
        return Map.of("pk", s(counterPartition(download.day(), shard)),
                "sk", s(download.variantId() + "#" + download.orgType().code() + "#"
                        + (download.municipality() == null ? NO_MUNICIPALITY : download.municipality())));
    }

    static String counterPartition(LocalDate day, int shard) {
        return "COUNT#" + day + "#" + shard;
    }

    static boolean hasMunicipality(String stored) {
        return stored != null && !stored.equals(NO_MUNICIPALITY);
    }
}
