package nl.mensenmakennederland.prizes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Env;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * moto checks no signature, so the URLs are proven against an independent implementation:
 * botocore's {@code generate_presigned_url('upload_part' | 'get_object', ...)} (boto3 is
 * installed) on the same fixed inputs, its clock frozen, must give the same URL, signature included.
 */
class PresignedUrlsTest {

    static final Instant NOW = Instant.parse("2027-01-15T19:30:00Z");
    static final String BUCKET = "mmn-dev-uploads-123456789012-eu-west-1";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String TOKEN = "FwoGZXIvYXdzEXAMPLE/token+with=chars";

    /** botocore's URL for {@code operation} with {@code params} (a JSON object of the operation's parameters). */
    private static String botocore(String operation, String params, int seconds) throws Exception {
        String script = """
                import datetime, json, sys
                from unittest import mock
                import boto3
                from botocore.config import Config
                fixed = datetime.datetime(2027, 1, 15, 19, 30, 0)
                with mock.patch('botocore.signers.get_current_datetime', return_value=fixed), \\
                     mock.patch('botocore.auth.get_current_datetime', return_value=fixed):
                    s3 = boto3.client('s3', region_name='eu-west-1',
                                      config=Config(signature_version='s3v4', s3={'addressing_style': 'virtual'}),
                                      aws_access_key_id='ASIAEXAMPLEKEY', aws_secret_access_key=sys.argv[1], aws_session_token=sys.argv[2])
                    print(s3.generate_presigned_url(sys.argv[3], ExpiresIn=int(sys.argv[5]), Params=json.loads(sys.argv[4])))
                """;
        Process python = new ProcessBuilder(System.getenv().getOrDefault("MOTO_PYTHON", "python3"), "-c", script, SECRET, TOKEN,
                operation, params, Integer.toString(seconds)).redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assumeTrue(python.waitFor() == 0 || !out.contains("No module named"), "boto3 is not installed: " + out);
        assertThat(python.exitValue()).as(out).isZero();
        return out;
    }

    private static PresignedUrls urls() {
        return new PresignedUrls(StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIAEXAMPLEKEY", SECRET, TOKEN)),
                "eu-west-1", Uploads.bucketUrl(new Env(Map.of("AWS_REGION", "eu-west-1")), BUCKET),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(30));
    }

    /** The query's parameters in order: the signature is over the canonical (sorted) query, not the order written. */
    private static List<String> query(String url) {
        return Arrays.stream(URI.create(url).getRawQuery().split("&")).sorted().toList();
    }

    @Test
    void aPartUrlIsBotocoresToTheSignature() throws Exception {
        String uploadId = "VXBsb2FkIElEIGZvciBlbHZpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA--";

        PresignedUrls.PartUrl part = urls().part("entries/hT3k9Qm2XbVw7LpR4sYd1A/video", uploadId, 7);
        String expected = botocore("upload_part", """
                {"Bucket": "%s", "Key": "entries/hT3k9Qm2XbVw7LpR4sYd1A/video", "UploadId": "%s", "PartNumber": 7}"""
                .formatted(BUCKET, uploadId), 1800);

        URI ours = URI.create(part.url());
        assertThat(ours.getScheme() + "://" + ours.getRawAuthority() + ours.getRawPath())
                .isEqualTo("https://" + BUCKET + ".s3.eu-west-1.amazonaws.com/entries/hT3k9Qm2XbVw7LpR4sYd1A/video")
                .isEqualTo(expected.substring(0, expected.indexOf('?')));
        assertThat(query(part.url())).isEqualTo(query(expected))
                .contains("partNumber=7", "uploadId=" + uploadId, "X-Amz-Expires=1800");
        assertThat(part.expiresAt()).isEqualTo("2027-01-15T20:00:00Z");
    }

    @Test
    void aJurorsLinkToWatchIsBotocoresGetObjectToTheSignature() throws Exception {
        String ours = urls().watch("entries/hT3k9Qm2XbVw7LpR4sYd1A/video", Duration.ofMinutes(10));
        String expected = botocore("get_object", """
                {"Bucket": "%s", "Key": "entries/hT3k9Qm2XbVw7LpR4sYd1A/video"}""".formatted(BUCKET), 600);

        assertThat(ours.substring(0, ours.indexOf('?'))).isEqualTo(expected.substring(0, expected.indexOf('?')));
        assertThat(query(ours)).isEqualTo(query(expected)).contains("X-Amz-Expires=600");
    }

    @Test
    void eachPartNumberHasItsOwnSignature() throws IOException {
        String one = signature(urls().part("entries/x/video", "upload", 1).url());
        String two = signature(urls().part("entries/x/video", "upload", 2).url());

        assertThat(one).isNotEqualTo(two);
    }

    private static String signature(String url) {
        return query(url).stream().filter(p -> p.startsWith("X-Amz-Signature=")).findFirst().orElseThrow();
    }
}
