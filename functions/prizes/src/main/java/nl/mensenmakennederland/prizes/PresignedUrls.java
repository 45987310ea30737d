package nl.mensenmakennederland.prizes;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import nl.mensenmakennederland.shared.UtcTime;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Presigned URLs into the uploads bucket, signed in the query string by the SDK's own SigV4
 * signer, as the SDK's S3 presigner would sign them (PresignedUrlsTest compares the two) without
 * the presigner's classes in the package:
 * <ul>
 * <li>the parts of a resumable upload: an S3 UploadPart ({@code PUT} of one part number of one
 * upload id); the part number and the upload id are signed, so a URL uploads that part only,
 * until it expires;
 * <li>a juror watching a vlog: a {@code GET} of the video that works for a few minutes.
 * </ul>
 */
public final class PresignedUrls {

    /** One part's URL, and when it stops working. */
    public record PartUrl(int partNumber, String url, String expiresAt) {}

    private final AwsCredentialsProvider credentials;
    private final String region;
    private final String bucketUrl;
    private final Clock clock;
    private final Duration partsValid;

    /** {@code bucketUrl}: the bucket's address, virtual-hosted or path-style ({@link Uploads#bucketUrl}). */
    public PresignedUrls(AwsCredentialsProvider credentials, String region, String bucketUrl, Clock clock, Duration partsValid) {
        this.credentials = credentials;
        this.region = region;
        this.bucketUrl = bucketUrl.endsWith("/") ? bucketUrl : bucketUrl + "/";
        this.clock = clock;
        this.partsValid = partsValid;
    }

    public PartUrl part(String key, String uploadId, int partNumber) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.PUT)
                .uri(URI.create(bucketUrl + key))
                .putRawQueryParameter("partNumber", Integer.toString(partNumber))
                .putRawQueryParameter("uploadId", uploadId)
                .build();
        return new PartUrl(partNumber, sign(request, partsValid), UtcTime.format(clock.instant().plus(partsValid)));
    }

    /** A URL that plays (downloads) the object for {@code valid}. */
    public String watch(String key, Duration valid) {
        return sign(SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).uri(URI.create(bucketUrl + key)).build(), valid);
    }

    private String sign(SdkHttpFullRequest request, Duration valid) {
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, valid)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        return signed.request().getUri().toString();
    }
}
