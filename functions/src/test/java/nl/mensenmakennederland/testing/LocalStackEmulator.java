package nl.mensenmakennederland.testing;

import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** LocalStack in a container, for machines with a Docker engine ({@code AWS_EMULATOR=localstack}). */
public final class LocalStackEmulator implements AwsEmulator {

    /** A pinned community image: {@code latest} asks for an auth token. */
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4.0");

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
    }

    @Override
    public void close() {
        container.stop();
    }
}
