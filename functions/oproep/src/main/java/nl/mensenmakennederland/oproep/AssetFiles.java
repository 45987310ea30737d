package nl.mensenmakennederland.oproep;

import java.util.Optional;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What the assets bucket holds under a key: an admin's upload before a variant names it, a poster. */
public final class AssetFiles {

    private static final class S3 {
        static final S3Client CLIENT = AwsClients.configure(S3Client.builder())
                .forcePathStyle(Env.system().optional("AWS_ENDPOINT_URL", null) != null).build();
    }

    private final S3Client s3;
    private final String bucket;

    public AssetFiles(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public static AssetFiles fromEnvironment() {
        return new AssetFiles(S3.CLIENT, Env.system().required("ASSETS_BUCKET"));
    }

    public void put(String key, byte[] content, String contentType) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    /**
     * The object's size, if it is there. S3 answers 404 for a missing key, or 403 when the caller
     * may not list the bucket (our functions may not): both mean the upload is not there.
     */
    public Optional<Long> size(String key) {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(bucket).key(key)).contentLength());
        } catch (S3Exception missing) {
            if (missing.statusCode() == 404 || missing.statusCode() == 403) {
                return Optional.empty();
            }
            throw missing;
        }
    }
}
