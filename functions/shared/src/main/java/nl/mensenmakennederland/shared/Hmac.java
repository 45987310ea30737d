package nl.mensenmakennederland.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes under the campaign's signing key: the tokens in manage links, and fingerprints
 * of email addresses that let us refuse a second registration without keying data on the
 * address itself. Each use has its own purpose label, so a value signed for one use is worthless
 * for another.
 */
public final class Hmac {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final String id;

    public Hmac(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("Signing key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.id = sign("key-id", "").substring(0, 8);
    }

    /** Names the key in what it signed, without revealing it: the start of its own keyed hash of a fixed label. */
    public String id() {
        return id;
    }

    public String sign(String purpose, String value) {
        return BASE64URL.encodeToString(mac(purpose, value));
    }

    /** Constant-time comparison, so a guesser learns nothing from response times. */
    public boolean verify(String purpose, String value, String token) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            return false;
        }
        byte[] expected = sign(purpose, value).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
