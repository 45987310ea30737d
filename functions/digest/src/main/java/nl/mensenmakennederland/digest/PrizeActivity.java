package nl.mensenmakennederland.digest;

import static nl.mensenmakennederland.shared.Items.s;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.mensenmakennederland.prizes.EntryStatus;
import nl.mensenmakennederland.prizes.Rejection;
import nl.mensenmakennederland.shared.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The prize vlogs part: new entries, entries before the jury that not every juror scored yet,
 * scores given, and uploads the check rejected, with why. Reads the entries' status and times
 * (a scan: a few hundred entries) and the scores' entry and juror: no personal data.
 */
final class PrizeActivity {

    /** Short Dutch names of the check's reasons, for a line in an admin's digest. */
    private static final Map<Rejection, String> REASONS = new EnumMap<>(Map.of(
            Rejection.EMPTY, "leeg bestand",
            Rejection.NOT_A_VIDEO, "geen video",
            Rejection.IMAGE, "een foto",
            Rejection.TRUNCATED, "onvolledig",
            Rejection.NO_DURATION, "duur onbekend",
            Rejection.TOO_LONG, "te lang",
            Rejection.TOO_LARGE, "te groot"));

    private final DynamoDbClient dynamo;
    private final String table;

    PrizeActivity(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    Activity read(Period period, Instant now, Map<String, Long> previous) {
        Map<String, Set<String>> jurorsOf = new HashMap<>();
        Set<String> jurors = new HashSet<>();
        long scored = 0;
        for (Map<String, AttributeValue> score : scores()) {
            jurorsOf.computeIfAbsent(Items.string(score, "entryId"), id -> new HashSet<>()).add(Items.string(score, "jurorId"));
            jurors.add(Items.string(score, "jurorId"));
            scored += period.contains(Items.time(score, "scoredAt")) ? 1 : 0;
        }
        long created = 0;
        long beforeTheJury = 0;
        long awaitingScores = 0;
        long due = 0;
        Map<Rejection, Long> rejected = new EnumMap<>(Rejection.class);
        long weekAhead = now.plus(Duration.ofDays(7)).getEpochSecond();
        for (Map<String, AttributeValue> entry : entries()) {
            EntryStatus status = EntryStatus.of(Items.string(entry, "status"));
            created += period.contains(Items.time(entry, "createdAt")) ? 1 : 0;
            if (EntryStatus.BEFORE_THE_JURY.contains(status)) {
                beforeTheJury++;
                int scoredBy = jurorsOf.getOrDefault(Items.string(entry, "id"), Set.of()).size();
                awaitingScores += scoredBy == 0 || scoredBy < jurors.size() ? 1 : 0;
            }
            if (status == EntryStatus.REJECTED && period.contains(Items.time(entry, "checkedAt"))) {
                rejected.merge(Rejection.valueOf(Items.string(entry, "rejection")), 1L, Long::sum);
            }
            long expiresAt = Items.longValue(entry, "expiresAt");
            due += expiresAt >= now.getEpochSecond() && expiresAt < weekAhead ? 1 : 0;
        }
        long rejections = rejected.values().stream().mapToLong(Long::longValue).sum();
        List<String> details = new ArrayList<>();
        rejected.forEach((why, count) -> details.add("Afgewezen upload: " + REASONS.get(why) + " (" + count + ")"));
        Figures figures = new Figures(previous)
                .add("prizes.entries", "Nieuwe inzendingen", created)
                .add("prizes.before-jury", "Inzendingen bij de jury", beforeTheJury)
                .add("prizes.awaiting-scores", "Nog niet door elk jurylid gescoord", awaitingScores)
                .add("prizes.scores", "Scores gegeven", scored)
                .add("prizes.rejected", "Afgewezen uploads", rejections);
        return new Activity(new Section("Vrijwilligersprijzen", figures.list(), details), created + scored + rejections > 0, due);
    }

    private List<Map<String, AttributeValue>> entries() {
        return dynamo.scanPaginator(r -> r.tableName(table).filterExpression("sk = :entry")
                        .expressionAttributeValues(Map.of(":entry", s("ENTRY")))
                        .projectionExpression("id, #status, createdAt, checkedAt, rejection, expiresAt")
                        .expressionAttributeNames(Map.of("#status", "status")))
                .items().stream().toList();
    }

    private List<Map<String, AttributeValue>> scores() {
        return dynamo.queryPaginator(r -> r.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :scores")
                        .expressionAttributeValues(Map.of(":scores", s("SCORES")))
                        .projectionExpression("entryId, jurorId, scoredAt"))
                .items().stream().toList();
    }
}
