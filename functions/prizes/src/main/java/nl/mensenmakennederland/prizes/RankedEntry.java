package nl.mensenmakennederland.prizes;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An entry in the jury's ranking: the mean of its jurors' marks, how far they lie apart (the
 * standard deviation of the jurors' means: 0 when they agree, above 1 when they clearly do not),
 * how many jurors scored it, and the mean per criterion.
 */
public record RankedEntry(Entry entry, List<Score> scores, double mean, double spread, Map<Criterion, Double> criterionMeans) {

    /** Highest mean first; of equal means, the one more jurors scored; then the earlier entry. */
    public static final Comparator<RankedEntry> BEST_FIRST = Comparator.comparingDouble(RankedEntry::mean).reversed()
            .thenComparing(Comparator.comparingInt(RankedEntry::count).reversed())
            .thenComparing(ranked -> ranked.entry().createdAt());

    public static RankedEntry of(Entry entry, List<Score> scores) {
        double mean = scores.stream().mapToDouble(Score::mean).average().orElse(0);
        double variance = scores.stream().mapToDouble(score -> (score.mean() - mean) * (score.mean() - mean)).average().orElse(0);
        Map<Criterion, Double> perCriterion = new EnumMap<>(Criterion.class);
        if (!scores.isEmpty()) {
            for (Criterion criterion : Criterion.values()) {
                perCriterion.put(criterion, scores.stream().mapToInt(score -> score.marks().get(criterion)).average().orElse(0));
            }
        }
        return new RankedEntry(entry, List.copyOf(scores), mean, Math.sqrt(variance), perCriterion);
    }

    public int count() {
        return scores.size();
    }
}
