package nl.mensenmakennederland.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Presigned S3 POST uploads (browser-based uploads with an AWS Signature Version 4 POST policy),
 * which the Java SDK does not offer. S3 itself enforces the policy: the exact key, the content
 * type and a size range, until it expires. The policy is written exactly as botocore's
 * {@code generate_presigned_post} writes it (same conditions, same order, same JSON), so the
 * result can be checked against botocore field by field (PostPolicySignerTest).
 */
public final class PostPolicySigner {

    /** What the browser posts: the form's fields, then the file; to {@code url}. */
    public record Upload(String url, Map<String, String> fields, Instant expiresAt) {}

    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SCOPE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final AwsCredentialsProvider credentials;
    private final String region;
    private final Clock clock;

    public PostPolicySigner(AwsCredentialsProvider credentials, String region, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
    }

    /** An upload of exactly {@code key}, of {@code contentType}, 1 byte to {@code maxBytes}, for {@code valid}. */
    public Upload sign(String url, String bucket, String key, String contentType, long maxBytes, Duration valid) {
        return sign(url, bucket, key, contentType, object("Content-Type", contentType), maxBytes, valid, Map.of());
    }

    /**
     * The same, but S3 takes any {@code Content-Type} that starts with {@code typePrefix} (e.g.
     * {@code video/}): a phone names its own video type, and the form's field starts as {@code contentType}.
     */
    public Upload signTypePrefix(String url, String bucket, String key, String contentType, String typePrefix, long maxBytes,
                                 Duration valid) {
        return signTypePrefix(url, bucket, key, contentType, typePrefix, maxBytes, valid, Map.of());
    }

    /**
     * The same, with {@code fixedFields} the form must carry exactly as given (e.g. S3's
     * {@code tagging}: the object's tags, so that the bucket's lifecycle knows how long to keep it).
     */
    public Upload signTypePrefix(String url, String bucket, String key, String contentType, String typePrefix, long maxBytes,
                                 Duration valid, Map<String, String> fixedFields) {
        return sign(url, bucket, key, contentType,
                "[" + string("starts-with") + ", " + string("$Content-Type") + ", " + string(typePrefix) + "]", maxBytes, valid,
                fixedFields);
    }

    private Upload sign(String url, String bucket, String key, String contentType, String typeCondition, long maxBytes,
                        Duration valid, Map<String, String> fixedFields) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(valid);
        AwsCredentials identity = credentials.resolveCredentials();
        String scope = identity.accessKeyId() + "/" + SCOPE_DATE.format(now) + "/" + region + "/s3/aws4_request";
        String amzDate = AMZ_DATE.format(now);

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Content-Type", contentType);
        fields.putAll(fixedFields);
        fields.put("key", key);
        fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        fields.put("x-amz-credential", scope);
        fields.put("x-amz-date", amzDate);
        List<String> conditions = new ArrayList<>(List.of(
                typeCondition,
                "[" + string("content-length-range") + ", 1, " + maxBytes + "]"));
        // Sorted, so the policy is the same however the map orders them (the test passes them to botocore sorted).
        new java.util.TreeMap<>(fixedFields).forEach((name, value) -> conditions.add(object(name, value)));
        conditions.addAll(List.of(
                object("bucket", bucket),
                object("key", key),
                object("x-amz-algorithm", "AWS4-HMAC-SHA256"),
                object("x-amz-credential", scope),
                object("x-amz-date", amzDate)));
        if (identity instanceof AwsSessionCredentials session) {
            fields.put("x-amz-security-token", session.sessionToken());
            conditions.add(object("x-amz-security-token", session.sessionToken()));
        }
        // Python's json.dumps layout: ", " between items, ": " after keys.
        String policy = "{" + string("expiration") + ": " + string(EXPIRATION.format(expiresAt)) + ", "
                + string("conditions") + ": [" + String.join(", ", conditions) + "]}";
        String encoded = Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8));
        fields.put("policy", encoded);
        fields.put("x-amz-signature", HexFormat.of().formatHex(hmac(signingKey(identity.secretAccessKey(), now), encoded)));
        return new Upload(url, Map.copyOf(fields), expiresAt);
    }

    private byte[] signingKey(String secret, Instant now) {
        byte[] date = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), SCOPE_DATE.format(now));
        return hmac(hmac(hmac(date, region), "s3"), "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String object(String name, String value) {
        return "{" + string(name) + ": " + string(value) + "}";
    }

    /** A JSON string as json.dumps writes it (ensure_ascii: everything outside ASCII as \\u escapes). */
    private static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
