package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import org.junit.jupiter.api.Test;

/** The payload 2.0 event as API Gateway builds it, read back through the Lambda runtime's serialiser. */
class HttpApiEventTest {

    private static final HttpApiRoutes.Match ROUTE = new HttpApiRoutes.Match(
            new HttpApiRoutes.Route("POST", "/events/{id}/registrations", "Register", null), Map.of("id", "kb-1"));

    private static APIGatewayV2HTTPEvent build(Map<String, List<String>> headers, String query, byte[] body,
                                               JwtAuthorizer.Result authorization) {
        IncomingRequest request = new IncomingRequest("POST", "/events/kb-1/registrations", query, headers, body, "127.0.0.1");
        String json = Json.write(HttpApiEvent.build(request, ROUTE, authorization, "req-1", Instant.parse("2027-01-12T09:00:00Z")));
        return JacksonFactory.getInstance().getSerializer(APIGatewayV2HTTPEvent.class).fromJson(json);
    }

    @Test
    void carriesRouteHeadersQueryAndRequestContextAsApiGatewayDoes() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Accept-Language", List.of("nl-NL", "en"));
        headers.put("Cookie", List.of("a=1; b=2"));
        headers.put("Host", List.of("localhost:3000"));

        APIGatewayV2HTTPEvent event = build(headers, "utm=mail&x=1&x=2&naam=Jan+de+Vries",
                "{\"name\":\"Jan\"}".getBytes(StandardCharsets.UTF_8), null);

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("POST /events/{id}/registrations");
        assertThat(event.getRawPath()).isEqualTo("/events/kb-1/registrations");
        assertThat(event.getPathParameters()).isEqualTo(Map.of("id", "kb-1"));
        assertThat(event.getHeaders()).containsEntry("content-type", "application/json")
                .containsEntry("accept-language", "nl-NL,en").doesNotContainKey("cookie").doesNotContainKey("Content-Type");
        assertThat(event.getCookies()).containsExactly("a=1", "b=2");
        assertThat(event.getQueryStringParameters()).containsEntry("x", "1,2").containsEntry("naam", "Jan de Vries");
        assertThat(event.getRawQueryString()).isEqualTo("utm=mail&x=1&x=2&naam=Jan+de+Vries");
        assertThat(event.getBody()).isEqualTo("{\"name\":\"Jan\"}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertThat(context.getHttp().getMethod()).isEqualTo("POST");
        assertThat(context.getHttp().getPath()).isEqualTo("/events/kb-1/registrations");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getRequestId()).isEqualTo("req-1");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getDomainName()).isEqualTo("localhost");
        assertThat(context.getTimeEpoch()).isEqualTo(Instant.parse("2027-01-12T09:00:00Z").toEpochMilli());
        assertThat(context.getAuthorizer()).isNull();
    }

    @Test
    void aBinaryBodyArrivesBase64Encoded() {
        byte[] video = {0, 0, 0, 24, 'f', 't', 'y', 'p'};
        APIGatewayV2HTTPEvent event = build(Map.of("content-type", List.of("video/mp4")), null, video, null);

        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(java.util.Base64.getDecoder().decode(event.getBody())).isEqualTo(video);
        assertThat(event.getQueryStringParameters()).isNull();
    }

    @Test
    void jwtClaimsArePassedAsStrings() {
        JwtAuthorizer.Result admin = new JwtAuthorizer.Result(Map.of("cognito:groups", "[admins]", "exp", "1800000000"), null, null);

        APIGatewayV2HTTPEvent event = build(Map.of(), null, new byte[0], admin);

        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("cognito:groups", "[admins]").containsEntry("exp", "1800000000");
        assertThat(event.getBody()).isNull();
    }

    @Test
    void textTypesStayText() {
        assertThat(HttpApiEvent.isText("application/json; charset=utf-8")).isTrue();
        assertThat(HttpApiEvent.isText("application/problem+json")).isTrue();
        assertThat(HttpApiEvent.isText("text/csv")).isTrue();
        assertThat(HttpApiEvent.isText("application/x-www-form-urlencoded")).isFalse();
        assertThat(HttpApiEvent.isText(null)).isFalse();
    }
}
