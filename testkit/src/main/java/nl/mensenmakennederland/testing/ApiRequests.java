package nl.mensenmakennederland.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** HTTP API (payload v2) events as API Gateway builds them, for handler tests. */
public final class ApiRequests {

    private ApiRequests() {}

    public static APIGatewayV2HTTPEvent get(String routeKey, String path, Map<String, String> pathParameters,
                                            Map<String, String> query) {
        return request(routeKey, path, pathParameters, query, Map.of(), null);
    }

    public static APIGatewayV2HTTPEvent request(String routeKey, String path, Map<String, String> pathParameters,
                                                Map<String, String> query, Map<String, String> headers, String body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        Map<String, String> allHeaders = new HashMap<>(headers);
        allHeaders.putIfAbsent("user-agent", "Mozilla/5.0 (test)");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withHeaders(allHeaders)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withRequestId("test-request")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withSourceIp("192.0.2.10").build())
                        .build())
                .build();
    }

    /** The event as API Gateway passes it after its JWT authorizer accepted a token with these groups. */
    public static APIGatewayV2HTTPEvent withJwtGroups(APIGatewayV2HTTPEvent event, String groups) {
        event.getRequestContext().setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                        .withClaims(Map.of("sub", "5f1c2d3e-admin", "cognito:groups", groups))
                        .withScopes(java.util.List.of())
                        .build())
                .build());
        return event;
    }

    /** The event as API Gateway passes it for a signed-in Cognito user: their {@code sub}, email and groups ({@code [jury]}). */
    public static APIGatewayV2HTTPEvent signedIn(APIGatewayV2HTTPEvent event, String sub, String email, String groups) {
        event.getRequestContext().setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                        .withClaims(Map.of("sub", sub, "email", email, "cognito:groups", groups))
                        .withScopes(java.util.List.of())
                        .build())
                .build());
        return event;
    }

    public static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return Jackson.MAPPER.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
