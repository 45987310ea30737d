package nl.mensenmakennederland.shared;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token of a manage link: {@code <key id>.<expiry, epoch seconds>.<signature>}, signed over
 * the record's id, the key id and the expiry, under a purpose per kind of record (a token for a
 * registration opens no prize entry). It expires when the record's retention ends (when its TTL
 * removes it; DynamoDB deletes late, the link must not outlive it), and it names its key, so
 * links mailed before a key rotation keep working while that key is kept.
 */
public final class ManageToken {

    /** Why a token presented for a record does not open it. */
    public enum Refusal { FORGED, EXPIRED, RETIRED_KEY }

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9_-]{8})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");

    private ManageToken() {}

    public static String issue(Hmac key, String purpose, String id, Instant expiresAt) {
        String signed = key.id() + "." + expiresAt.getEpochSecond();
        return signed + "." + key.sign(purpose, id + "." + signed);
    }

    /** Why {@code token} does not open the link to {@code id}; empty when it does. */
    public static Optional<Refusal> refusal(SigningKeys keys, String purpose, String id, String token, Instant now) {
        Matcher parts = SHAPE.matcher(token == null ? "" : token);
        if (!parts.matches()) {
            return Optional.of(Refusal.FORGED);
        }
        Optional<Hmac> key = keys.withId(parts.group(1));
        if (key.isEmpty()) {
            return Optional.of(Refusal.RETIRED_KEY);
        }
        String signed = parts.group(1) + "." + parts.group(2);
        if (!key.get().verify(purpose, id + "." + signed, parts.group(3))) { // constant-time
            return Optional.of(Refusal.FORGED);
        }
        return now.getEpochSecond() < Long.parseLong(parts.group(2)) ? Optional.empty() : Optional.of(Refusal.EXPIRED);
    }
}
