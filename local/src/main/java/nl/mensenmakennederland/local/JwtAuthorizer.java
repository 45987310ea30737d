package nl.mensenmakennederland.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.SamTemplate;

/**
 * The HttpApi JWT authorizer of template.yaml, checking what API Gateway checks (parsing and
 * signatures by nimbus-jose-jwt): an RS256
 * signature by the (local) issuer's key, the issuer, the audience ({@code aud} or Cognito's
 * {@code client_id}), and that the token is within {@code nbf}/{@code iat}..{@code exp}.
 * Claims reach the handler as API Gateway passes them: every value a string, arrays as
 * {@code [a b]}. Group membership is not its business: handlers check {@code cognito:groups}.
 */
final class JwtAuthorizer {

    record Config(String issuer, List<String> audiences) {}

    /** The authorizer's verdict: claims and scopes for the event, or why it refused. */
    record Result(Map<String, String> claims, List<String> scopes, String refusal) {

        static Result refused(String why) {
            return new Result(Map.of(), List.of(), why);
        }

        boolean allowed() {
            return refusal == null;
        }
    }

    private final Config config;
    private final RSAPublicKey key;
    private final Clock clock;

    JwtAuthorizer(Config config, RSAPublicKey key, Clock clock) {
        this.config = config;
        this.key = key;
        this.clock = clock;
    }

    /** The JWT authorizers an HttpApi resource declares, by name, with issuer and audience resolved. */
    static Map<String, Config> configs(SamTemplate template) {
        Map<String, Config> configs = new LinkedHashMap<>();
        for (SamTemplate.Resource api : template.resources("AWS::Serverless::HttpApi")) {
            HttpApiRoutes.asMap(HttpApiRoutes.asMap(api.properties().get("Auth")).get("Authorizers")).forEach((name, value) -> {
                Map<String, Object> jwt = HttpApiRoutes.asMap(HttpApiRoutes.asMap(value).get("JwtConfiguration"));
                if (jwt.isEmpty()) {
                    throw new IllegalStateException("Authorizer " + name + " is not a JWT authorizer; the local runner knows only those");
                }
                List<String> audiences = new ArrayList<>();
                if (jwt.get("audience") instanceof List<?> list) {
                    list.forEach(a -> audiences.add(String.valueOf(template.resolve(a))));
                }
                configs.put(name, new Config(String.valueOf(template.resolve(jwt.get("issuer"))), audiences));
            });
        }
        return configs;
    }

    Config config() {
        return config;
    }

    Result authorize(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Result.refused("no token");
        }
        String token = authorizationHeader.trim();
        if (token.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            token = token.substring(7).trim();
        }
        JWT parsed;
        JWTClaimsSet claims;
        try {
            parsed = JWTParser.parse(token);
            claims = parsed.getJWTClaimsSet();
        } catch (ParseException e) {
            return Result.refused("not a JWT");
        }
        if (!(parsed instanceof SignedJWT signed) || !JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())
                || !LocalTokenIssuer.KEY_ID.equals(signed.getHeader().getKeyID())) {
            return Result.refused("unknown signing key or algorithm");
        }
        if (!signatureValid(signed)) {
            return Result.refused("bad signature");
        }
        if (!config.issuer().equals(claims.getIssuer())) {
            return Result.refused("wrong issuer");
        }
        if (!audienceMatches(claims)) {
            return Result.refused("wrong audience");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
            return Result.refused("expired");
        }
        if (isAfter(claims.getNotBeforeTime(), now) || isAfter(claims.getIssueTime(), now)) {
            return Result.refused("not valid yet");
        }
        return new Result(asStrings(Json.MAPPER.valueToTree(claims.toJSONObject())), scopes(claims), null);
    }

    private boolean signatureValid(SignedJWT jwt) {
        try {
            return jwt.verify(new RSASSAVerifier(key));
        } catch (JOSEException e) {
            return false;
        }
    }

    /** Cognito's ID tokens name the app client in {@code aud}, its access tokens in {@code client_id}. */
    private boolean audienceMatches(JWTClaimsSet claims) {
        List<String> presented = new ArrayList<>(claims.getAudience());
        if (claims.getClaim("client_id") instanceof String clientId) {
            presented.add(clientId);
        }
        return presented.stream().anyMatch(config.audiences()::contains);
    }

    private static boolean isAfter(Date moment, Instant now) {
        return moment != null && moment.toInstant().isAfter(now);
    }

    private static Map<String, String> asStrings(JsonNode claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        claims.properties().forEach(claim -> {
            JsonNode value = claim.getValue();
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.asText()));
                strings.put(claim.getKey(), "[" + String.join(" ", items) + "]");
            } else {
                strings.put(claim.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        });
        return strings;
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        String scope = claims.getClaim("scope") instanceof String text ? text : "";
        return scope.isBlank() ? null : List.of(scope.trim().split("\\s+"));
    }
}
