package nl.mensenmakennederland.prizes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.ManageToken.Refusal;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;

/**
 * A large vlog uploaded in parts from a phone on a weak line: S3 multipart, each part put straight
 * to S3 through its own presigned URL ({@link PresignedUrls}). After a dropped connection the website
 * asks which parts S3 has and gets fresh URLs for the others; once all are in, completing makes
 * the object, and S3's notification starts the check as for a single upload. The bucket's
 * lifecycle aborts an upload left unfinished for a day.
 */
public final class ResumableUpload {

    /** Parts of this size (the last one smaller); S3 wants at least 5 MiB and at most 10,000 parts. */
    static final long PART_BYTES = 16L * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;

    /** A part S3 has: its number and size. */
    public record Part(int partNumber, long size) {}

    /** What a resumable-upload request came to. */
    public sealed interface Outcome {}

    /** An upload begun, or its state: the parts S3 has, and a fresh URL for each part still to send. */
    public record Progress(String uploadId, long partBytes, int parts, List<Part> uploaded, List<PresignedUrls.PartUrl> missing)
            implements Outcome {}

    /** All parts were in: the object exists, the check follows. */
    public record Completed(String entryId, long bytes) implements Outcome {}

    public record Aborted(String entryId) implements Outcome {}

    public record Refused(Refusal why) implements Outcome {}

    public record NoSuchEntry() implements Outcome {}

    /** The entry no longer waits for a video (it was checked). */
    public record NotAwaiting(EntryStatus status) implements Outcome {}

    /** No upload in parts was begun for the entry (or it was aborted, or the lifecycle ended it). */
    public record NotStarted() implements Outcome {}

    /** Completing before every part is in: these are missing. */
    public record Incomplete(List<Integer> missingParts) implements Outcome {}

    /** The parts add up to more than the maximum: the upload was aborted. */
    public record TooLarge(long maxBytes) implements Outcome {}

    private final EntryStore entries;
    private final EntryLinks links;
    private final S3Client s3;
    private final String bucket;
    /** Ends an upload the same way a withdrawal does. */
    private final VideoStore videos;
    private final PresignedUrls urls;
    private final long maxBytes;
    private final Retention retention;
    private final Clock clock;

    public ResumableUpload(EntryStore entries, EntryLinks links, S3Client s3, String bucket, PresignedUrls urls, long maxBytes,
                           Retention retention, Clock clock) {
        this.entries = entries;
        this.links = links;
        this.s3 = s3;
        this.bucket = bucket;
        this.videos = new VideoStore(s3, bucket);
        this.urls = urls;
        this.maxBytes = maxBytes;
        this.retention = retention;
        this.clock = clock;
    }

