package nl.mensenmakennederland.oproep;

import static nl.mensenmakennederland.shared.Items.s;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.Items;
import nl.mensenmakennederland.shared.Municipalities;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The download counts for admins: every shard of every day in the period read and summed
 * ({@link DownloadCounter} writes them), grouped by day, variant, organisation type,
 * municipality or province (derived from the municipality). Uniques are per variant and day, as
 * they are counted: grouped over several days or variants they add up those daily uniques, and a
 * visitor's unique download is filed under the organisation type and municipality of their first
 * download of that variant that day.
 */
public final class DownloadStats {

    /** Longest period one request reads: {@value} days of {@value DownloadCounter#SHARDS} queries each. */
    public static final int MAX_DAYS = 93;
    /** Label of counts without a municipality. */
    static final String NOT_GIVEN = "Niet opgegeven";

    public enum GroupBy {
        DAY("day", "Dag"),
        VARIANT("variant", "Variant"),
        ORG_TYPE("orgType", "Organisatietype"),
        MUNICIPALITY("municipality", "Gemeente"),
        PROVINCE("province", "Provincie");

        private final String code;
        private final String heading;

        GroupBy(String code, String heading) {
            this.code = code;
            this.heading = heading;
        }

        public String code() {
            return code;
        }

        /** The column's heading in the spreadsheet. */
        public String heading() {
            return heading;
        }

        public static Optional<GroupBy> ofCode(String code) {
            return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst();
        }
    }

    /** Counts of one group: downloads by people, their uniques, and fetches by machines apart. */
    public record Row(String key, String label, long downloads, long uniques, long automated) {

        Row plus(long moreDownloads, long moreUniques, long moreAutomated) {
            return new Row(key, label, downloads + moreDownloads, uniques + moreUniques, automated + moreAutomated);
        }
    }

    public record Totals(long downloads, long uniques, long automated) {}

    public record Report(String from, String to, String groupBy, List<Row> rows, Totals total) {}

    private final DynamoDbClient dynamo;
    private final String table;
    private final VariantCatalog catalog;

    public DownloadStats(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.catalog = new VariantCatalog(dynamo, table);
    }

    /** The period from {@code from} to {@code to}, both included; at most {@link #MAX_DAYS} days (the caller checks). */
    public Report report(LocalDate from, LocalDate to, GroupBy groupBy) {
        return reports(from, to, List.of(groupBy)).get(groupBy);
    }

    /** The same period grouped in several ways, from one read of its counters. */
    public Map<GroupBy, Report> reports(LocalDate from, LocalDate to, List<GroupBy> groupings) {
        Map<String, String> titles = new LinkedHashMap<>();
        if (groupings.contains(GroupBy.VARIANT)) {
            catalog.all().forEach(v -> titles.put(v.id(), v.title()));
        }
        Map<GroupBy, Map<String, Row>> rowsBy = new LinkedHashMap<>();
        groupings.forEach(groupBy -> rowsBy.put(groupBy, new LinkedHashMap<>()));
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (rowsBy.containsKey(GroupBy.DAY)) {
                rowsBy.get(GroupBy.DAY).put(day.toString(), new Row(day.toString(), day.toString(), 0, 0, 0));
            }
            for (int shard = 0; shard < DownloadCounter.SHARDS; shard++) {
                for (Map<String, AttributeValue> item : counters(DownloadCounter.counterPartition(day, shard))) {
                    rowsBy.forEach((groupBy, rows) -> {
                        String key = keyOf(item, groupBy);
                        rows.computeIfAbsent(key, k -> new Row(k, label(k, groupBy, titles), 0, 0, 0));
                        rows.computeIfPresent(key, (k, row) -> row.plus(Items.longValue(item, "downloads"),
                                Items.longValue(item, "uniques"), Items.longValue(item, "automated")));
                    });
                }
            }
        }
        Map<GroupBy, Report> reports = new LinkedHashMap<>();
        rowsBy.forEach((groupBy, rows) -> {
            List<Row> ordered = new ArrayList<>(rows.values());
            if (groupBy != GroupBy.DAY) {
                ordered.sort(Comparator.comparingLong(Row::downloads).reversed().thenComparing(Row::label));
            }
            Totals total = new Totals(ordered.stream().mapToLong(Row::downloads).sum(),
                    ordered.stream().mapToLong(Row::uniques).sum(), ordered.stream().mapToLong(Row::automated).sum());
            reports.put(groupBy, new Report(from.toString(), to.toString(), groupBy.code(), List.copyOf(ordered), total));
        });
        return reports;
    }

    private List<Map<String, AttributeValue>> counters(String partition) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse page = dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(partition))).exclusiveStartKey(from));
            items.addAll(page.items());
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return items;
    }

    private static String keyOf(Map<String, AttributeValue> item, GroupBy groupBy) {
        String municipality = Items.string(item, "municipality");
        return switch (groupBy) {
            case DAY -> Items.string(item, "day");
            case VARIANT -> Items.string(item, "variant");
            case ORG_TYPE -> Items.string(item, "orgType");
            case MUNICIPALITY -> DownloadCounter.hasMunicipality(municipality) ? municipality : "";
            case PROVINCE -> DownloadCounter.hasMunicipality(municipality)
                    ? Municipalities.province(municipality).orElse("") : "";
        };
    }

    private static String label(String key, GroupBy groupBy, Map<String, String> titles) {
        if (key.isEmpty()) {
            return NOT_GIVEN;
        }
        return switch (groupBy) {
            case VARIANT -> titles.getOrDefault(key, key.equals(DownloadDesk.POSTER) ? "Toolkit-poster (Mensen maken …)" : key);
            case ORG_TYPE -> OrgType.ofCode(key).map(OrgType::label).orElse(key);
            default -> key;
        };
    }
}
