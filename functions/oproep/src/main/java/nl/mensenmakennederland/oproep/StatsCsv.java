package nl.mensenmakennederland.oproep;

import java.util.List;
import nl.mensenmakennederland.shared.SpreadsheetCsv;

/** The download statistics as a spreadsheet for Excel: a row per group, then the totals. */
final class StatsCsv {

    private StatsCsv() {}

    static String render(DownloadStats.Report report, DownloadStats.GroupBy groupBy) {
        SpreadsheetCsv csv = new SpreadsheetCsv()
                .row(List.of(groupBy.heading(), "Downloads", "Unieke downloads", "Automatisch (bots, previews)"));
        for (DownloadStats.Row row : report.rows()) {
            csv.row(List.of(row.label(), Long.toString(row.downloads()), Long.toString(row.uniques()),
                    Long.toString(row.automated())));
        }
        DownloadStats.Totals total = report.total();
        return csv.row(List.of("Totaal " + report.from() + " t/m " + report.to(), Long.toString(total.downloads()),
                Long.toString(total.uniques()), Long.toString(total.automated()))).toString();
    }
}
