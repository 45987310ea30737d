package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.testing.SamTemplate;
import org.junit.jupiter.api.Test;

/** The admin routes' gate: only a token the local issuer signed, for this API, and still valid. */
class JwtAuthorizerTest {

    static final Instant NOW = Instant.parse("2027-01-12T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final JwtAuthorizer.Config config = JwtAuthorizer.configs(SamTemplate.load()).get("AdminJwt");
    private final LocalTokenIssuer issuer = new LocalTokenIssuer(CLOCK);
    private final JwtAuthorizer authorizer = new JwtAuthorizer(config, issuer.publicKey(), CLOCK);

    private Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", config.issuer());
        claims.put("aud", config.audiences().getFirst());
        claims.put("cognito:groups", List.of("admins"));
        claims.put("iat", NOW.getEpochSecond() - 60);
        claims.put("exp", NOW.getEpochSecond() + 3600);
        return claims;
    }

    private String refusal(String authorization) {
        return authorizer.authorize(authorization).refusal();
    }

    @Test
    void theTemplatesAuthorizerIsReadWithIssuerAndAudienceResolved() {
        assertThat(config.issuer()).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/AdminUserPool");
        assertThat(config.audiences()).containsExactly("AdminUserPoolClient");
    }

    @Test
    void thePrintedAdminTokenIsAcceptedAndItsClaimsReadAsApiGatewayPassesThem() {
        String token = issuer.issue(config, List.of("admins"), Duration.ofHours(12));

        JwtAuthorizer.Result result = authorizer.authorize("Bearer " + token);

        assertThat(result.allowed()).isTrue();
        assertThat(result.claims()).containsEntry("cognito:groups", "[admins]").containsEntry("iss", config.issuer())
                .containsKey("exp");
        assertThat(authorizer.authorize(token).allowed()).as("without the Bearer prefix").isTrue();
    }

    @Test
    void aMissingOrMalformedTokenIsRefused() {
        assertThat(refusal(null)).isEqualTo("no token");
        assertThat(refusal("")).isEqualTo("no token");
        assertThat(refusal("Bearer abc")).isEqualTo("not a JWT");
        assertThat(refusal("Bearer a.b.c")).isEqualTo("not a JWT");
    }

    @Test
    void anExpiredTokenIsRefused() {
        Map<String, Object> claims = claims();
        claims.put("exp", NOW.getEpochSecond() - 1);
        assertThat(refusal(issuer.sign(claims))).isEqualTo("expired");

        claims.remove("exp");
        assertThat(refusal(issuer.sign(claims))).as("no expiry at all").isEqualTo("expired");
    }

    @Test
    void aTokenNotValidYetIsRefused() {
        Map<String, Object> claims = claims();
        claims.put("nbf", NOW.getEpochSecond() + 600);
        assertThat(refusal(issuer.sign(claims))).isEqualTo("not valid yet");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = issuer.sign(claims());
        String[] parts = token.split("\\.");
        Map<String, Object> promoted = claims();
        promoted.put("exp", NOW.getEpochSecond() + 999_999);
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                nl.mensenmakennederland.shared.Json.write(promoted).getBytes(StandardCharsets.UTF_8));

        assertThat(refusal(parts[0] + "." + forgedPayload + "." + parts[2])).isEqualTo("bad signature");
        assertThat(refusal(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20) + "AAAA" + parts[2].substring(24)))
                .isEqualTo("bad signature");
    }

    @Test
    void aTokenSignedByAnotherKeyOrWithoutSignatureIsRefused() {
        LocalTokenIssuer stranger = new LocalTokenIssuer(CLOCK);
        assertThat(refusal(stranger.sign(claims()))).isEqualTo("bad signature");

        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = issuer.sign(claims()).split("\\.")[1];
        assertThat(refusal(none + "." + payload + ".")).isEqualTo("unknown signing key or algorithm");
    }

    @Test
    void aTokenForAnotherIssuerOrAudienceIsRefused() {
        Map<String, Object> otherIssuer = claims();
        otherIssuer.put("iss", "https://cognito-idp.eu-west-1.amazonaws.com/SomeOtherPool");
        assertThat(refusal(issuer.sign(otherIssuer))).isEqualTo("wrong issuer");

        Map<String, Object> otherAudience = claims();
        otherAudience.put("aud", "SomeOtherClient");
        assertThat(refusal(issuer.sign(otherAudience))).isEqualTo("wrong audience");
    }

    @Test
    void aCognitoAccessTokenNamesItsAudienceAsClientId() {
        Map<String, Object> access = claims();
        access.remove("aud");
        access.put("client_id", config.audiences().getFirst());
        access.put("scope", "aws.cognito.signin.user.admin");

        JwtAuthorizer.Result result = authorizer.authorize(issuer.sign(access));

        assertThat(result.allowed()).isTrue();
        assertThat(result.scopes()).containsExactly("aws.cognito.signin.user.admin");
    }

    @Test
    void aValidTokenOfANonAdminPassesTheGateWithItsGroupsForTheHandlerToCheck() {
        Map<String, Object> volunteer = claims();
        volunteer.put("cognito:groups", List.of("jury", "vrijwilligers"));

        JwtAuthorizer.Result result = authorizer.authorize(issuer.sign(volunteer));

        assertThat(result.allowed()).isTrue();
        assertThat(result.claims()).containsEntry("cognito:groups", "[jury vrijwilligers]");
    }
}
