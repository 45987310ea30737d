package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.testing.SamTemplate;
import org.junit.jupiter.api.Test;

class HttpApiRoutesTest {

    private final HttpApiRoutes routes = new HttpApiRoutes(List.of(
            new HttpApiRoutes.Route("GET", "/events", "List", null),
            new HttpApiRoutes.Route("GET", "/events/{id}", "Get", null),
            new HttpApiRoutes.Route("GET", "/events/upcoming", "Upcoming", null),
            new HttpApiRoutes.Route("POST", "/events/{id}/registrations", "Register", null),
            new HttpApiRoutes.Route("ANY", "/admin/{proxy+}", "Admin", "AdminJwt")));

    private String function(String method, String path) {
        return routes.match(method, path).map(m -> m.route().functionId()).orElse("404");
    }

    @Test
    void picksTheRouteByMethodAndPathTemplate() {
        assertThat(function("GET", "/events")).isEqualTo("List");
        assertThat(function("GET", "/events/kb-1")).isEqualTo("Get");
        assertThat(function("POST", "/events/kb-1/registrations")).isEqualTo("Register");
    }

    @Test
    void aLiteralSegmentBeatsAParameter() {
        assertThat(function("GET", "/events/upcoming")).isEqualTo("Upcoming");
    }

    @Test
    void anythingElseMatchesNoRoute() {
        assertThat(function("POST", "/events")).isEqualTo("404");
        assertThat(function("GET", "/events/")).isEqualTo("404");
        assertThat(function("GET", "/events/a/b")).isEqualTo("404");
        assertThat(function("GET", "/Events")).isEqualTo("404");
        assertThat(function("GET", "/admin")).isEqualTo("404");
    }

    @Test
    void pathParametersAreDecodedAndAGreedyOneTakesTheRest() {
        assertThat(routes.match("GET", "/events/caf%C3%A9+1").orElseThrow().pathParameters()).isEqualTo(Map.of("id", "café+1"));
        HttpApiRoutes.Match admin = routes.match("DELETE", "/admin/events/kb-1").orElseThrow();
        assertThat(admin.route().functionId()).isEqualTo("Admin");
        assertThat(admin.pathParameters()).isEqualTo(Map.of("proxy", "events/kb-1"));
    }

    @Test
    void readsTheTemplatesRoutesWithTheirAuthorizers() {
        HttpApiRoutes fromTemplate = HttpApiRoutes.from(SamTemplate.load());

        assertThat(fromTemplate.all()).extracting(HttpApiRoutes.Route::routeKey).contains("GET /events", "GET /events/{id}");
        assertThat(fromTemplate.match("GET", "/events/x").orElseThrow().route().functionId()).isEqualTo("GetEventFunction");
        fromTemplate.all().stream().filter(r -> r.path().startsWith("/admin"))
                .forEach(r -> assertThat(r.authorizer()).as(r.routeKey()).isEqualTo("AdminJwt"));
    }
}
