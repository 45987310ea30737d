package nl.mensenmakennederland.local;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.Json;

/**
 * {@code GET /_local/token?groups=admins,jury}: a fresh token from the local issuer, for trying
 * the admin routes as someone in other groups (or in none) and for a new one after the printed
 * admin token expired. Same-origin only: it sends no CORS headers.
 */
final class TokenEndpoint {

    static final String PATH = "/_local/token";

    private final LocalTokenIssuer issuer;
    private final Map<String, JwtAuthorizer> authorizers;

    TokenEndpoint(LocalTokenIssuer issuer, Map<String, JwtAuthorizer> authorizers) {
        this.issuer = issuer;
        this.authorizers = authorizers;
    }

    Optional<LocalResponse> get(String rawQuery) {
        if (authorizers.isEmpty()) {
            return Optional.empty();
        }
        String groups = HttpApiEvent.queryParameters(rawQuery).getOrDefault("groups", LocalTokenIssuer.ADMIN_GROUP);
        List<String> list = Arrays.stream(groups.split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList();
        JwtAuthorizer.Config config = authorizers.values().iterator().next().config();
        String token = issuer.issue(config, list, LocalRunner.ADMIN_TOKEN_VALIDITY);
        return Optional.of(LocalResponse.of(200, "application/json", Json.write(Map.of("token", token, "groups", list))));
    }
}
