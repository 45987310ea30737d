package nl.mensenmakennederland.prizes;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import nl.mensenmakennederland.shared.Log;

/**
 * What happens after S3 stored an upload: the object's own bytes decide ({@link VideoSniffer},
 * a few ranged reads within {@link RangedObject#BUDGET}). A video we take makes the entry
 * {@code submitted}, anything else {@code rejected} (the object deleted): each with its mail,
 * written with the verdict in one transaction while the entry still waits for its video, so the
 * same notification twice changes and mails nothing. An object no entry waits for is deleted.
 */
public final class UploadCheck {

    /** What checking one uploaded object came to. */
    public sealed interface Outcome {}

    /** {@code bytesRead}, {@code reads}: what the check read of the object. */
    public record Submitted(String entryId, VideoFacts facts, long bytesRead, int reads) implements Outcome {}

    public record Rejected(String entryId, Rejection why, long bytesRead, int reads) implements Outcome {}

    /** The entry was checked before (a repeated notification): nothing written, nothing mailed. */
    public record AlreadyChecked(String entryId, EntryStatus status) implements Outcome {}

    /** No entry waits for this object (unknown key, or the entry was withdrawn): deleted. */
    public record Orphan() implements Outcome {}

    /** The object is no longer there (withdrawn meanwhile): nothing to check. */
    public record Gone(String entryId) implements Outcome {}

    private final EntryStore entries;
    private final VideoStore videos;
    private final VideoSniffer sniffer;
    private final EntryLinks links;
    private final PrizeMails mails;
    private final Retention retention;
    private final Clock clock;

    public UploadCheck(EntryStore entries, VideoStore videos, VideoSniffer sniffer, EntryLinks links, PrizeMails mails,
                       Retention retention, Clock clock) {
        this.entries = entries;
        this.videos = videos;
        this.sniffer = sniffer;
        this.links = links;
        this.mails = mails;
        this.retention = retention;
        this.clock = clock;
    }

    public Outcome check(String key) {
        Optional<String> entryId = Uploads.entryIdOf(key);
        Optional<Entry> found = entryId.flatMap(entries::find);
        if (found.isEmpty()) {
            videos.delete(key);
            Log.warn("upload.orphan-deleted", "entryId", entryId.orElse(null));
            return new Orphan();
        }
        Entry entry = found.get();
        if (entry.status() != EntryStatus.AWAITING_UPLOAD) {
            if (entry.status() == EntryStatus.REJECTED) {
                videos.delete(key); // a rejected entry keeps no file, also one sent again with the same form
            }
            return new AlreadyChecked(entry.id(), entry.status());
        }
        RangedObject object = videos.open(key, RangedObject.BUDGET);
        VideoSniffer.Verdict verdict;
        try {
            verdict = sniffer.check(object);
        } catch (VideoStore.NoSuchObject gone) {
            return new Gone(entry.id());
        }
        Instant now = clock.instant();
        Instant expiresAt = retention.entryExpiresAt();
        String manageUrl = links.url(entry.id(), expiresAt);
        Log.info("upload.checked", "entryId", entry.id(), "bytes", object.size(), "bytesRead", object.bytesRead(),
                "reads", object.reads());
        switch (verdict) {
            case VideoSniffer.Video video -> {
                Entry submitted = entry.submitted(video.facts(), now);
                if (!entries.settle(submitted, mails.compose(PrizeMails.Kind.SUBMITTED, submitted, manageUrl, now), expiresAt)) {
                    return alreadyChecked(entry.id());
                }
                return new Submitted(entry.id(), video.facts(), object.bytesRead(), object.reads());
            }
            case VideoSniffer.NotTaken refused -> {
                Entry rejected = entry.rejected(refused.why(), now);
                if (!entries.settle(rejected, mails.compose(PrizeMails.Kind.REJECTED, rejected, manageUrl, now), expiresAt)) {
                    return alreadyChecked(entry.id());
                }
                videos.delete(key);
                return new Rejected(entry.id(), refused.why(), object.bytesRead(), object.reads());
            }
        }
    }

    private Outcome alreadyChecked(String entryId) {
        return entries.find(entryId).<Outcome>map(e -> new AlreadyChecked(entryId, e.status())).orElseGet(Orphan::new);
    }
}
