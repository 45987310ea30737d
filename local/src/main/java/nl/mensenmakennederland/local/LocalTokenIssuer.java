package nl.mensenmakennederland.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for the Cognito user pool: signs RS256 JWTs with a key pair made at start (and never
 * stored), so the runner can hand out an admin token and its authorizer can check signatures.
 */
final class LocalTokenIssuer {

    static final String KEY_ID = "local-runner";
    static final String ADMIN_GROUP = "admins";

    private final RSAKey key;
    private final Clock clock;

    LocalTokenIssuer(Clock clock) {
        try {
            this.key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
            this.clock = clock;
        } catch (JOSEException e) {
            throw new IllegalStateException("No RSA here", e);
        }
    }

    RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("The key pair has no public key", e);
        }
    }

    /** An ID token as Cognito issues one for a user in the given groups. */
    String issue(JwtAuthorizer.Config audienceAndIssuer, List<String> groups, Duration validity) {
        Date now = Date.from(clock.instant());
        return sign(new JWTClaimsSet.Builder()
                .subject(UUID.randomUUID().toString())
                .issuer(audienceAndIssuer.issuer())
                .audience(audienceAndIssuer.audiences().getFirst())
                .claim("token_use", "id")
                .claim("cognito:username", "lokale-beheerder")
                .claim("cognito:groups", groups)
                .issueTime(now)
                .expirationTime(Date.from(clock.instant().plus(validity)))
                .build());
    }

    /**
     * An ID token as Cognito's token endpoint issues one after the hosted sign-in: the account's
     * stable {@code sub}, its email and groups, and when it signed in.
     */
    String issue(JwtAuthorizer.Config audienceAndIssuer, LocalAccount account, Instant authTime, Duration validity) {
        Date now = Date.from(clock.instant());
        return sign(new JWTClaimsSet.Builder()
                .subject(account.sub())
                .issuer(audienceAndIssuer.issuer())
                .audience(audienceAndIssuer.audiences().getFirst())
                .claim("token_use", "id")
                .claim("cognito:username", account.sub())
                .claim("email", account.email())
                .claim("email_verified", true)
                .claim("cognito:groups", account.groups())
                .claim("auth_time", authTime.getEpochSecond())
                .issueTime(now)
                .expirationTime(Date.from(clock.instant().plus(validity)))
                .build());
    }

    /** Signs any claims: tests use it for tokens the authorizer must refuse. */
    String sign(Map<String, Object> claims) {
        try {
            return sign(JWTClaimsSet.parse(claims));
        } catch (ParseException e) {
            throw new IllegalArgumentException("Not a claims set: " + e.getMessage(), e);
        }
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(KEY_ID).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign", e);
        }
        return jwt.serialize();
    }
}
