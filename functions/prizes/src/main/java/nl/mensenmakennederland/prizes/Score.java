package nl.mensenmakennederland.prizes;

import java.time.Instant;
import java.util.Map;

/**
 * One juror's score of one entry: a mark per criterion, a comment, when. {@code jurorId} is the
 * juror's Cognito {@code sub}; {@code jurorName} what to show beside it.
 */
public record Score(String entryId, String jurorId, String jurorName, Map<Criterion, Integer> marks, String comment,
                    Instant scoredAt) {

    /** The juror's overall mark for the entry: the mean over the criteria. */
    public double mean() {
        return marks.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    }
}
