package nl.mensenmakennederland.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;

/**
 * A request to a route built in code, as API Gateway would deliver it, for SnapStart priming,
 * with the answer it must get:
 * {@code PrimingRequest.to("GET /events/{id}").pathParameter("id", "priming").expect(404)}.
 */
public final class PrimingRequest {

    private final String routeKey;
    private final Map<String, String> pathParameters = new HashMap<>();
    private final Map<String, String> query = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>(Map.of("accept", "application/json"));
    private String body;
    private String group;
    private int expectedStatus = 200;

    private PrimingRequest(String routeKey) {
        this.routeKey = routeKey;
    }

    /** A request to the route {@code METHOD /path/{parameter}}. */
    public static PrimingRequest to(String routeKey) {
        return new PrimingRequest(routeKey);
    }

    public PrimingRequest pathParameter(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public PrimingRequest query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public PrimingRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** As an admin signed in through the API's JWT authorizer ({@code cognito:groups} holds {@code admins}). */
    public PrimingRequest asAdmin() {
        return asMemberOf(Caller.ADMINS);
    }

    /** As a signed-in member of {@code group} ({@link Caller#JURY}, say). */
    public PrimingRequest asMemberOf(String group) {
        this.group = group;
        return this;
    }

    public PrimingRequest jsonBody(String json) {
        headers.put("content-type", "application/json");
        this.body = json;
        return this;
    }

    /**
     * The status the route must answer (200 unless stated). Another answer means priming warmed
     * a path no real request takes, or a route that is broken: priming logs it, PrimingTest fails on it.
     */
    public PrimingRequest expect(int status) {
        this.expectedStatus = status;
        return this;
    }

    public String routeKey() {
        return routeKey;
    }

    public int expectedStatus() {
        return expectedStatus;
    }

    /** What a priming request was answered, beside what it should have been. */
    public record Answer(String routeKey, int expected, int status) {

        public boolean asExpected() {
            return status == expected;
        }
    }

    /** The event as Lambda hands it to the function: JSON. */
    public byte[] json() {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString(String.join("&", query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()))
                .withHeaders(headers)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withStage("$default")
                        .withRequestId("priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withProtocol("HTTP/1.1").build())
                        .withAuthorizer(group == null ? null : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", "priming", "cognito:groups", "[" + group + "]")).build())
                                .build())
                        .build())
                .build();
        return Json.write(event).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
