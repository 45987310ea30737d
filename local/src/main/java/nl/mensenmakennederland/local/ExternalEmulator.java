package nl.mensenmakennederland.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import nl.mensenmakennederland.testing.AwsEmulator;
import nl.mensenmakennederland.testing.LocalStackEmulator;
import nl.mensenmakennederland.testing.MotoServer;
import nl.mensenmakennederland.testing.EmulatorClients;
import nl.mensenmakennederland.testing.SamTemplate;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * An emulator someone else runs ({@code AWS_ENDPOINT_URL}, e.g. LocalStack): the runner neither
 * starts nor stops it, and a fresh start removes only the template's own tables and buckets.
 */
final class ExternalEmulator implements AwsEmulator {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String endpoint;
    private final SamTemplate template;
    private final EmulatorClients clients;

    ExternalEmulator(String endpoint, SamTemplate template) {
        this.endpoint = endpoint;
        this.template = template;
        this.clients = EmulatorClients.forEndpoint(endpoint);
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void reset() {
        for (SamTemplate.Resource table : template.resources("AWS::DynamoDB::Table")) {
            try {
                clients.dynamoDb().deleteTable(r -> r.tableName(template.physicalName(table.logicalId())));
            } catch (ResourceNotFoundException absent) {
                // nothing to remove
            }
        }
        for (SamTemplate.Resource bucket : template.resources("AWS::S3::Bucket")) {
            String name = template.physicalName(bucket.logicalId());
            try {
                clients.s3().listObjectsV2Paginator(r -> r.bucket(name)).contents().forEach(object ->
                        clients.s3().deleteObjects(r -> r.bucket(name)
                                .delete(d -> d.objects(ObjectIdentifier.builder().key(object.key()).build()))));
                clients.s3().deleteBucket(r -> r.bucket(name));
            } catch (NoSuchBucketException absent) {
                // nothing to remove
            }
        }
    }

    /** LocalStack answers {@code /_aws/ses}; a moto_server someone else runs, {@code /moto-api/data.json}. */
    @Override
    public List<SentMail> sentMails() {
        HttpResponse<String> localStack = get("/_aws/ses");
        return localStack.statusCode() == 200 ? LocalStackEmulator.mailsIn(localStack.body())
                : MotoServer.mailsIn(get("/moto-api/data.json").body());
    }

    private HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
