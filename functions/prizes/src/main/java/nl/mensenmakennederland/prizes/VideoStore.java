package nl.mensenmakennederland.prizes;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The uploads bucket as the prize functions use it: ranged reads of a video, its retention tag,
 * deleting one, ending an upload in parts.
 */
public final class VideoStore {

    /** The object is not (or no longer) in the bucket. */
    @SuppressWarnings("serial") // thrown and caught within one check
    public static final class NoSuchObject extends RuntimeException {
        NoSuchObject() {
            super("no such object", null, false, false);
        }
    }

    private final S3Client s3;
    private final String bucket;

    public VideoStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /** The object at {@code key}, read only in ranges (ranged GETs), within {@code budget} bytes. */
    public RangedObject open(String key, int budget) {
        return new RangedObject(budget) {
            @Override
            protected Range fetch(long from, int length) {
                try {
                    ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)
                            .range("bytes=" + from + "-" + (from + length - 1)));
                    return new Range(got.asByteArray(), objectSize(got.response()));
                } catch (NoSuchKeyException gone) {
                    throw new NoSuchObject();
                } catch (S3Exception refused) {
                    if (refused.statusCode() == 416) { // nothing at that range: an empty object
                        return new Range(new byte[0], 0);
                    }
                    throw refused;
                }
            }
        };
    }

    /** Ends an upload in parts and drops the parts S3 holds; nothing happens when it has ended already. */
    public void abortUpload(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (NoSuchUploadException ended) {
            // completed, aborted or ended by the lifecycle: what aborting asks for
        }
    }

    /** Tags the video with how long the bucket's lifecycle keeps it. */
    public void keep(String key, VideoRetention retention) {
        s3.putObjectTagging(r -> r.bucket(bucket).key(key).tagging(t -> t.tagSet(
                Tag.builder().key(VideoRetention.TAG).value(retention.value()).build())));
    }

    /** Deletes the object; nothing happens when it is gone already. */
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    /** The whole size from {@code Content-Range: bytes 0-65535/1234567}, or the length of a whole answer. */
    private static long objectSize(GetObjectResponse response) {
        String range = response.contentRange();
        if (range != null && range.contains("/")) {
            return Long.parseLong(range.substring(range.indexOf('/') + 1).trim());
        }
        return response.contentLength();
    }
}
