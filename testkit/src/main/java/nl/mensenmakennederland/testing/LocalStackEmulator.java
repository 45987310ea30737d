package nl.mensenmakennederland.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** LocalStack in a container, for machines with a Docker engine ({@code AWS_EMULATOR=localstack}). */
public final class LocalStackEmulator implements AwsEmulator {

    /** A pinned community image: {@code latest} asks for an auth token. */
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4.0");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalStackContainer container;
    private final ResourceCleaner cleaner;

    private LocalStackEmulator(LocalStackContainer container) {
        this.container = container;
        this.cleaner = new ResourceCleaner(EmulatorClients.forEndpoint(container.getEndpoint().toString()));
    }

    public static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    public static LocalStackEmulator start() {
        LocalStackContainer container = new LocalStackContainer(IMAGE)
                .withServices(Stream.of("dynamodb", "dynamodbstreams", "s3", "ses", "sqs", "ssm")
                        .map(LocalStackContainer.EnabledService::named)
                        .toArray(LocalStackContainer.EnabledService[]::new));
        container.start();
        return new LocalStackEmulator(container);
    }

    @Override
    public String endpoint() {
        return container.getEndpoint().toString();
    }

    @Override
    public void reset() {
        cleaner.deleteEverything();
        send(HttpRequest.newBuilder(URI.create(endpoint() + "/_aws/ses")).DELETE().build());
    }

    /**
     * LocalStack keeps sent mails at {@code /_aws/ses}: a raw mail's MIME text under
     * {@code RawData}; its recipient under {@code Destination.ToAddresses}, else in its To header.
     * Not run here (no Docker engine on the build machines); written from LocalStack's docs.
     */
    @Override
    public List<SentMail> sentMails() {
        return mailsIn(send(HttpRequest.newBuilder(URI.create(endpoint() + "/_aws/ses")).GET().build()));
    }

    /** The raw mails in LocalStack's answer to {@code GET /_aws/ses}. */
    public static List<SentMail> mailsIn(String body) {
        try {
            List<SentMail> mails = new ArrayList<>();
            for (JsonNode message : Jackson.MAPPER.readTree(body).path("messages")) {
                String raw = message.path("RawData").asText(null);
                if (raw != null) {
                    mails.add(new SentMail(message.path("Destination").path("ToAddresses").path(0).asText(null), raw));
                }
            }
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        container.stop();
    }
}
