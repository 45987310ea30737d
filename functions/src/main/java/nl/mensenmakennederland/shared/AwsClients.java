package nl.mensenmakennederland.shared;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * SDK clients, each built once per execution environment and only when a function first asks
 * for it. Lean on purpose: the region and credentials come straight from the variables Lambda
 * sets (no provider chain to walk), and the JDK's URL connection is the HTTP client.
 * {@code AWS_ENDPOINT_URL} points every client at a local emulator.
 */
public final class AwsClients {

    private AwsClients() {}

    private static final class DynamoDb {
        static final DynamoDbClient CLIENT = configure(DynamoDbClient.builder()).build();
    }

    private static final class Ses {
        static final SesV2Client CLIENT = configure(SesV2Client.builder()).build();
    }

    private static final class Ssm {
        static final SsmClient CLIENT = configure(SsmClient.builder()).build();
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDb.CLIENT;
    }

    public static SesV2Client ses() {
        return Ses.CLIENT;
    }

    public static SsmClient ssm() {
        return Ssm.CLIENT;
    }

    /** Region, credentials, HTTP client and optional endpoint override shared by every client. */
    public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
        Env env = Env.system();
        return configure(builder, env.required("AWS_REGION"), EnvironmentVariableCredentialsProvider.create(),
                env.optional("AWS_ENDPOINT_URL", null));
    }

    public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
            B builder, String region, AwsCredentialsProvider credentials, String endpoint) {
        builder.region(Region.of(region)).credentialsProvider(credentials);
        builder.httpClient(UrlConnectionHttpClient.create());
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }
}
