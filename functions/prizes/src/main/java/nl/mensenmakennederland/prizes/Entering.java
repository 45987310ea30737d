package nl.mensenmakennederland.prizes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.mensenmakennederland.shared.IdempotencyKeys;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Log;

/**
 * Entering a vlog: inside the submission window, stores the entry (awaiting its video) with the
 * consent given, and hands out the presigned POST the browser uploads the file with. The video
 * never passes through a function; S3's notification starts the check ({@link UploadCheck}).
 * A form sent again with the same Idempotency-Key (a phone retrying on a weak line) gets the
 * same entry back, with a freshly signed upload while it still waits for its video.
 */
public final class Entering {

    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    private static final String KEY_SCOPE = "entries";

    /**
     * The answer to an entry, as the website receives it. {@code resumable}: the file is large
     * enough to go up in parts instead ({@code POST /prizes/entries/{id}/multipart}).
     */
    public record Entered(String entryId, String status, String manageUrl, Uploads.Upload upload, boolean resumable) {}

    /** What entering came to. */
    public sealed interface Outcome {}

    public record Created(Entered answer) implements Outcome {}

    /** The same form with the same Idempotency-Key was answered before: the same entry. */
    public record EnteredBefore(Entered answer) implements Outcome {}

    /** The Idempotency-Key was used before for a different form. */
    public record KeyReused() implements Outcome {}

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

    public Outcome enter(EntryForm form, Optional<String> idempotencyKey) {
        Optional<IdempotencyKeys.Request> keyed = idempotencyKey.map(key ->
                IdempotencyKeys.request(KEY_SCOPE, key, Json.write(form)));
        if (keyed.isPresent()) {
            Optional<Outcome> earlier = earlierAnswer(keyed.get());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
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
        Entered answer = new Entered(entry.id(), entry.status().code(), links.url(entry.id(), expiresAt),
                uploads.forEntry(entry), uploads.resumable(entry.declaredBytes()));
        // Kept without the upload: a repeat gets one signed then, valid from then.
        Optional<IdempotencyKeys.Answer> keep = keyed.map(request -> new IdempotencyKeys.Answer(request,
                Json.write(new Entered(answer.entryId(), answer.status(), answer.manageUrl(), null, answer.resumable())),
                now, now.plus(IDEMPOTENCY_WINDOW)));
        if (!entries.create(entry, expiresAt, keep)) {
            // The same key answered meanwhile (the first try was slow, not lost): that answer.
            return earlierAnswer(keyed.orElseThrow()).orElseThrow();
        }
        Log.info("entry.created", "entryId", entry.id(), "declaredBytes", entry.declaredBytes());
        return new Created(answer);
    }

    /** The entry answered before to this request, or a refusal of its reused key; empty when the key is unused. */
    private Optional<Outcome> earlierAnswer(IdempotencyKeys.Request request) {
        return switch (entries.answers().recall(request, clock.instant())) {
            case IdempotencyKeys.Unused unused -> Optional.empty();
            case IdempotencyKeys.Reused reused -> Optional.of(new KeyReused());
            case IdempotencyKeys.Answered answered -> {
                Entered earlier;
                try {
                    earlier = Json.MAPPER.readValue(answered.body(), Entered.class);
                } catch (IOException e) {
                    throw new UncheckedIOException("Stored answer unreadable", e);
                }
                Optional<Entry> entry = entries.find(earlier.entryId());
                yield Optional.of(new EnteredBefore(new Entered(earlier.entryId(),
                        entry.map(e -> e.status().publicCode()).orElse("withdrawn"), earlier.manageUrl(),
                        entry.filter(e -> e.status() == EntryStatus.AWAITING_UPLOAD).map(uploads::forEntry).orElse(null),
                        earlier.resumable())));
            }
        };
    }
}
