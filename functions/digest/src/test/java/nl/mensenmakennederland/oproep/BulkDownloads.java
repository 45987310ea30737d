package nl.mensenmakennederland.oproep;

import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nl.mensenmakennederland.testing.BatchWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Downloads counted in bulk into the items {@link DownloadCounter} leaves after counting them
 * one by one: each download in a shard of its day under the counter's own key, the item's
 * {@code downloads}, {@code uniques} and {@code automated} the sums of what the counter adds, a
 * visitor's first download leaving its marker. For the digest's measurement, which counts tens
 * of thousands; lives in the oproep package to use the counter's keys.
 */
public final class BulkDownloads {

    private final String table;
    private final BatchWrites writes;
    private final Random shards;

    /** {@code seed}: the shards are drawn as the counter draws them, but repeatably. */
    public BulkDownloads(DynamoDbClient dynamo, String table, long seed) {
        this.table = table;
        this.writes = new BatchWrites(dynamo, 2);
        this.shards = new Random(seed);
    }

    /** Counts downloads into a table that holds no counters or markers of their days yet. */
    public void count(List<Download> downloads) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> counters = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<Map<String, AttributeValue>> markers = new ArrayList<>();
        for (Download download : downloads) {
            boolean counted = !download.automated() && download.fingerprint() != null;
            boolean first = counted && seen.add(download.fingerprint());
            if (first) {
                markers.add(Map.of("pk", s("SEEN#" + download.fingerprint()), "sk", s("SEEN"),
                        "expiresAt", n(CampaignDay.endEpochSecond(download.day()))));
            }
            Map<String, AttributeValue> key = DownloadCounter.counterKey(download, shards.nextInt(DownloadCounter.SHARDS));
            Map<String, AttributeValue> counter = counters.computeIfAbsent(key, k -> fresh(k, download));
            add(counter, "downloads", download.automated() ? 0 : 1);
            add(counter, "uniques", first ? 1 : 0);
            add(counter, "automated", download.automated() ? 1 : 0);
        }
        writes.put(table, new ArrayList<>(counters.values()));
        writes.put(table, markers);
    }

    private static Map<String, AttributeValue> fresh(Map<String, AttributeValue> key, Download download) {
        Map<String, AttributeValue> counter = new LinkedHashMap<>(key);
        counter.put("variant", s(download.variantId()));
        counter.put("day", s(download.day().toString()));
        counter.put("orgType", s(download.orgType().code()));
        counter.put("municipality", s(download.municipality() == null ? DownloadCounter.NO_MUNICIPALITY : download.municipality()));
        return counter;
    }

    private static void add(Map<String, AttributeValue> counter, String name, long amount) {
        long sum = counter.containsKey(name) ? Long.parseLong(counter.get(name).n()) : 0;
        counter.put(name, n(sum + amount));
    }
}
