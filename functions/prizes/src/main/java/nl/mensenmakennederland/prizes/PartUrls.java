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
 * Presigned URLs for the parts of a resumable upload: an S3 UploadPart ({@code PUT} of one part
 * number of one upload id), signed in the query string by the SDK's own SigV4 signer, as the
 * SDK's S3 presigner would sign it (PartUrlsTest compares the two) without the presigner's classes
 * in the package. The part number and the upload id are signed: a URL uploads that part only,
 * until it expires.
 */
public final class PartUrls {

    /** One part's URL, and when it stops working. */
    public record PartUrl(int partNumber, String url, String expiresAt) {}

    private final AwsCredentialsProvider credentials;
    private final String region;
    private final String bucketUrl;
    private final Clock clock;
    private final Duration valid;

    /** {@code bucketUrl}: the bucket's address, virtual-hosted or path-style ({@link Uploads#bucketUrl}). */
    public PartUrls(AwsCredentialsProvider credentials, String region, String bucketUrl, Clock clock, Duration valid) {
        this.credentials = credentials;
        this.region = region;
        this.bucketUrl = bucketUrl.endsWith("/") ? bucketUrl : bucketUrl + "/";
        this.clock = clock;
        this.valid = valid;
    }

    public PartUrl sign(String key, String uploadId, int partNumber) {
        URI object = URI.create(bucketUrl + key);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.PUT)
                .uri(object)
                .putRawQueryParameter("partNumber", Integer.toString(partNumber))
                .putRawQueryParameter("uploadId", uploadId)
                .build();
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
        return new PartUrl(partNumber, signed.request().getUri().toString(), UtcTime.format(clock.instant().plus(valid)));
    }
}
