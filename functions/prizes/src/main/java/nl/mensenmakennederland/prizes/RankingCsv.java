package nl.mensenmakennederland.prizes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.mensenmakennederland.shared.SpreadsheetCsv;
import nl.mensenmakennederland.shared.UtcTime;

/**
 * The ranking as Excel-ready CSV ({@link SpreadsheetCsv}): one row per entry, or one row per
 * score. Figures are written with a decimal comma, as Dutch Excel reads numbers.
 */
final class RankingCsv {

    private RankingCsv() {}

    static String entries(List<RankedEntry> ranking) {
        List<String> header = new ArrayList<>(List.of("plaats", "inzending", "titel", "initiatief", "organisatie", "gemeente",
                "contactpersoon", "e-mail", "status", "toelichting besluit", "gemiddelde", "spreiding", "aantal scores"));
        for (Criterion criterion : Criterion.values()) {
            header.add(criterion.label());
        }
        header.addAll(List.of("duur (s)", "mailprobleem", "mailprobleem op (UTC)"));
        SpreadsheetCsv csv = new SpreadsheetCsv().row(header);
        int rank = 1;
        for (RankedEntry ranked : ranking) {
            Entry entry = ranked.entry();
            List<String> row = new ArrayList<>(List.of(Integer.toString(rank++), entry.id(), entry.title(), entry.initiative(),
                    nullToEmpty(entry.organisation()), entry.municipality(), entry.contactName(), entry.email(),
                    entry.status().code(), entry.decision() == null ? "" : nullToEmpty(entry.decision().note()),
                    ranked.count() == 0 ? "" : decimal(ranked.mean()), ranked.count() == 0 ? "" : decimal(ranked.spread()),
                    Integer.toString(ranked.count())));
            for (Criterion criterion : Criterion.values()) {
                Double mean = ranked.criterionMeans().get(criterion);
                row.add(mean == null ? "" : decimal(mean));
            }
            row.add(entry.video() == null ? "" : decimal(entry.video().durationMillis() / 1000.0));
            row.add(entry.mailProblem() == null ? "" : entry.mailProblem().kind().label());
            row.add(entry.mailProblem() == null ? "" : UtcTime.format(entry.mailProblem().at()));
            csv.row(row);
        }
        return csv.toString();
    }

    static String scores(List<RankedEntry> ranking) {
        List<String> header = new ArrayList<>(List.of("inzending", "titel", "jurylid"));
        for (Criterion criterion : Criterion.values()) {
            header.add(criterion.label());
        }
        header.addAll(List.of("gemiddelde", "toelichting", "gescoord op"));
        SpreadsheetCsv csv = new SpreadsheetCsv().row(header);
        for (RankedEntry ranked : ranking) {
            for (Score score : ranked.scores()) {
                List<String> row = new ArrayList<>(List.of(score.entryId(), ranked.entry().title(), score.jurorName()));
                for (Criterion criterion : Criterion.values()) {
                    row.add(Integer.toString(score.marks().get(criterion)));
                }
                row.addAll(List.of(decimal(score.mean()), score.comment(), UtcTime.format(score.scoredAt())));
                csv.row(row);
            }
        }
        return csv.toString();
    }

    private static String decimal(double value) {
        return String.format(Locale.forLanguageTag("nl-NL"), "%.2f", value);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
