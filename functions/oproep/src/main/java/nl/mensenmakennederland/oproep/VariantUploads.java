package nl.mensenmakennederland.oproep;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.LambdaCredentials;
import nl.mensenmakennederland.shared.PostPolicySigner;

/**
 * Presigned POST uploads of a variant's new file version or preview into the assets bucket. The
 * server chooses the key (a fresh one under the variant's prefix, so a version never overwrites
 * the file people are downloading), and S3 enforces the content type and the size.
 */
public final class VariantUploads {

    /** What an admin may upload. */
    public enum Part {
        FILE("variants/", 50L * 1024 * 1024, Map.of("pdf", "application/pdf", "png", "image/png", "jpg", "image/jpeg",
                "zip", "application/zip")),
        PREVIEW("previews/", 2L * 1024 * 1024, Map.of("png", "image/png", "jpg", "image/jpeg"));

        private final String prefix;
        private final long maxBytes;
        private final Map<String, String> types;

        Part(String prefix, long maxBytes, Map<String, String> types) {
            this.prefix = prefix;
            this.maxBytes = maxBytes;
            this.types = types;
        }

        public long maxBytes() {
            return maxBytes;
        }

        public boolean allows(String fileType) {
            return fileType != null && types.containsKey(fileType.toLowerCase(Locale.ROOT));
        }

        /** Where this part of a variant is stored: keys are only ever made here. */
        public String prefixOf(String variantId) {
            return prefix + variantId + "/";
        }

        String contentType(String fileType) {
            return types.get(fileType.toLowerCase(Locale.ROOT));
        }
    }

    /** The form to post, and the key the file will have (to name in the variant once it is uploaded). */
    public record Upload(PostPolicySigner.Upload form, String objectKey, long maxBytes) {}

    static final Duration VALID = Duration.ofMinutes(15);

    private final PostPolicySigner signer;
    private final String bucket;
    private final String url;

    public VariantUploads(PostPolicySigner signer, String bucket, String url) {
        this.signer = signer;
        this.bucket = bucket;
        this.url = url;
    }

    /** As the function runs: its credentials and region; path-style under a local emulator. */
    public static VariantUploads fromEnvironment() {
        Env env = Env.system();
        String region = env.required("AWS_REGION");
        String bucket = env.required("ASSETS_BUCKET");
        String endpoint = env.optional("AWS_ENDPOINT_URL", null);
        String url = endpoint != null ? URI.create(endpoint).resolve("/" + bucket).toString()
                : "https://" + bucket + ".s3." + region + ".amazonaws.com/";
        return new VariantUploads(new PostPolicySigner(LambdaCredentials.fromEnvironment(), region, Clock.systemUTC()), bucket, url);
    }

    /** A new, not yet used key for the part, and the form that uploads exactly that. */
    public Upload start(String variantId, Part part, String fileType) {
        String key = part.prefixOf(variantId) + Ids.random() + "." + fileType.toLowerCase(Locale.ROOT);
        return new Upload(signer.sign(url, bucket, key, part.contentType(fileType), part.maxBytes(), VALID), key, part.maxBytes());
    }
}
