package nl.mensenmakennederland.oproep;

import java.net.URI;
import java.time.Duration;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.LambdaCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Short-lived presigned GETs of the variants' files in the private assets bucket. Signing is
 * local (no call to S3), so a link costs no request; S3 checks it when the browser follows it.
 */
public final class DownloadLinks {

    /** Long enough to follow a redirect on a slow phone; too short to pass the link around. */
    static final Duration DOWNLOAD_VALID = Duration.ofMinutes(5);
    /** Previews appear in the listing, which browsers and the site cache for minutes. */
    static final Duration PREVIEW_VALID = Duration.ofHours(1);

    private final S3Presigner presigner;
    private final String bucket;

    public DownloadLinks(S3Presigner presigner, String bucket) {
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** The presigner as the function runs it: its region and credentials, path-style under a local emulator. */
    public static DownloadLinks fromEnvironment() {
        Env env = Env.system();
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(env.required("AWS_REGION")))
                .credentialsProvider(LambdaCredentials.fromEnvironment());
        String endpoint = env.optional("AWS_ENDPOINT_URL", null);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint))
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return new DownloadLinks(builder.build(), env.required("ASSETS_BUCKET"));
    }

    /** The variant's file, saved under its own name rather than shown in the browser. */
    public URI download(Variant variant) {
        return attachment(variant.objectKey(), variant.fileName(), variant.contentType(), DOWNLOAD_VALID);
    }

    /** Any file of the bucket, saved as {@code fileName} (ASCII), for {@code valid}. */
    public URI attachment(String key, String fileName, String contentType, Duration valid) {
        return URI.create(presigner.presignGetObject(r -> r.signatureDuration(valid)
                .getObjectRequest(o -> o.bucket(bucket).key(key)
                        .responseContentDisposition("attachment; filename=\"" + fileName + "\"")
                        .responseContentType(contentType)))
                .url().toString());
    }

    public URI preview(Variant variant) {
        return URI.create(presigner.presignGetObject(r -> r.signatureDuration(PREVIEW_VALID)
                .getObjectRequest(o -> o.bucket(bucket).key(variant.previewKey()))).url().toString());
    }
}
