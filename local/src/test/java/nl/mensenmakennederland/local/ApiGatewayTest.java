package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.testing.SamTemplate;
import org.junit.jupiter.api.Test;

/** Route → authorizer → function → HTTP, with handlers of every shape, in-process. */
class ApiGatewayTest {

    private static final JwtAuthorizer.Config CONFIG = new JwtAuthorizer.Config("https://issuer.example", List.of("console"));
    private final LocalTokenIssuer issuer = new LocalTokenIssuer(Clock.systemUTC());
    private final ApiGateway gateway = new ApiGateway(
            new HttpApiRoutes(List.of(
                    new HttpApiRoutes.Route("POST", "/admin/echo", "Echo", "AdminJwt"),
                    new HttpApiRoutes.Route("GET", "/plain/{id}", "PlainMap", null),
                    new HttpApiRoutes.Route("GET", "/failing", "Failing", null))),
            Map.of("AdminJwt", new JwtAuthorizer(CONFIG, issuer.publicKey(), Clock.systemUTC())),
            Map.of("Echo", function("Echo", FixtureHandlers.Echo.class),
                    "PlainMap", function("PlainMap", FixtureHandlers.PlainMap.class),
                    "Failing", function("Failing", FixtureHandlers.Failing.class)),
            Clock.systemUTC());

    private static LocalFunction function(String name, Class<?> handler) {
        return LocalFunction.of(new SamTemplate.Function(name, handler.getName() + "::handleRequest", Map.of(), List.of()));
    }

    private LocalResponse call(String method, String path, Map<String, List<String>> headers) {
        return gateway.handle(new IncomingRequest(method, path, null, headers, new byte[0], "127.0.0.1")).orElseThrow();
    }

    private static String body(LocalResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aGuardedRouteRefusesARequestWithoutAValidToken() {
        LocalResponse missing = call("POST", "/admin/echo", Map.of());
        assertThat(missing.status()).isEqualTo(401);
        assertThat(body(missing)).isEqualTo("{\"message\":\"Unauthorized\"}");

        String expired = issuer.sign(Map.of("iss", CONFIG.issuer(), "aud", "console", "exp", 1));
        assertThat(call("POST", "/admin/echo", Map.of("Authorization", List.of("Bearer " + expired))).status()).isEqualTo(401);
    }

    @Test
    void aValidTokenReachesTheFunctionWithItsClaimsAndTheResponseIsMappedBack() {
        String token = issuer.issue(CONFIG, List.of("admins"), Duration.ofMinutes(5));

        LocalResponse response = call("POST", "/admin/echo", Map.of("Authorization", List.of("Bearer " + token)));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).containsEntry("x-route", List.of("POST /admin/echo"))
                .containsEntry("x-groups", List.of("[admins]"))
                .containsEntry("set-cookie", List.of("seen=1; HttpOnly"))
                .containsKey("apigw-requestid");
        assertThat(response.body()).containsExactly(1, 2, 3);
    }

    @Test
    void aResultWithoutStatusCodeIsA200JsonBody() {
        LocalResponse response = call("GET", "/plain/abc", Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).containsExactly("application/json");
        assertThat(body(response)).isEqualTo("{\"rawPath\":\"/plain/abc\"}");
    }

    @Test
    void aFunctionErrorIsApiGatewaysInternalServerError() {
        LocalResponse response = call("GET", "/failing", Map.of());

        assertThat(response.status()).isEqualTo(500);
        assertThat(body(response)).isEqualTo("{\"message\":\"Internal Server Error\"}").doesNotContain("broken");
    }

    @Test
    void noMatchingRouteLeavesTheRequestToTheSiteOrA404() {
        assertThat(gateway.handle(new IncomingRequest("GET", "/index.html", null, Map.of(), new byte[0], "127.0.0.1"))).isEmpty();
    }
}
