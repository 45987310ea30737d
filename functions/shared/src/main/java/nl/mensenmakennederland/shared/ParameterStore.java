package nl.mensenmakennederland.shared;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Reads a SecureString parameter from SSM Parameter Store: one GetParameter request (AWS JSON
 * 1.1), signed by the SDK's own SigV4 signer and sent through its HTTP client. Hand-made on
 * purpose: the SDK's SSM client would add 6 MB of model classes for 150 operations to the
 * deployment package (a third of it), for this one call per execution environment.
 */
public final class ParameterStore {

    private static final int ATTEMPTS = 3;

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final URI endpoint;

    public ParameterStore(SdkHttpClient http, AwsCredentialsProvider credentials, String region, URI endpoint) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint;
    }

    /** As the functions' environment configures it (region, credentials, {@code AWS_ENDPOINT_URL}), like {@link AwsClients}. */
    public static ParameterStore fromEnvironment() {
        Env env = Env.system();
        String region = env.required("AWS_REGION");
        String endpoint = env.optional("AWS_ENDPOINT_URL", null);
        return new ParameterStore(UrlConnectionHttpClient.create(), LambdaCredentials.fromEnvironment(), region,
                URI.create(endpoint != null ? endpoint
                        : "https://ssm." + region + (region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com")));
    }

    /** The parameter's value, decrypted. Throttling, server errors and broken connections are retried twice. */
    public String decryptedValue(String name) {
        byte[] body = Json.write(Map.of("Name", name, "WithDecryption", true)).getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            try {
                Answer answer = send(body);
                if (answer.status() == 200) {
                    return answer.json().path("Parameter").path("Value").asText();
                }
                String error = answer.json().path("__type").asText("unknown");
                boolean transient_ = answer.status() >= 500 || error.contains("Throttling");
                if (!transient_ || attempt == ATTEMPTS) {
                    throw new IllegalStateException("SSM GetParameter " + name + " failed: " + error + " (HTTP " + answer.status() + ")");
                }
            } catch (IOException broken) {
                if (attempt == ATTEMPTS) {
                    throw new UncheckedIOException("SSM GetParameter " + name + " failed", broken);
                }
            }
            pause(attempt);
        }
    }

    private record Answer(int status, JsonNode json) {}

    private Answer send(byte[] body) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null))
                .build()).call();
        try (InputStream in = response.responseBody().orElse(null)) {
            JsonNode json = in == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(in);
            return new Answer(response.httpResponse().statusCode(), json == null ? Json.MAPPER.createObjectNode() : json);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying SSM", e);
        }
    }
}
