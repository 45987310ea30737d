package nl.mensenmakennederland.prizes;

import java.time.Clock;
import java.time.Instant;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.Log;

/**
 * Entering a vlog: inside the submission window, stores the entry (awaiting its video) with the
 * consent given, and hands out the presigned POST the browser uploads the file with. The video
 * never passes through a function; S3's notification starts the check ({@link UploadCheck}).
 */
public final class Entering {

    /**
     * The answer to an entry, as the website receives it. {@code resumable}: the file is large
     * enough to go up in parts instead ({@code POST /prizes/entries/{id}/multipart}).
     */
    public record Entered(String entryId, String status, String manageUrl, Uploads.Upload upload, boolean resumable) {}

    /** What entering came to. */
    public sealed interface Outcome {}

    public record Created(Entered answer) implements Outcome {}

    /** Entries are not taken yet. */
    public record NotOpenYet(Instant opensAt) implements Outcome {}

    /** The submission window has closed. */
    public record Closed(Instant closedAt) implements Outcome {}

    private final EntryStore entries;
    private final EntryLinks links;
    private final Uploads uploads;
    private final Retention retention;
    private final Clock clock;

    public Entering(EntryStore entries, EntryLinks links, Uploads uploads, Retention retention, Clock clock) {
        this.entries = entries;
        this.links = links;
        this.uploads = uploads;
        this.retention = retention;
        this.clock = clock;
    }

    public Outcome enter(EntryForm form) {
        Instant now = clock.instant();
        SubmissionWindow window = retention.window();
        if (now.isBefore(window.opensAt())) {
            return new NotOpenYet(window.opensAt());
        }
        if (!window.isOpen(now)) {
            return new Closed(window.closesAt());
        }
        Entry entry = Entry.awaitingUpload(Ids.random(), form, now);
        Instant expiresAt = retention.entryExpiresAt();
        String manageUrl = links.url(entry.id(), expiresAt);
        Uploads.Upload upload = uploads.forEntry(entry);
        entries.create(entry, expiresAt);
        Log.info("entry.created", "entryId", entry.id(), "declaredBytes", entry.declaredBytes());
        return new Created(new Entered(entry.id(), entry.status().code(), manageUrl, upload,
                uploads.resumable(entry.declaredBytes())));
    }
}
