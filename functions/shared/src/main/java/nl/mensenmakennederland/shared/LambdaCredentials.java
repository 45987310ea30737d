package nl.mensenmakennederland.shared;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The function's credentials, from wherever Lambda puts them:
 * <ul>
 * <li>SnapStart versions get no access keys, only a local credentials endpoint
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN});
 * <li>{@code $LATEST} and the local runner get {@code AWS_ACCESS_KEY_ID} and its friends.
 * </ul>
 * Chosen by one look at the environment rather than the SDK's default chain, which would also
 * probe system properties, profile files, web identity and the EC2 metadata service on a cold
 * start (the README's cold-start section has the cost of each).
 *
 * <p>Credentials fetched before a SnapStart checkpoint belong to the snapshot, and every
 * environment restored from it would reuse them until they expire. After a restore the source
 * is replaced, so the first call fetches this environment's own credentials.
 */
public final class LambdaCredentials implements AwsCredentialsProvider {

    private static final String CONTAINER_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    private static final String CONTAINER_RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";

    /** One per execution environment, shared by every client and the parameter store. */
    private static final class Shared {
        static final LambdaCredentials INSTANCE = new LambdaCredentials();
        static {
            Priming.afterRestore("credentials", INSTANCE::renew);
        }
    }

    private volatile AwsCredentialsProvider source = sourceForThisProcess();

    private LambdaCredentials() {}

    /** The process's credentials; renewed after every SnapStart restore. */
    public static LambdaCredentials fromEnvironment() {
        return Shared.INSTANCE;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return source.resolveCredentials();
    }

    /** Forgets what was fetched: the next call asks the credentials source again. */
    public void renew() {
        AwsCredentialsProvider previous = source;
        source = sourceForThisProcess();
        if (previous instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    private static AwsCredentialsProvider sourceForThisProcess() {
        Env env = Env.system();
        boolean container = env.optional(CONTAINER_FULL_URI, null) != null || env.optional(CONTAINER_RELATIVE_URI, null) != null;
        // Both read their variables from the process environment, as Lambda sets them.
        return container ? ContainerCredentialsProvider.builder().build() : EnvironmentVariableCredentialsProvider.create();
    }
}
