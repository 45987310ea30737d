package nl.mensenmakennederland.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.mensenmakennederland.testing.AwsEmulatorExtension;
import nl.mensenmakennederland.testing.EmulatorClients;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The one SSM call the functions make, signed and sent without the SDK's SSM client, against moto. */
@ExtendWith(AwsEmulatorExtension.class)
class ParameterStoreTest {

    @Test
    void aSecureStringIsReadDecrypted(LocalAws aws) {
        ssm(aws).putParameter(r -> r.name("/test/secret").type(ParameterType.SECURE_STRING).value("s3cr3t").overwrite(true));

        assertThat(store(aws).decryptedValue("/test/secret")).isEqualTo("s3cr3t");
    }

    @Test
    void aMissingParameterIsAClearError(LocalAws aws) {
        assertThatThrownBy(() -> store(aws).decryptedValue("/test/missing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/test/missing").hasMessageContaining("ParameterNotFound");
    }

    /** moto checks no signature; this is what AWS checks (the signature itself matched botocore's SigV4 for the same inputs). */
    @Test
    void theRequestIsSignedForSsmInItsRegionWithTheSessionToken() {
        List<SdkHttpRequest> sent = new ArrayList<>();
        SdkHttpClient recorder = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                sent.add(request.httpRequest());
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() {
                        return HttpExecuteResponse.builder()
                                .response(SdkHttpResponse.builder().statusCode(200).build())
                                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(
                                        "{\"Parameter\":{\"Value\":\"k\"}}".getBytes(StandardCharsets.UTF_8))))
                                .build();
                    }

                    @Override
                    public void abort() {}
                };
            }

            @Override
            public void close() {}
        };
        var credentials = StaticCredentialsProvider.create(AwsSessionCredentials.create("AKID", "secret", "session-token"));

        String value = new ParameterStore(recorder, credentials, "eu-west-1", URI.create("https://ssm.eu-west-1.amazonaws.com"))
                .decryptedValue("/mensenmakennederland/token-signing-key");

        assertThat(value).isEqualTo("k");
        SdkHttpRequest request = sent.get(0);
        assertThat(request.firstMatchingHeader("Authorization")).get().asString()
                .startsWith("AWS4-HMAC-SHA256 Credential=AKID/").contains("/eu-west-1/ssm/aws4_request")
                .contains("x-amz-security-token").contains("x-amz-target");
        assertThat(request.firstMatchingHeader("X-Amz-Target")).contains("AmazonSSM.GetParameter");
        assertThat(request.firstMatchingHeader("X-Amz-Security-Token")).contains("session-token");
        assertThat(request.host()).isEqualTo("ssm.eu-west-1.amazonaws.com");
    }

    private static ParameterStore store(LocalAws aws) {
        return new ParameterStore(UrlConnectionHttpClient.create(), EmulatorClients.CREDENTIALS, SamTemplate.REGION,
                URI.create(aws.endpoint()));
    }

    private static SsmClient ssm(LocalAws aws) {
        return AwsClients.configure(SsmClient.builder(), SamTemplate.REGION, EmulatorClients.CREDENTIALS, aws.endpoint()).build();
    }
}
