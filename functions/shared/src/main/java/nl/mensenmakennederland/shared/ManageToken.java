package nl.mensenmakennederland.events;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mensenmakennederland.shared.Hmac;
import nl.mensenmakennederland.shared.SigningKeys;

/**
 * The token of a manage link: {@code <key id>.<expiry, epoch seconds>.<signature>}, signed over
 * the registration id, the key id and the expiry. It expires when the registration's retention
 * ends (when its TTL removes it; DynamoDB deletes late, the link must not outlive it), and it
 * names its key, so links mailed before a key rotation keep working while that key is kept.
 */
final class ManageToken {

    /** Why a token presented for a registration does not open it. */
    enum Refusal { FORGED, EXPIRED, RETIRED_KEY }

    private static final String PURPOSE = "registration";
    private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9_-]{8})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");

    private ManageToken() {}

    static String issue(Hmac key, String registrationId, Instant expiresAt) {
        String signed = key.id() + "." + expiresAt.getEpochSecond();
        return signed + "." + key.sign(PURPOSE, registrationId + "." + signed);
    }

    /** Why {@code token} does not open {@code registrationId}'s link; empty when it does. */
    static Optional<Refusal> refusal(SigningKeys keys, String registrationId, String token, Instant now) {
        Matcher parts = SHAPE.matcher(token == null ? "" : token);
        if (!parts.matches()) {
            return Optional.of(Refusal.FORGED);
        }
        Optional<Hmac> key = keys.withId(parts.group(1));
        if (key.isEmpty()) {
            return Optional.of(Refusal.RETIRED_KEY);
        }
        String signed = parts.group(1) + "." + parts.group(2);
        if (!key.get().verify(PURPOSE, registrationId + "." + signed, parts.group(3))) { // constant-time
            return Optional.of(Refusal.FORGED);
        }
        return now.getEpochSecond() < Long.parseLong(parts.group(2)) ? Optional.empty() : Optional.of(Refusal.EXPIRED);
    }
}
