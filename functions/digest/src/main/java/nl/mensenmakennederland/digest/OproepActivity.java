package nl.mensenmakennederland.digest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.oproep.DownloadDesk;
import nl.mensenmakennederland.oproep.DownloadStats;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Oproep part: downloads and uniques per variant, posters made, the municipalities and
 * organisation types that downloaded most; read from the download counters as the admins'
 * statistics read them.
 */
final class OproepActivity {

    static final int TOP = 5;

    private final DownloadStats stats;

    OproepActivity(DynamoDbClient dynamo, String table) {
        this.stats = new DownloadStats(dynamo, table);
    }

    Activity read(Period period, Map<String, Long> previous) {
        // A very long catch-up reads the last days the statistics allow.
        LocalDate from = period.days() > DownloadStats.MAX_DAYS ? period.lastDay().minusDays(DownloadStats.MAX_DAYS - 1)
                : period.firstDay();
        DownloadStats.Report variants = stats.report(from, period.lastDay(), DownloadStats.GroupBy.VARIANT);
        long posters = variants.rows().stream().filter(row -> row.key().equals(DownloadDesk.POSTER))
                .mapToLong(DownloadStats.Row::downloads).sum();
        List<String> details = new ArrayList<>();
        variants.rows().stream().filter(row -> row.downloads() > 0)
                .sorted(Comparator.comparingLong(DownloadStats.Row::downloads).reversed())
                .forEach(row -> details.add(row.label() + ": " + row.downloads() + " downloads, " + row.uniques() + " uniek"));
        top(from, period.lastDay(), DownloadStats.GroupBy.MUNICIPALITY, "Meeste downloads uit", details);
        top(from, period.lastDay(), DownloadStats.GroupBy.ORG_TYPE, "Meeste downloads door", details);
        Figures figures = new Figures(previous)
                .add("oproep.downloads", "Downloads", variants.total().downloads())
                .add("oproep.uniques", "Unieke bezoekers", variants.total().uniques())
                .add("oproep.posters", "Posters gemaakt", posters);
        return new Activity(new Section("Maatschappelijke Oproep", figures.list(), details), variants.total().downloads() > 0, 0);
    }

    private void top(LocalDate from, LocalDate to, DownloadStats.GroupBy groupBy, String heading, List<String> details) {
        List<String> leaders = stats.report(from, to, groupBy).rows().stream().filter(row -> row.downloads() > 0)
                .sorted(Comparator.comparingLong(DownloadStats.Row::downloads).reversed()).limit(TOP)
                .map(row -> row.label() + " (" + row.downloads() + ")").toList();
        if (!leaders.isEmpty()) {
            details.add(heading + ": " + String.join(", ", leaders));
        }
    }
}
