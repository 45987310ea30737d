package nl.mensenmakennederland.shared.http;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sent a request, as the API's JWT authorizer passed the token's claims: the Cognito user's
 * {@code sub} (stable, never reused), a name to show beside their work, and their groups.
 */
public record Caller(String subject, String name, Set<String> groups) {

    /** Staff who run the campaign: events, exports, the prize ranking and decisions. */
    public static final String ADMINS = "admins";
    /** The prize jury: they see and score the submitted vlogs. */
    public static final String JURY = "jury";

    /** From the claims, or null when there are none (no token reached the function). */
    static Caller fromClaims(Map<String, String> claims) {
        if (claims == null || claims.isEmpty() || claims.get("sub") == null) {
            return null;
        }
        // API Gateway renders a list claim as "[admins jury]" or as a plain value.
        Set<String> groups = Arrays.stream(claims.getOrDefault("cognito:groups", "")
                        .replace("[", " ").replace("]", " ").replace(",", " ").trim().split("\\s+"))
                .filter(group -> !group.isEmpty()).collect(Collectors.toUnmodifiableSet());
        // An ID token names the user by email, an access token by username; either beats the bare sub.
        String name = claims.getOrDefault("email", claims.getOrDefault("cognito:username",
                claims.getOrDefault("username", claims.get("sub"))));
        return new Caller(claims.get("sub"), name, groups);
    }

    public boolean in(String group) {
        return groups.contains(group);
    }
}
