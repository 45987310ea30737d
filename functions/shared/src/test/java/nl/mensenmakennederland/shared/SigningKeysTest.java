package nl.mensenmakennederland.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The signing key parameter's value as an operator writes it (README, Operations). */
class SigningKeysTest {

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void theFirstKeySignsAndTheSecondStillVerifies() {
        String current = newKey();
        String previous = newKey();

        SigningKeys keys = SigningKeys.parse(current + ", " + previous + "\n");

        Hmac old = SigningKeys.parse(previous).current();
        assertThat(keys.current().id()).isEqualTo(SigningKeys.parse(current).current().id()).isNotEqualTo(old.id());
        assertThat(keys.withId(old.id())).hasValueSatisfying(key ->
                assertThat(key.verify("registration", "x", old.sign("registration", "x"))).isTrue());
        assertThat(keys.all()).hasSize(2);
        assertThat(SigningKeys.parse(current).withId(old.id())).isEmpty();
    }

    @Test
    void aValueAnOperatorGotWrongIsRefused() {
        String key = newKey();

        assertThatThrownBy(() -> SigningKeys.parse(key + "," + newKey() + "," + newKey())).hasMessageContaining("at most two");
        assertThatThrownBy(() -> SigningKeys.parse(key + "," + key)).hasMessageContaining("previous signing key is the current");
        assertThatThrownBy(() -> SigningKeys.parse(Base64.getEncoder().encodeToString(new byte[16]))).hasMessageContaining("32 bytes");
    }
}
