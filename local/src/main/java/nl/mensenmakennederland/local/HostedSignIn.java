package nl.mensenmakennederland.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nl.mensenmakennederland.shared.Html;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.SamTemplate;

/**
 * Stands in for the user pool's hosted sign-in, with the endpoints the admin pages use in AWS:
 * {@code /oauth2/authorize} (a page where one picks an account), {@code /oauth2/token} (the
 * authorization code and its PKCE verifier for an ID token) and {@code /logout}. The app
 * client's id, callback and sign-out URLs come from template.yaml, so the site's code is the same
 * here and deployed. Like the pool it gives no tokens to an account without MFA. Stricter than
 * Cognito in one way: a sign-in without PKCE (S256) is refused, so the site cannot drop it.
 */
final class HostedSignIn {

    static final String PATH = "/_local/cognito";
    static final String AUTHORIZE = PATH + "/oauth2/authorize";
    static final String TOKEN = PATH + "/oauth2/token";
    static final String LOGOUT = PATH + "/logout";
    /** The admin pages' sign-in settings; deployed, the same file is written from the stack's outputs. */
    static final String SITE_CONFIG = "/intern/config.json";

    /** Cognito's authorization codes are valid five minutes and used once. */
    static final Duration CODE_VALIDITY = Duration.ofMinutes(5);
    /** As IdTokenValidity in the template; the shorter one is for trying what an expired session does. */
    static final Map<String, Duration> VALIDITIES = Map.of("PT1H", Duration.ofHours(1), "PT5S", Duration.ofSeconds(5));
    private static final String SESSION_COOKIE = "mmn-local-signin";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The app client as the template declares it, with local values. */
    record Client(String id, List<String> callbackUrls, List<String> logoutUrls) {

        static Client from(SamTemplate template) {
            SamTemplate.Resource client = template.resources("AWS::Cognito::UserPoolClient").getFirst();
            return new Client(template.physicalName(client.logicalId()),
                    urls(template, client.properties().get("CallbackURLs")), urls(template, client.properties().get("LogoutURLs")));
        }

        private static List<String> urls(SamTemplate template, Object value) {
            return value instanceof List<?> list ? list.stream().map(u -> String.valueOf(template.resolve(u))).toList() : List.of();
        }
    }

    private record Grant(LocalAccount account, String redirectUri, String challenge, Duration validity,
                         Instant authTime, Instant expiresAt) {}

    private record Session(LocalAccount account, Duration validity, Instant authTime) {}

    private final Client client;
    private final JwtAuthorizer.Config audienceAndIssuer;
    private final LocalTokenIssuer issuer;
    private final String origin;
    private final Clock clock;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    HostedSignIn(Client client, JwtAuthorizer.Config audienceAndIssuer, LocalTokenIssuer issuer, String origin, Clock clock) {
        this.client = client;
        this.audienceAndIssuer = audienceAndIssuer;
        this.issuer = issuer;
        this.origin = origin;
        this.clock = clock;
    }

    Optional<LocalResponse> handle(IncomingRequest request) {
        String path = request.rawPath();
        boolean get = "GET".equals(request.method());
        boolean post = "POST".equals(request.method());
        if (get && path.equals(SITE_CONFIG)) {
            return Optional.of(LocalResponse.of(200, "application/json",
                    Json.write(Map.of("signInUrl", origin + PATH, "clientId", client.id()))));
        }
        if (get && path.equals(AUTHORIZE)) {
            return Optional.of(authorize(HttpApiEvent.queryParameters(request.rawQuery()), request.header("Cookie")));
        }
        if (post && path.equals(AUTHORIZE)) {
            return Optional.of(signIn(form(request)));
        }
        if (post && path.equals(TOKEN)) {
            return Optional.of(token(form(request)));
        }
        if (get && path.equals(LOGOUT)) {
            return Optional.of(logout(HttpApiEvent.queryParameters(request.rawQuery()), request.header("Cookie")));
        }
        return Optional.empty();
    }

    /** GET authorize: straight back with a code while the browser has a session, as Cognito does; else the page. */
    private LocalResponse authorize(Map<String, String> query, String cookies) {
        Optional<String> refused = refusal(query);
        if (refused.isPresent()) {
            return page(400, query, refused.get());
        }
        Session session = sessionOf(cookies).orElse(null);
        if (session != null && !"login".equals(query.get("prompt"))) {
            return redirectWithCode(query, session, null);
        }
        return page(200, query, null);
    }

