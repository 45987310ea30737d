package nl.mensenmakennederland.prizes;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.PostPolicySigner;
import nl.mensenmakennederland.shared.UtcTime;

/**
 * Where a vlog goes and how it gets there: the object key is ours ({@code entries/<entry id>/video},
 * never from the file's name), and the browser posts the file straight to S3 with a presigned
 * POST whose policy fixes the bucket, the key and the retention tag ({@link VideoRetention}), asks
 * a {@code video/} type and caps the size.
 */
public final class Uploads {

    /** What the website posts to: the form's fields first, then the file. */
    public record Upload(String url, Map<String, String> fields, String expiresAt, long maxBytes) {}

    private static final Pattern KEY = Pattern.compile("entries/([A-Za-z0-9_-]{22})/video");
    static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024 * 1024;
    static final long DEFAULT_RESUMABLE_FROM_BYTES = 64L * 1024 * 1024;

    private final PostPolicySigner signer;
    private final String bucket;
    private final String bucketUrl;
    private final long maxBytes;
    private final long resumableFromBytes;
    private final Duration valid;

    public Uploads(PostPolicySigner signer, String bucket, String bucketUrl, long maxBytes, long resumableFromBytes,
                   Duration valid) {
        this.signer = signer;
        this.bucket = bucket;
        this.bucketUrl = bucketUrl;
        this.maxBytes = maxBytes;
        this.resumableFromBytes = resumableFromBytes;
        this.valid = valid;
    }

    /** Whether a file this large should go up in parts ({@link ResumableUpload}): on a weak line one POST would rarely finish. */
    public boolean resumable(long bytes) {
        return bytes >= resumableFromBytes;
    }

    /**
     * The bucket's URL as a browser reaches it: S3's virtual-hosted address, or the emulator's
     * path-style one when {@code AWS_ENDPOINT_URL} points at it.
     */
    public static String bucketUrl(Env env, String bucket) {
        String endpoint = env.optional("AWS_ENDPOINT_URL", null);
        String region = env.required("AWS_REGION");
        return endpoint != null ? endpoint.replaceFirst("/+$", "") + "/" + bucket
                : "https://" + bucket + ".s3." + region + ".amazonaws.com/";
    }

    public String bucket() {
        return bucket;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public static String objectKey(String entryId) {
        return "entries/" + entryId + "/video";
    }

    /** The entry an object belongs to, when its key is one we hand out. */
    public static Optional<String> entryIdOf(String key) {
        Matcher matcher = KEY.matcher(key);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** A presigned POST of the entry's video: any {@code video/} type, 1 byte up to the maximum, tagged, for a few minutes. */
    public Upload forEntry(Entry entry) {
        PostPolicySigner.Upload signed = signer.signTypePrefix(bucketUrl, bucket, objectKey(entry.id()), entry.contentType(),
                "video/", maxBytes, valid, Map.of("tagging", VideoRetention.ENTRY.taggingXml()));
        return new Upload(signed.url(), signed.fields(), UtcTime.format(signed.expiresAt()), maxBytes);
    }
}
