package nl.mensenmakennederland.prizes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.UtcTime;
import nl.mensenmakennederland.shared.http.Problem;

/**
 * The jury's and the admins' view of entries. Jurors see the vlog and what it is about, never
 * the entrant's name or address (they do not need them to judge); admins see those too.
 */
final class JuryAnswers {

    static final String OTHERS_HIDDEN = "Je ziet de scores van de andere juryleden zodra je deze inzending zelf hebt gescoord.";

    private JuryAnswers() {}

    /** An entry as a juror sees it in the list and above its video. */
    static Map<String, Object> entry(Entry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("entryId", entry.id());
        view.put("status", entry.status().code());
        view.put("title", entry.title());
        view.put("initiative", entry.initiative());
        if (entry.organisation() != null) {
            view.put("organisation", entry.organisation());
        }
        view.put("municipality", entry.municipality());
        view.put("description", entry.description());
        if (entry.video() != null) {
            view.put("video", Map.of("durationSeconds", entry.video().durationMillis() / 1000.0,
                    "width", entry.video().width(), "height", entry.video().height()));
        }
        view.put("createdAt", UtcTime.format(entry.createdAt()));
        return view;
    }

    static Map<String, Object> view(Judging.JuryView jury) {
        Map<String, Object> view = entry(jury.entry());
        view.put("watchUrl", jury.watchUrl());
        view.put("watchMinutes", Judging.WATCHING.toMinutes());
        view.put("criteria", criteria());
        jury.own().ifPresent(own -> view.put("yourScore", score(own)));
        if (jury.others().isPresent()) {
            view.put("otherScores", jury.others().get().stream().map(JuryAnswers::score).toList());
        } else {
            view.put("otherScoresHidden", OTHERS_HIDDEN);
        }
        return view;
    }

    /** The criteria as the scoring form shows them. */
    static List<Map<String, Object>> criteria() {
        return Arrays.stream(Criterion.values()).map(criterion -> Map.<String, Object>of("code", criterion.code(),
                "label", criterion.label(), "lowest", Criterion.LOWEST, "highest", Criterion.HIGHEST)).toList();
    }

    static Map<String, Object> score(Score score) {
        Map<String, Object> marks = new LinkedHashMap<>();
        score.marks().forEach((criterion, mark) -> marks.put(criterion.code(), mark));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("juror", score.jurorName());
        view.put("marks", marks);
        view.put("mean", round(score.mean()));
        view.put("comment", score.comment());
        view.put("scoredAt", UtcTime.format(score.scoredAt()));
        return view;
    }

    /** A line of the admins' ranking: the entry (with who entered it), the figures, its scores. */
    static Map<String, Object> ranked(int rank, RankedEntry ranked) {
        Entry entry = ranked.entry();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("rank", rank);
        view.putAll(entry(entry));
        view.put("contactName", entry.contactName());
        view.put("email", entry.email());
        view.put("mean", round(ranked.mean()));
        view.put("spread", round(ranked.spread()));
        view.put("count", ranked.count());
        Map<String, Object> perCriterion = new LinkedHashMap<>();
        ranked.criterionMeans().forEach((criterion, mean) -> perCriterion.put(criterion.code(), round(mean)));
        view.put("criterionMeans", perCriterion);
        Optional.ofNullable(entry.decision()).ifPresent(decision -> view.put("decision", decisionOf(decision)));
        Optional.ofNullable(entry.mailProblem()).ifPresent(problem -> view.put("mailProblem", Map.of("kind", problem.kind().code(),
                "at", UtcTime.format(problem.at()), "text", problem.kind().label())));
        view.put("scores", ranked.scores().stream().map(JuryAnswers::score).toList());
        return view;
    }

    static Map<String, Object> decisionOf(Entry.JuryDecision decision) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("note", decision.note() == null ? "" : decision.note());
        view.put("decidedAt", UtcTime.format(decision.at()));
        view.put("decidedBy", decision.by());
        return view;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static Problem notBeforeTheJury() {
        return Problem.notFound("Deze inzending ligt niet (meer) bij de jury: ze bestaat niet, is afgewezen of is ingetrokken.");
    }
}