    /** POST authorize: the page's form. */
    private LocalResponse signIn(Map<String, String> form) {
        Optional<String> refused = refusal(form);
        if (refused.isPresent()) {
            return page(400, form, refused.get());
        }
        Optional<LocalAccount> account = LocalAccount.byId(form.getOrDefault("account", ""));
        if (account.isEmpty()) {
            return page(200, form, "Kies een account.");
        }
        if (!account.get().mfa()) {
            return page(200, form, "Dit account heeft nog geen authenticator-app gekoppeld, en de gebruikerspool vereist MFA. "
                    + "In AWS vraagt Cognito nu om er een te koppelen; lokaal kan dat niet. Kies een ander account.");
        }
        if (!form.getOrDefault("mfa", "").matches("[0-9]{6}")) {
            return page(200, form, "Vul de 6 cijfers uit je authenticator-app in.");
        }
        Duration validity = VALIDITIES.getOrDefault(form.getOrDefault("validity", ""), Duration.ofHours(1));
        Session session = new Session(account.get(), validity, clock.instant());
        String cookie = randomToken();
        sessions.put(cookie, session);
        return redirectWithCode(form, session, SESSION_COOKIE + "=" + cookie + "; Path=" + PATH + "; HttpOnly; SameSite=Lax");
    }

    private LocalResponse redirectWithCode(Map<String, String> request, Session session, String setCookie) {
        String code = randomToken();
        codes.put(code, new Grant(session.account(), request.get("redirect_uri"), request.get("code_challenge"),
                session.validity(), session.authTime(), clock.instant().plus(CODE_VALIDITY)));
        Map<String, String> back = new LinkedHashMap<>();
        back.put("code", code);
        if (request.get("state") != null) {
            back.put("state", request.get("state"));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("location", List.of(request.get("redirect_uri") + "?" + encode(back)));
        headers.put("cache-control", List.of("no-store"));
        if (setCookie != null) {
            headers.put("set-cookie", List.of(setCookie));
        }
        return new LocalResponse(302, headers, new byte[0]);
    }

    /** What Cognito checks before it shows the sign-in: the client, its callback URL, and (here) PKCE. */
    private Optional<String> refusal(Map<String, String> request) {
        if (!"code".equals(request.get("response_type"))) {
            return Optional.of("response_type moet 'code' zijn: de app client staat alleen de authorization code grant toe.");
        }
        if (!client.id().equals(request.get("client_id"))) {
            return Optional.of("Onbekende client_id.");
        }
        if (!client.callbackUrls().contains(request.get("redirect_uri"))) {
            return Optional.of("redirect_uri staat niet bij de CallbackURLs van de app client in template.yaml: " + client.callbackUrls());
        }
        if (!"S256".equals(request.get("code_challenge_method")) || request.getOrDefault("code_challenge", "").length() < 43) {
            return Optional.of("Zonder PKCE (code_challenge met code_challenge_method=S256) geeft deze aanmelding geen code.");
        }
        if (!List.of(request.getOrDefault("scope", "").split(" ")).contains("openid")) {
            return Optional.of("De scope moet openid bevatten, anders komt er geen ID-token.");
        }
        return Optional.empty();
    }

    /** The token endpoint: a code once, for the client and redirect it was given to, with the verifier of its challenge. */
    private LocalResponse token(Map<String, String> form) {
        if (!"authorization_code".equals(form.get("grant_type"))) {
            return oauthError("unsupported_grant_type");
        }
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null || grant.expiresAt().isBefore(clock.instant())
                || !client.id().equals(form.get("client_id")) || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.challenge().equals(challengeOf(form.getOrDefault("code_verifier", "")))) {
            return oauthError("invalid_grant");
        }
        String idToken = issuer.issue(audienceAndIssuer, grant.account(), grant.authTime(), grant.validity());
        return new LocalResponse(200, Map.of("content-type", List.of("application/json"), "cache-control", List.of("no-store")),
                Json.write(Map.of("id_token", idToken, "token_type", "Bearer", "expires_in", grant.validity().toSeconds()))
                        .getBytes(StandardCharsets.UTF_8));
    }

