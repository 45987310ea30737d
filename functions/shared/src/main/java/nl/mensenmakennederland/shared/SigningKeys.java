package nl.mensenmakennederland.shared;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The keys that sign manage links and fingerprint addresses, as the SSM parameter holds them:
 * {@code current} or {@code current,previous}, each the base64 of at least 32 random bytes.
 * The current key signs; the previous one, kept for a while after a rotation, still verifies
 * what it signed, so links mailed before the rotation keep working.
 */
public final class SigningKeys {

    private final List<Hmac> keys;

    private SigningKeys(List<Hmac> keys) {
        this.keys = List.copyOf(keys);
    }

    public static SigningKeys parse(String parameterValue) {
        String[] values = parameterValue.trim().split(",", -1);
        if (values.length > 2) {
            throw new IllegalArgumentException("The signing key parameter holds at most two keys: current,previous");
        }
        List<Hmac> keys = Arrays.stream(values)
                .map(value -> new Hmac(Base64.getDecoder().decode(value.trim())))
                .toList();
        if (keys.size() == 2 && keys.get(0).id().equals(keys.get(1).id())) {
            throw new IllegalArgumentException("The previous signing key is the current one");
        }
        return new SigningKeys(keys);
    }

    /** The key that signs. */
    public Hmac current() {
        return keys.get(0);
    }

    /** The key a token names, if it is still kept. */
    public Optional<Hmac> withId(String id) {
        return keys.stream().filter(key -> key.id().equals(id)).findFirst();
    }

    /** Every key kept, the current one first. */
    public List<Hmac> all() {
        return keys;
    }
}
