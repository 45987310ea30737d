package nl.mensenmakennederland.shared;

import java.util.function.Supplier;

/**
 * The signing keys ({@link SigningKeys}: current, and the previous one after a rotation), read
 * once per execution environment from an SSM SecureString parameter when a request first needs
 * them, or SnapStart priming does: then they are part of the snapshot, which Lambda encrypts,
 * and a new value reaches the functions with the next published version. The keys never live
 * in the repository or in the template.
 */
public final class SigningKey implements Supplier<SigningKeys> {

    private final ParameterStore parameters;
    private final String parameterName;
    private volatile SigningKeys keys;

    public SigningKey(ParameterStore parameters, String parameterName) {
        this.parameters = parameters;
        this.parameterName = parameterName;
    }

    public static SigningKey fromEnvironment() {
        return new SigningKey(ParameterStore.fromEnvironment(), Env.system().required("TOKEN_KEY_PARAMETER"));
    }

    @Override
    public SigningKeys get() {
        SigningKeys loaded = keys;
        if (loaded == null) {
            loaded = SigningKeys.parse(parameters.decryptedValue(parameterName));
            keys = loaded;
        }
        return loaded;
    }
}
