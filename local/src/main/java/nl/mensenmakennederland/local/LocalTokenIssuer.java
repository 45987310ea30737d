package nl.mensenmakennederland.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mensenmakennederland.shared.Json;

/**
 * Stands in for the Cognito user pool: signs RS256 JWTs with a key pair made at start (and never
 * stored), so the runner can hand out an admin token and its authorizer can check signatures.
 */
final class LocalTokenIssuer {

    static final String KEY_ID = "local-runner";
    static final String ADMIN_GROUP = "admins";

    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final Clock clock;

    LocalTokenIssuer(Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            this.privateKey = pair.getPrivate();
            this.publicKey = (RSAPublicKey) pair.getPublic();
            this.clock = clock;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No RSA here", e);
        }
    }

    RSAPublicKey publicKey() {
        return publicKey;
    }

    /** An ID token as Cognito issues one for a user in the given groups. */
    String issue(JwtAuthorizer.Config audienceAndIssuer, List<String> groups, Duration validity) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", UUID.randomUUID().toString());
        claims.put("iss", audienceAndIssuer.issuer());
        claims.put("aud", audienceAndIssuer.audiences().getFirst());
        claims.put("token_use", "id");
        claims.put("cognito:username", "lokale-beheerder");
        claims.put("cognito:groups", groups);
        claims.put("iat", now);
        claims.put("exp", now + validity.toSeconds());
        return sign(claims);
    }

    /** Signs any claims: tests use it for tokens the authorizer must refuse. */
    String sign(Map<String, Object> claims) {
        String header = encode(Json.write(Map.of("alg", "RS256", "typ", "JWT", "kid", KEY_ID)));
        String payload = encode(Json.write(claims));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey);
            signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign", e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
