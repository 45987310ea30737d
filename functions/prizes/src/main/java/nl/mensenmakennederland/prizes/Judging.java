package nl.mensenmakennederland.prizes;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.http.Caller;

/**
 * The jury's work and the admins' decisions: jurors list the entries before the jury, watch a
 * vlog through a link that works for minutes, and score it; a juror sees the others' scores of
 * an entry only once their own is in, so nobody scores in someone else's wake. Admins (who do not
 * score) see every score, the ranking, and set an entry's status with a note.
 */
public final class Judging {

    /** How long a juror's link to a vlog works: long enough to start watching, too short to pass on. */
    public static final Duration WATCHING = Duration.ofMinutes(10);

    /** An entry as the jury sees it: its own score, the others' when they may see them, a link to watch. */
    public record JuryView(Entry entry, Optional<Score> own, Optional<List<Score>> others, String watchUrl) {}

    /** What scoring came to. */
    public sealed interface Scoring {}

    public record Scored(JuryView view) implements Scoring {}

    /** No entry before the jury by that id: never there, not a video, or withdrawn. */
    public record NotBeforeTheJury() implements Scoring, Decision {}

    /** What deciding came to. */
    public sealed interface Decision {}

    public record Decided(Entry entry) implements Decision {}

    private final EntryStore entries;
    private final ScoreStore scores;
    private final PresignedUrls urls;
    private final VideoStore videos;
    private final Retention retention;
    private final Clock clock;

    public Judging(EntryStore entries, ScoreStore scores, PresignedUrls urls, VideoStore videos, Retention retention, Clock clock) {
        this.entries = entries;
        this.scores = scores;
        this.urls = urls;
        this.videos = videos;
        this.retention = retention;
        this.clock = clock;
    }

    /** The entries before the jury, oldest first, optionally of one status and one municipality. */
    public List<Entry> entries(Optional<EntryStatus> status, Optional<String> municipality) {
        return entries.beforeTheJury().stream()
                .filter(entry -> status.isEmpty() || entry.status() == status.get())
                .filter(entry -> municipality.isEmpty() || entry.municipality().equalsIgnoreCase(municipality.get()))
                .toList();
    }

    /** The ids of the entries {@code caller} has scored. */
    public List<String> scoredBy(Caller caller) {
        return scores.all().stream().filter(score -> score.jurorId().equals(caller.subject())).map(Score::entryId).toList();
    }

    public Optional<JuryView> view(Caller caller, String entryId) {
        return entries.find(entryId).filter(Entry::beforeTheJury).map(entry -> viewOf(caller, entry, scores.of(entryId)));
    }

    public Scoring score(Caller juror, String entryId, ScoreForm form) {
        Optional<Entry> entry = entries.find(entryId).filter(Entry::beforeTheJury);
        if (entry.isEmpty()) {
            return new NotBeforeTheJury();
        }
        Score score = new Score(entryId, juror.subject(), juror.name(), form.marks(), form.comment(), clock.instant());
        if (!scores.save(score, retention.entryExpiresAt())) {
            return new NotBeforeTheJury();
        }
        Log.info("jury.scored", "entryId", entryId);
        return new Scored(viewOf(juror, entry.get(), scores.of(entryId)));
    }

    /** Every entry before the jury with its scores, best first. */
    public List<RankedEntry> ranking() {
        Map<String, List<Score>> byEntry = scores.all().stream().collect(Collectors.groupingBy(Score::entryId));
        return entries.beforeTheJury().stream()
                .map(entry -> RankedEntry.of(entry, byEntry.getOrDefault(entry.id(), List.of()).stream()
                        .sorted(Comparator.comparing(Score::scoredAt)).toList()))
                .sorted(RankedEntry.BEST_FIRST)
                .toList();
    }

    /** Sets an entry's status ({@link EntryStatus#DECISIONS}) with a note; a winner's entry and vlog are kept longer. */
    public Decision decide(Caller admin, String entryId, EntryStatus status, String note) {
        Optional<Entry> entry = entries.find(entryId).filter(Entry::beforeTheJury);
        if (entry.isEmpty()) {
            return new NotBeforeTheJury();
        }
        Entry decided = entry.get().decided(status, new Entry.JuryDecision(note, clock.instant(), admin.name()));
        // The video's tag first: a decision retried after a failed write tags it again, and a tag
        // without its decision (the entry withdrawn meanwhile) keeps nothing, the video being gone.
        videos.keep(Uploads.objectKey(entryId), VideoRetention.of(status));
        if (!entries.decide(decided, retention.expiresAt(status))) {
            return new NotBeforeTheJury();
        }
        Log.info("jury.decided", "entryId", entryId, "status", status.code());
        return new Decided(decided);
    }

    private JuryView viewOf(Caller caller, Entry entry, List<Score> all) {
        Optional<Score> own = all.stream().filter(score -> score.jurorId().equals(caller.subject())).findFirst();
        boolean mayCompare = own.isPresent() || !caller.in(Caller.JURY);
        Optional<List<Score>> others = mayCompare
                ? Optional.of(all.stream().filter(score -> !score.jurorId().equals(caller.subject()))
                        .sorted(Comparator.comparing(Score::scoredAt)).toList())
                : Optional.empty();
        return new JuryView(entry, own, others, urls.watch(Uploads.objectKey(entry.id()), WATCHING));
    }
}
