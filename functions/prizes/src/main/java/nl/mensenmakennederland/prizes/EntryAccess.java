package nl.mensenmakennederland.prizes;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.ManageToken.Refusal;

/**
 * What the entrant does through the mailed link: see the entry (status, consent, what the check
 * found), or withdraw it: the video (or the parts uploaded so far) deleted, then the entry with its
 * scores, leaving only when it was withdrawn.
 */
public final class EntryAccess {

    /** What opening the link came to. */
    public sealed interface Viewed {}

    /** What withdrawing came to. */
    public sealed interface Withdrawal {}

    public record Opened(Entry entry) implements Viewed {}

    /** The token does not open this entry: forged, expired, or signed with a key no longer kept. */
    public record Refused(Refusal why) implements Viewed, Withdrawal {}

    /** No such entry: never issued, or removed after its retention. */
    public record NoSuchEntry() implements Viewed, Withdrawal {}

    /** Withdrawn at that moment (now, or before: withdrawing twice is answered the same). */
    public record Withdrawn(Instant at) implements Viewed, Withdrawal {}

    private final EntryStore entries;
    private final VideoStore videos;
    private final EntryLinks links;
    private final Retention retention;
    private final Clock clock;

    public EntryAccess(EntryStore entries, VideoStore videos, EntryLinks links, Retention retention, Clock clock) {
        this.entries = entries;
        this.videos = videos;
        this.links = links;
        this.retention = retention;
        this.clock = clock;
    }

    public Viewed view(String entryId, String token) {
        Optional<Refusal> refusal = links.refusal(entryId, token, clock.instant());
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        Optional<Entry> entry = entries.find(entryId);
        if (entry.isPresent()) {
            return new Opened(entry.get());
        }
        return entries.withdrawnAt(entryId).<Viewed>map(Withdrawn::new).orElseGet(NoSuchEntry::new);
    }

    public Withdrawal withdraw(String entryId, String token) {
        Optional<Refusal> refusal = links.refusal(entryId, token, clock.instant());
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        if (entries.find(entryId).isEmpty()) {
            return entries.withdrawnAt(entryId).<Withdrawal>map(Withdrawn::new).orElseGet(NoSuchEntry::new);
        }
        // The video first (and the parts of an upload still open: S3 would keep them until the
        // lifecycle ends it); should the entry's delete fail, a retry finds the entry and deletes all.
        entries.upload(entryId).ifPresent(open -> videos.abortUpload(Uploads.objectKey(entryId), open.uploadId()));
        videos.delete(Uploads.objectKey(entryId));
        Instant now = clock.instant();
        if (!entries.withdraw(entryId, now, retention.entryExpiresAt())) {
            return entries.withdrawnAt(entryId).<Withdrawal>map(Withdrawn::new).orElseGet(NoSuchEntry::new);
        }
        Log.info("entry.withdrawn", "entryId", entryId);
        return new Withdrawn(now);
    }
}