    /** Begins an upload in parts of the entry's video (again, if one was begun: the earlier one is left to the lifecycle). */
    public Outcome begin(String entryId, String token) {
        Optional<Outcome> refused = refusal(entryId, token);
        if (refused.isPresent()) {
            return refused.get();
        }
        Entry entry = entries.find(entryId).orElseThrow();
        long partBytes = Math.max(PART_BYTES, (entry.declaredBytes() + MAX_PARTS - 1) / MAX_PARTS);
        int parts = (int) Math.max(1, (entry.declaredBytes() + partBytes - 1) / partBytes);
        String key = Uploads.objectKey(entryId);
        String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(entry.contentType())
                .tagging(VideoRetention.ENTRY.taggingQuery())).uploadId();
        entries.beginUpload(entryId, new EntryStore.Multipart(uploadId, partBytes, parts), retention.entryExpiresAt());
        Log.info("upload.multipart-begun", "entryId", entryId, "parts", parts);
        return new Progress(uploadId, partBytes, parts, List.of(),
                IntStream.rangeClosed(1, parts).mapToObj(n -> urls.part(key, uploadId, n)).toList());
    }

    /** The parts S3 has, and fresh URLs for the rest: what the website resumes from. */
    public Outcome progress(String entryId, String token) {
        return switch (open(entryId, token)) {
            case Ended ended -> ended.outcome();
            case Open open -> new Progress(open.multipart().uploadId(), open.multipart().partBytes(), open.multipart().parts(),
                    open.parts(), open.missing().stream().map(n -> urls.part(open.key(), open.multipart().uploadId(), n)).toList());
        };
    }

    /** Makes the object of the parts S3 has, once every part is in and together they stay within the maximum. */
    public Outcome complete(String entryId, String token) {
        return switch (open(entryId, token)) {
            case Ended ended -> ended.outcome();
            case Open open -> complete(entryId, open);
        };
    }

    private Outcome complete(String entryId, Open open) {
        EntryStore.Multipart multipart = open.multipart();
        String key = open.key();
        if (!open.missing().isEmpty()) {
            return new Incomplete(open.missing());
        }
        long bytes = open.parts().stream().mapToLong(Part::size).sum();
        if (bytes > maxBytes) {
            videos.abortUpload(key, multipart.uploadId());
            entries.endUpload(entryId);
            return new TooLarge(maxBytes);
        }
        List<CompletedPart> completed = new ArrayList<>();
        open.pages().forEach(page -> page.parts().forEach(p ->
                completed.add(CompletedPart.builder().partNumber(p.partNumber()).eTag(p.eTag()).build())));
        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(multipart.uploadId())
                .multipartUpload(m -> m.parts(completed)));
        entries.endUpload(entryId);
        Log.info("upload.multipart-completed", "entryId", entryId, "bytes", bytes);
        return new Completed(entryId, bytes);
    }

    /** Gives up the upload in parts: S3 drops the parts it has. */
    public Outcome abort(String entryId, String token) {
        Optional<Outcome> refused = refusal(entryId, token);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<EntryStore.Multipart> upload = entries.upload(entryId);
        if (upload.isEmpty()) {
            return new NotStarted();
        }
        videos.abortUpload(Uploads.objectKey(entryId), upload.get().uploadId());
        entries.endUpload(entryId);
        return new Aborted(entryId);
    }

    /** What progress and completion work on: the entry's open upload in parts with S3's pages of its parts, or why not. */
    private sealed interface Lookup permits Ended, Open {}

    private record Ended(Outcome outcome) implements Lookup {}

    private record Open(EntryStore.Multipart multipart, String key, List<ListPartsResponse> pages) implements Lookup {

        List<Part> parts() {
            List<Part> parts = new ArrayList<>();
            pages.forEach(page -> page.parts().forEach(p -> parts.add(new Part(p.partNumber(), p.size()))));
            return parts;
        }

        List<Integer> missing() {
            List<Integer> have = parts().stream().map(Part::partNumber).toList();
            return IntStream.rangeClosed(1, multipart.parts()).filter(n -> !have.contains(n)).boxed().toList();
        }
    }

    /** The link checked, the entry's upload in parts found and S3's parts of it listed (once). */
    private Lookup open(String entryId, String token) {
        Optional<Outcome> refused = refusal(entryId, token);
        if (refused.isPresent()) {
            return new Ended(refused.get());
        }
        Optional<EntryStore.Multipart> upload = entries.upload(entryId);
        if (upload.isEmpty()) {
            return new Ended(new NotStarted());
        }
        String key = Uploads.objectKey(entryId);
        try {
            return new Open(upload.get(), key, listParts(key, upload.get().uploadId()));
        } catch (NoSuchUploadException ended) {
            return new Ended(new NotStarted());
        }
    }

    /** Why the request goes no further: a bad link, no such entry, or an entry no longer waiting for its video. */
    private Optional<Outcome> refusal(String entryId, String token) {
        Optional<Refusal> refusal = links.refusal(entryId, token, clock.instant());
        if (refusal.isPresent()) {
            return Optional.of(new Refused(refusal.get()));
        }
        Optional<Entry> entry = entries.find(entryId);
        if (entry.isEmpty()) {
            return Optional.of(new NoSuchEntry());
        }
        if (entry.get().status() != EntryStatus.AWAITING_UPLOAD) {
            return Optional.of(new NotAwaiting(entry.get().status()));
        }
        return Optional.empty();
    }

    /** Every page of ListParts (1,000 parts a page). */
    private List<ListPartsResponse> listParts(String key, String uploadId) {
        List<ListPartsResponse> pages = new ArrayList<>();
        Integer marker = null;
        do {
            Integer from = marker;
            ListPartsResponse page = s3.listParts(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumberMarker(from));
            pages.add(page);
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.nextPartNumberMarker() : null;
        } while (marker != null);
        return pages;
    }
}
