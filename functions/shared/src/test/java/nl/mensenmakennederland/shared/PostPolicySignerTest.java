package nl.mensenmakennederland.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * moto checks no POST policy or signature (see facts), so the signer is proven against the
 * reference: botocore's {@code generate_presigned_post} (SigV4) on the same fixed inputs, its
 * clock frozen, must give exactly the same form fields, policy and signature included.
 */
class PostPolicySignerTest {

    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    static final String BUCKET = "mmn-dev-oproep-123456789012-eu-west-1";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    /** botocore's fields for the same upload: python3 with boto3 (installed on the build machines with moto). */
    static Map<String, String> botocore(String key, String contentType, long maxBytes, int seconds, String token)
            throws IOException, InterruptedException {
        return botocore(key, contentType, "", maxBytes, seconds, token, Map.of());
    }

    /**
     * With a {@code typePrefix}, the policy's type condition is {@code ["starts-with", "$Content-Type", typePrefix]};
     * {@code fixed} fields are in the form and, as exact conditions, in the policy.
     */
    static Map<String, String> botocore(String key, String contentType, String typePrefix, long maxBytes, int seconds, String token,
                                        Map<String, String> fixed) throws IOException, InterruptedException {
        String script = """
                import datetime, json, sys
                from unittest import mock
                import boto3
                from botocore.config import Config
                key, content_type, max_bytes, seconds, token = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] or None
                fixed = datetime.datetime(2026, 12, 2, 8, 0, 0)
                with mock.patch('botocore.signers.get_current_datetime', return_value=fixed), \\
                     mock.patch('botocore.auth.get_current_datetime', return_value=fixed):
                    s3 = boto3.client('s3', region_name='eu-west-1', config=Config(signature_version='s3v4'),
                                      aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key=sys.argv[6], aws_session_token=token)
                    type_condition = ['starts-with', '$Content-Type', sys.argv[8]] if sys.argv[8] else {'Content-Type': content_type}
                    fixed = json.loads(sys.argv[9])
                    post = s3.generate_presigned_post(sys.argv[7], key, Fields={'Content-Type': content_type, **fixed},
                        Conditions=[type_condition, ['content-length-range', 1, max_bytes]]
                                   + [{name: fixed[name]} for name in sorted(fixed)], ExpiresIn=seconds)
                print(json.dumps(post['fields']))
                """;
        List<String> command = new ArrayList<>(List.of(System.getenv().getOrDefault("MOTO_PYTHON", "python3"), "-c", script,
                key, contentType, Long.toString(maxBytes), Integer.toString(seconds), token == null ? "" : token, SECRET, BUCKET, typePrefix,
                Json.write(fixed)));
        Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(python.waitFor() == 0 || !out.contains("No module named"), "boto3 is not installed: " + out);
        assertThat(python.exitValue()).as(out).isZero();
        return Json.MAPPER.readValue(out, new TypeReference<Map<String, String>>() {});
    }

    private static PostPolicySigner signer(String token) {
        var credentials = token == null ? AwsBasicCredentials.create("AKIDEXAMPLE", SECRET)
                : AwsSessionCredentials.create("AKIDEXAMPLE", SECRET, token);
        return new PostPolicySigner(StaticCredentialsProvider.create(credentials), "eu-west-1", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void withSessionCredentialsAsLambdaHasThemTheFieldsAreBotocoresToTheByte() throws Exception {
        String token = "FwoGZXIvYXdzEXAMPLE/token+with=chars";

        PostPolicySigner.Upload upload = signer(token).sign("https://" + BUCKET + ".s3.eu-west-1.amazonaws.com/", BUCKET,
                "variants/regionaal-advertentie-a4/v2.pdf", "application/pdf", 52_428_800, Duration.ofMinutes(15));

        assertThat(upload.fields()).isEqualTo(botocore("variants/regionaal-advertentie-a4/v2.pdf", "application/pdf", 52_428_800, 900, token));
        assertThat(upload.expiresAt()).isEqualTo(Instant.parse("2026-12-02T08:15:00Z"));
    }

    @Test
    void withAccessKeysAndOtherInputsTooAndThePolicySaysWhatS3Enforces() throws Exception {
        PostPolicySigner.Upload upload = signer(null).sign("http://127.0.0.1:5000/" + BUCKET, BUCKET,
                "previews/social-vierkant.png", "image/png", 2_000_000, Duration.ofMinutes(5));

        assertThat(upload.fields()).isEqualTo(botocore("previews/social-vierkant.png", "image/png", 2_000_000, 300, null))
                .doesNotContainKey("x-amz-security-token");
        String policy = new String(Base64.getDecoder().decode(upload.fields().get("policy")), StandardCharsets.UTF_8);
        assertThat(Json.MAPPER.readTree(policy).path("conditions").toString())
                .contains("{\"key\":\"previews/social-vierkant.png\"}", "{\"Content-Type\":\"image/png\"}",
                        "[\"content-length-range\",1,2000000]", "{\"bucket\":\"" + BUCKET + "\"}");
    }

    @Test
    void aTypePrefixLetsS3TakeAnyVideoTypeAndStillMatchesBotocore() throws Exception {
        String token = "FwoGZXIvYXdzEXAMPLE/token+with=chars";

        PostPolicySigner.Upload upload = signer(token).signTypePrefix("https://" + BUCKET + ".s3.eu-west-1.amazonaws.com/",
                BUCKET, "entries/AAAAAAAAAAAAAAAAAAAAAA/video", "video/quicktime", "video/", 2_147_483_648L, Duration.ofMinutes(30));

        assertThat(upload.fields()).isEqualTo(botocore("entries/AAAAAAAAAAAAAAAAAAAAAA/video", "video/quicktime", "video/",
                2_147_483_648L, 1800, token, Map.of()));
        String policy = new String(Base64.getDecoder().decode(upload.fields().get("policy")), StandardCharsets.UTF_8);
        assertThat(Json.MAPPER.readTree(policy).path("conditions").toString())
                .contains("[\"starts-with\",\"$Content-Type\",\"video/\"]", "[\"content-length-range\",1,2147483648]")
                .doesNotContain("{\"Content-Type\"");
        assertThat(upload.fields()).containsEntry("Content-Type", "video/quicktime");
    }

    @Test
    void fixedFieldsSuchAsTheObjectsTagsAreInTheFormAndThePolicyAsBotocorePutsThem() throws Exception {
        Map<String, String> tagging = Map.of("tagging",
                "<Tagging><TagSet><Tag><Key>retention</Key><Value>entry</Value></Tag></TagSet></Tagging>");

        PostPolicySigner.Upload upload = signer(null).signTypePrefix("https://" + BUCKET + ".s3.eu-west-1.amazonaws.com/",
                BUCKET, "entries/AAAAAAAAAAAAAAAAAAAAAA/video", "video/mp4", "video/", 1_000_000L, Duration.ofMinutes(30), tagging);

        assertThat(upload.fields()).isEqualTo(botocore("entries/AAAAAAAAAAAAAAAAAAAAAA/video", "video/mp4", "video/",
                1_000_000L, 1800, null, tagging));
        String policy = new String(Base64.getDecoder().decode(upload.fields().get("policy")), StandardCharsets.UTF_8);
        assertThat(Json.MAPPER.readTree(policy).path("conditions").toString()).contains("{\"tagging\":\"<Tagging>");
    }
}
