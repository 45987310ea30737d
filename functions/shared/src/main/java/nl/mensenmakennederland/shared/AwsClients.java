package nl.mensenmakennederland.shared;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.warmup.SdkWarmUp;
import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * SDK clients, each built once per execution environment and only when a function first asks
 * for it. Lean on purpose: the region comes straight from the variable Lambda sets, the
 * credentials from {@link LambdaCredentials} (no provider chain to walk), and the JDK's URL
 * connection is the HTTP client.
 * {@code AWS_ENDPOINT_URL} points every client at a local emulator.
 */
public final class AwsClients {

    /** Attempts per SDK call, the first one included (see {@link #retryStrategy()}). */
    static final int MAX_ATTEMPTS = 5;

    private AwsClients() {}

    /** The client interfaces built in this environment so far, for {@link #warmUpBuilt()}. */
    private static final Set<Class<? extends SdkClient>> BUILT = ConcurrentHashMap.newKeySet();

    private static final class DynamoDb {
        static final DynamoDbClient CLIENT = built(DynamoDbClient.class, configure(DynamoDbClient.builder()).build());
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDb.CLIENT;
    }

    /**
     * Runs the SDK's own warm-up for each kind of client this function built: a throwaway
     * client answering from canned responses loads and exercises the request pipeline
     * (marshalling, signing, endpoint rules, unmarshalling) without any network call.
     * For SnapStart priming.
     */
    @SuppressWarnings("unchecked")
    public static void warmUpBuilt() {
        if (!BUILT.isEmpty()) {
            SdkWarmUp.warmUp(BUILT.toArray(Class[]::new));
        }
    }

    /**
     * A client that never reaches AWS: its HTTP client answers every request with
     * {@code cannedJson}. For SnapStart priming of calls that must not happen for real (sending
     * a mail): the request is still built, marshalled, signed and its answer read.
     */
    public static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C offline(B builder, String cannedJson) {
        builder.region(Region.of(Env.system().optional("AWS_REGION", "eu-west-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("offline", "offline")))
                .httpClient((SdkHttpClient) CannedResponseHttpClient.builder()
                        .responseBody(cannedJson.getBytes(StandardCharsets.UTF_8)).statusCode(200).build());
        return builder.build();
    }

    /** A client this environment built for good (a job's own service), so {@link #warmUpBuilt()} warms its kind too. */
    public static <C extends SdkClient> C built(Class<C> type, C client) {
        BUILT.add(type);
        return client;
    }

    /**
     * What the SDK retries by itself: answers that say "not now" (throttling, 429, 5xx) and
     * broken connections, up to {@value #MAX_ATTEMPTS} attempts with {@link Jitter} between them
     * (the SDK's own jitter repeats itself across SnapStart restores), and a per-client token
     * bucket that stops retrying while most calls fail. Short on purpose: an HTTP function has
     * 10 seconds, and a refusal that outlasts these attempts is better answered at once with
     * 503 and {@code Retry-After} (see {@code HttpHandler}), or left to the mail stream's
     * retries and the sweeper. A transaction cancelled for a conflict is not the SDK's to retry:
     * our code starts it over from a fresh read ({@link ConflictRetry}).
     */
    static RetryStrategy retryStrategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .backoffStrategy(Jitter.backoff(Duration.ofMillis(25), Duration.ofSeconds(1)))
                .throttlingBackoffStrategy(Jitter.backoff(Duration.ofMillis(100), Duration.ofSeconds(1)))
                .build();
    }

    /** Region, credentials, HTTP client, retries and optional endpoint override shared by every client. */
    public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
        Env env = Env.system();
        return configure(builder, env.required("AWS_REGION"), LambdaCredentials.fromEnvironment(),
                env.optional("AWS_ENDPOINT_URL", null));
    }

    public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
            B builder, String region, AwsCredentialsProvider credentials, String endpoint) {
        builder.region(Region.of(region)).credentialsProvider(credentials);
        builder.httpClient(UrlConnectionHttpClient.create());
        builder.overrideConfiguration(o -> o.retryStrategy(retryStrategy()));
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }
}
