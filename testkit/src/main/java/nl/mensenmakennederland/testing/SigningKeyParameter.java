package nl.mensenmakennederland.testing;

import java.security.SecureRandom;
import java.util.Base64;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The manage-link signing keys in the emulator's Parameter Store, as an operator keeps them (README, Operations). */
public final class SigningKeyParameter {

    private SigningKeyParameter() {}

    /** A new random key, as the README tells an operator to make one. */
    public static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Stores {@code keys} ("current[,previous]") as the SecureString parameter {@code name}. */
    public static void put(LocalAws aws, String name, String keys) {
        try (SsmClient ssm = ssm(aws)) {
            ssm.putParameter(r -> r.name(name).type(ParameterType.SECURE_STRING).value(keys).overwrite(true));
        }
    }

    /** The keys the parameter holds now. */
    public static String get(LocalAws aws, String name) {
        try (SsmClient ssm = ssm(aws)) {
            return ssm.getParameter(r -> r.name(name).withDecryption(true)).parameter().value();
        }
    }

    private static SsmClient ssm(LocalAws aws) {
        return EmulatorClients.configure(SsmClient.builder(), SamTemplate.REGION, EmulatorClients.CREDENTIALS, aws.endpoint()).build();
    }
}
