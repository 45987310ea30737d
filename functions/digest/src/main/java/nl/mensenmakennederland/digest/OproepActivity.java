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
        // One read of the period's counters, grouped three ways; a very long catch-up reads the
        // last days the statistics allow.
        LocalDate from = period.days() > DownloadStats.MAX_DAYS ? period.lastDay().minusDays(DownloadStats.MAX_DAYS - 1)
                : period.firstDay();
        Map<DownloadStats.GroupBy, DownloadStats.Report> reports = stats.reports(from, period.lastDay(),
                List.of(DownloadStats.GroupBy.VARIANT, DownloadStats.GroupBy.MUNICIPALITY, DownloadStats.GroupBy.ORG_TYPE));
        DownloadStats.Report variants = reports.get(DownloadStats.GroupBy.VARIANT);
        long posters = variants.rows().stream().filter(row -> row.key().equals(DownloadDesk.POSTER))
                .mapToLong(DownloadStats.Row::downloads).sum();
        List<String> details = new ArrayList<>();
        variants.rows().stream().filter(row -> row.downloads() > 0)
                .sorted(Comparator.comparingLong(DownloadStats.Row::downloads).reversed())
                .forEach(row -> details.add(row.label() + ": " + row.downloads() + " downloads, " + row.uniques() + " uniek"));
        top(reports.get(DownloadStats.GroupBy.MUNICIPALITY), "Meeste downloads uit", details);
        top(reports.get(DownloadStats.GroupBy.ORG_TYPE), "Meeste downloads door", details);
        Figures figures = new Figures(previous)
                .add("oproep.downloads", "Downloads", variants.total().downloads())
                .add("oproep.uniques", "Unieke bezoekers", variants.total().uniques())
                .add("oproep.posters", "Posters gemaakt", posters);
        return new Activity(new Section("Maatschappelijke Oproep", figures.list(), details), variants.total().downloads() > 0, 0);
    }

    private static void top(DownloadStats.Report report, String heading, List<String> details) {
        List<String> leaders = report.rows().stream().filter(row -> row.downloads() > 0)
                .sorted(Comparator.comparingLong(DownloadStats.Row::downloads).reversed()).limit(TOP)
                .map(row -> row.label() + " (" + row.downloads() + ")").toList();
        if (!leaders.isEmpty()) {
            details.add(heading + ": " + String.join(", ", leaders));
        }
    }
}