    private LocalResponse logout(Map<String, String> query, String cookies) {
        if (!client.id().equals(query.get("client_id")) || !client.logoutUrls().contains(query.get("logout_uri"))) {
            return page(400, query, "logout_uri staat niet bij de LogoutURLs van de app client in template.yaml: " + client.logoutUrls());
        }
        cookieValue(cookies).ifPresent(sessions::remove);
        return new LocalResponse(302, Map.of("location", List.of(query.get("logout_uri")),
                "set-cookie", List.of(SESSION_COOKIE + "=; Path=" + PATH + "; Max-Age=0; HttpOnly; SameSite=Lax")), new byte[0]);
    }

    private Optional<Session> sessionOf(String cookies) {
        return cookieValue(cookies).map(sessions::get);
    }

    private static Optional<String> cookieValue(String cookies) {
        if (cookies == null) {
            return Optional.empty();
        }
        for (String cookie : cookies.split(";")) {
            String[] pair = cookie.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals(SESSION_COOKIE) && !pair[1].isEmpty()) {
                return Optional.of(pair[1]);
            }
        }
        return Optional.empty();
    }

    /** RFC 7636 S256: BASE64URL(SHA-256(verifier)), without padding. */
    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No SHA-256 here", e);
        }
    }

    private static LocalResponse oauthError(String error) {
        return new LocalResponse(400, Map.of("content-type", List.of("application/json"), "cache-control", List.of("no-store")),
                Json.write(Map.of("error", error)).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(IncomingRequest request) {
        return HttpApiEvent.queryParameters(new String(request.body(), StandardCharsets.UTF_8));
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The sign-in page: the OAuth parameters carried along hidden, the accounts, the MFA code. */
    private LocalResponse page(int status, Map<String, String> request, String problem) {
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge",
                "code_challenge_method")) {
            if (request.get(name) != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(Html.escape(request.get(name))).append("\">");
            }
        }
        String chosen = request.getOrDefault("account", "beheerder");
        StringBuilder accounts = new StringBuilder();
        for (LocalAccount account : LocalAccount.ALL) {
            accounts.append("<div class=\"field check\"><input type=\"radio\" name=\"account\" id=\"account-").append(account.id())
                    .append("\" value=\"").append(account.id()).append('"').append(account.id().equals(chosen) ? " checked" : "")
                    .append("><label for=\"account-").append(account.id()).append("\">").append(Html.escape(account.email()))
                    .append(" <span class=\"hint\">").append(Html.escape(account.description())).append("</span></label></div>");
        }
        String alert = problem == null ? "" : "<div class=\"notice problem\" role=\"alert\"><h2>Inloggen lukt zo niet</h2><p>"
                + Html.escape(problem) + "</p></div>";
        String form = status != 200 ? "" : """
                <form method="post" action="%s" class="stacked">%s
                  <fieldset><legend>Account</legend>%s</fieldset>
                  <div class="field"><label for="mfa">Code uit je authenticator-app</label>
                    <p id="mfa-hint" class="hint">Lokaal is elke code van 6 cijfers goed.</p>
                    <input id="mfa" name="mfa" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" aria-describedby="mfa-hint"></div>
                  <fieldset class="choice"><legend>Sessie geldig</legend>
                    <div class="field check"><input type="radio" name="validity" id="validity-hour" value="PT1H" checked><label for="validity-hour">1 uur, zoals in AWS</label></div>
                    <div class="field check"><input type="radio" name="validity" id="validity-short" value="PT5S"><label for="validity-short">5 seconden, om een verlopen sessie te proberen</label></div>
                  </fieldset>
                  <button type="submit">Inloggen</button>
                </form>""".formatted(AUTHORIZE, hidden, accounts);
        String html = """
                <!doctype html>
                <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Inloggen (lokaal) · Mensen maken Nederland</title><link rel="stylesheet" href="/css/site.css"></head>
                <body><main class="page" id="inhoud"><h1>Inloggen voor beheer en jury</h1>
                <p class="lead">De lokale stand-in voor de inlogpagina van Cognito: kies wie je bent.</p>%s%s</main></body></html>
                """.formatted(alert, form);
        return new LocalResponse(status, Map.of("content-type", List.of("text/html; charset=utf-8"), "cache-control", List.of("no-store")),
                html.getBytes(StandardCharsets.UTF_8));
    }
}
