package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.SamTemplate;
import org.junit.jupiter.api.Test;

/**
 * The emulated hosted sign-in as the admin pages' code meets it: the template's app client and
 * callback URL, a code only for the PKCE verifier of its challenge and only once, no tokens
 * without MFA, and an ID token the API's authorizer accepts with the account's groups.
 */
class HostedSignInTest {

    static final String ORIGIN = "http://localhost:3000";
    static final String CALLBACK = ORIGIN + "/intern/";
    static final String VERIFIER = "a-verifier-of-at-least-forty-three-characters-0123456789";
    static final Instant NOW = Instant.parse("2027-01-12T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SamTemplate template = SamTemplate.load(Map.of("SiteOrigin", ORIGIN));
    private final JwtAuthorizer.Config config = JwtAuthorizer.configs(template).get("AdminJwt");
    private final LocalTokenIssuer issuer = new LocalTokenIssuer(CLOCK);
    private final HostedSignIn signIn = new HostedSignIn(HostedSignIn.Client.from(template), config, issuer, ORIGIN, CLOCK);
    private final String clientId = HostedSignIn.Client.from(template).id();

    private Map<String, String> authorizeParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", CALLBACK);
        parameters.put("scope", "openid email profile");
        parameters.put("state", "state-123");
        parameters.put("code_challenge", HostedSignIn.challengeOf(VERIFIER));
        parameters.put("code_challenge_method", "S256");
        return parameters;
    }

    private LocalResponse get(String path, Map<String, String> query, String cookie) {
        Map<String, List<String>> headers = cookie == null ? Map.of() : Map.of("Cookie", List.of(cookie));
        return signIn.handle(new IncomingRequest("GET", path, encode(query), headers, new byte[0], "127.0.0.1")).orElseThrow();
    }

    private LocalResponse post(String path, Map<String, String> form) {
        return signIn.handle(new IncomingRequest("POST", path, null, Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                encode(form).getBytes(StandardCharsets.UTF_8), "127.0.0.1")).orElseThrow();
    }

    private LocalResponse signInAs(String account, String mfa) {
        Map<String, String> form = authorizeParameters();
        form.put("account", account);
        form.put("mfa", mfa);
        form.put("validity", "PT1H");
        return post(HostedSignIn.AUTHORIZE, form);
    }

    private static Map<String, String> redirectQuery(LocalResponse response) {
        assertThat(response.status()).isEqualTo(302);
        return HttpApiEvent.queryParameters(URI.create(response.headers().get("location").getFirst()).getRawQuery());
    }

    private LocalResponse exchange(String code, String verifier) {
        return post(HostedSignIn.TOKEN, Map.of("grant_type", "authorization_code", "client_id", clientId, "code", code,
                "redirect_uri", CALLBACK, "code_verifier", verifier));
    }

    private static Map<String, Object> json(LocalResponse response) throws IOException {
        return Json.MAPPER.readValue(response.body(), new TypeReference<>() {});
    }

    private static String body(LocalResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Test
    void theSitesSettingsNameTheEmulatedSignInAndTheTemplatesAppClient() throws IOException {
        Map<String, Object> settings = json(get(HostedSignIn.SITE_CONFIG, Map.of(), null));

        assertThat(settings).containsEntry("signInUrl", ORIGIN + HostedSignIn.PATH).containsEntry("clientId", "AdminUserPoolClient");
    }

    @Test
    void aJurorSignsInWithACodeAndGetsAnIdTokenTheApisAuthorizerAccepts() throws IOException {
        LocalResponse page = get(HostedSignIn.AUTHORIZE, authorizeParameters(), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(body(page)).contains("jurylid1@nov.nl", "Code uit je authenticator-app");

        Map<String, String> back = redirectQuery(signInAs("jurylid-1", "123456"));
        assertThat(back).containsEntry("state", "state-123").containsKey("code");
        LocalResponse tokens = exchange(back.get("code"), VERIFIER);

        assertThat(tokens.status()).isEqualTo(200);
        String idToken = (String) json(tokens).get("id_token");
        JwtAuthorizer.Result verdict = new JwtAuthorizer(config, issuer.publicKey(), CLOCK).authorize("Bearer " + idToken);
        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.claims()).containsEntry("email", "jurylid1@nov.nl").containsEntry("cognito:groups", "[jury]")
                .containsEntry("sub", LocalAccount.byId("jurylid-1").orElseThrow().sub());
    }

    @Test
    void aCodeIsGivenOnlyForItsVerifierAndOnlyOnce() {
        String code = redirectQuery(signInAs("beheerder", "654321")).get("code");

        assertThat(body(exchange(code, "another-verifier-of-at-least-forty-three-characters-xyz"))).contains("invalid_grant");
        // The failed attempt used the code up, as a stolen code must not be tried again and again.
        assertThat(body(exchange(code, VERIFIER))).contains("invalid_grant");

        String fresh = redirectQuery(signInAs("beheerder", "654321")).get("code");
        assertThat(exchange(fresh, VERIFIER).status()).isEqualTo(200);
        assertThat(body(exchange(fresh, VERIFIER))).as("used twice").contains("invalid_grant");
    }

    @Test
    void anAccountWithoutMfaGetsNoCodeAndStaysOnTheSignIn() {
        LocalResponse answer = signInAs("zonder-mfa", "123456");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers()).doesNotContainKey("location");
        assertThat(body(answer)).contains("geen authenticator-app gekoppeld");
        assertThat(body(signInAs("beheerder", "12"))).contains("Vul de 6 cijfers");
    }

    @Test
    void aCallbackOutsideTheTemplateOrASignInWithoutPkceIsRefused() {
        Map<String, String> elsewhere = authorizeParameters();
        elsewhere.put("redirect_uri", "https://evil.example/intern/");
        Map<String, String> noPkce = authorizeParameters();
        noPkce.remove("code_challenge");

        assertThat(get(HostedSignIn.AUTHORIZE, elsewhere, null).status()).isEqualTo(400);
        assertThat(body(get(HostedSignIn.AUTHORIZE, noPkce, null))).contains("PKCE");
    }

    @Test
    void theBrowsersSessionSkipsThePageUntilSignOutEndsIt() {
        LocalResponse signedIn = signInAs("beheerder", "123456");
        String cookie = signedIn.headers().get("set-cookie").getFirst().split(";")[0];

        assertThat(redirectQuery(get(HostedSignIn.AUTHORIZE, authorizeParameters(), cookie))).containsKey("code");

        LocalResponse out = get(HostedSignIn.LOGOUT, Map.of("client_id", clientId, "logout_uri", ORIGIN + "/intern/afgemeld.html"), cookie);
        assertThat(out.headers().get("location")).containsExactly(ORIGIN + "/intern/afgemeld.html");
        assertThat(get(HostedSignIn.AUTHORIZE, authorizeParameters(), cookie).status()).as("the page again").isEqualTo(200);
    }
}
