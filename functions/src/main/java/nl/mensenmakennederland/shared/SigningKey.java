package nl.mensenmakennederland.shared;

import java.util.Base64;
import java.util.function.Supplier;

/**
 * The signing key, read once per execution environment from an SSM SecureString parameter
 * (base64, at least 32 bytes) when a request first needs it, or SnapStart priming does: then
 * it is part of the snapshot, which Lambda encrypts, and a new key reaches the functions with
 * the next published version. The key never lives in the repository or in the template.
 */
public final class SigningKey implements Supplier<Hmac> {

    private final ParameterStore parameters;
    private final String parameterName;
    private volatile Hmac hmac;

    public SigningKey(ParameterStore parameters, String parameterName) {
        this.parameters = parameters;
        this.parameterName = parameterName;
    }

    public static SigningKey fromEnvironment() {
        return new SigningKey(ParameterStore.fromEnvironment(), Env.system().required("TOKEN_KEY_PARAMETER"));
    }

    @Override
    public Hmac get() {
        Hmac loaded = hmac;
        if (loaded == null) {
            String value = parameters.decryptedValue(parameterName);
            loaded = new Hmac(Base64.getDecoder().decode(value.trim()));
            hmac = loaded;
        }
        return loaded;
    }
}
