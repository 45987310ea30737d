package nl.mensenmakennederland.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.SamTemplate;

/**
 * The HttpApi JWT authorizer of template.yaml, checking what API Gateway checks: an RS256
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
    private final PublicKey key;
    private final Clock clock;

    JwtAuthorizer(Config config, PublicKey key, Clock clock) {
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
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Result.refused("not a JWT");
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | IOException e) {
            return Result.refused("not a JWT");
        }
        if (header == null || claims == null || !claims.isObject()) {
            return Result.refused("not a JWT");
        }
        if (!"RS256".equals(header.path("alg").asText()) || !LocalTokenIssuer.KEY_ID.equals(header.path("kid").asText())) {
            return Result.refused("unknown signing key or algorithm");
        }
        if (!signatureValid(parts)) {
            return Result.refused("bad signature");
        }
        if (!config.issuer().equals(claims.path("iss").asText())) {
            return Result.refused("wrong issuer");
        }
        if (!audienceMatches(claims)) {
            return Result.refused("wrong audience");
        }
        long now = clock.instant().getEpochSecond();
        if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() <= now) {
            return Result.refused("expired");
        }
        if (claims.path("nbf").asLong(0) > now || claims.path("iat").asLong(0) > now) {
            return Result.refused("not valid yet");
        }
        return new Result(asStrings(claims), scopes(claims), null);
    }

    private boolean signatureValid(String[] parts) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private boolean audienceMatches(JsonNode claims) {
        List<String> presented = new ArrayList<>();
        JsonNode aud = claims.path("aud");
        if (aud.isArray()) {
            aud.forEach(a -> presented.add(a.asText()));
        } else if (aud.isTextual()) {
            presented.add(aud.asText());
        }
        if (claims.path("client_id").isTextual()) {
            presented.add(claims.get("client_id").asText());
        }
        return presented.stream().anyMatch(config.audiences()::contains);
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

    private static List<String> scopes(JsonNode claims) {
        String scope = claims.path("scope").asText("");
        return scope.isBlank() ? null : List.of(scope.trim().split("\\s+"));
    }
}
