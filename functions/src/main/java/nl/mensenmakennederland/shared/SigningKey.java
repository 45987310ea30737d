package nl.mensenmakennederland.shared;

import java.util.Base64;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The signing key, read once per execution environment from an SSM SecureString parameter
 * (base64, at least 32 bytes) and only when a request first needs it. The key never lives in
 * the repository or in the template.
 */
public final class SigningKey implements Supplier<Hmac> {

    private final Supplier<SsmClient> ssm;
    private final String parameterName;
    private volatile Hmac hmac;

    public SigningKey(Supplier<SsmClient> ssm, String parameterName) {
        this.ssm = ssm;
        this.parameterName = parameterName;
    }

    public static SigningKey fromEnvironment() {
        return new SigningKey(AwsClients::ssm, Env.system().required("TOKEN_KEY_PARAMETER"));
    }

    @Override
    public Hmac get() {
        Hmac loaded = hmac;
        if (loaded == null) {
            String value = ssm.get().getParameter(r -> r.name(parameterName).withDecryption(true)).parameter().value();
            loaded = new Hmac(Base64.getDecoder().decode(value.trim()));
            hmac = loaded;
        }
        return loaded;
    }
}
