package nl.mensenmakennederland.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.Log;

/**
 * The HTTP API of template.yaml: picks the route, lets its JWT authorizer decide, builds the
 * payload 2.0 event, invokes the function in-process and maps its result back to HTTP as API
 * Gateway does (a function error becomes 500 {"message":"Internal Server Error"}).
 */
final class ApiGateway {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpApiRoutes routes;
    private final Map<String, JwtAuthorizer> authorizers;
    private final Map<String, LocalFunction> functions;
    private final Clock clock;

    ApiGateway(HttpApiRoutes routes, Map<String, JwtAuthorizer> authorizers, Map<String, LocalFunction> functions,
               Clock clock) {
        this.routes = routes;
        this.authorizers = authorizers;
        this.functions = functions;
        this.clock = clock;
        for (HttpApiRoutes.Route route : routes.all()) {
            if (route.authorizer() != null && !authorizers.containsKey(route.authorizer())) {
                throw new IllegalStateException(route.routeKey() + " names unknown authorizer " + route.authorizer());
            }
        }
    }

    /** The response of the route this request matches; empty when no route of the template does. */
    Optional<LocalResponse> handle(IncomingRequest request) {
        Optional<HttpApiRoutes.Match> found = routes.match(request.method(), request.rawPath());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        HttpApiRoutes.Match match = found.get();
        String requestId = requestId();
        long started = System.nanoTime();
        JwtAuthorizer.Result authorization = null;
        if (match.route().authorizer() != null) {
            authorization = authorizers.get(match.route().authorizer()).authorize(request.header("authorization"));
            if (!authorization.allowed()) {
                Log.info("local.request.unauthorized", "route", match.route().routeKey(), "reason", authorization.refusal());
                return Optional.of(withRequestId(unauthorized(), requestId));
            }
        }
        Instant now = clock.instant();
        String event = Json.write(HttpApiEvent.build(request, match, authorization, requestId, now));
        LocalResponse response;
        try {
            response = toHttp(functions.get(match.route().functionId()).invoke(event));
        } catch (RuntimeException error) {
            Log.error("local.function.failed", error, "function", match.route().functionId());
            response = LocalResponse.of(500, "application/json", "{\"message\":\"Internal Server Error\"}");
        }
        Log.info("local.request", "route", match.route().routeKey(), "status", response.status(),
                "ms", (System.nanoTime() - started) / 1_000_000);
        return Optional.of(withRequestId(response, requestId));
    }

    /** Payload 2.0 response mapping; a result without statusCode is a 200 JSON body, as in AWS. */
    static LocalResponse toHttp(String resultJson) {
        JsonNode result;
        try {
            result = Json.MAPPER.readTree(resultJson);
        } catch (IOException e) {
            throw new IllegalStateException("Function returned no JSON", e);
        }
        if (result == null || !result.isObject() || !result.has("statusCode")) {
            return LocalResponse.of(200, "application/json", resultJson);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        result.path("headers").properties().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>())
                .add(h.getValue().asText()));
        result.path("multiValueHeaders").properties().forEach(h -> h.getValue().forEach(v ->
                headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(v.asText())));
        result.path("cookies").forEach(c -> headers.computeIfAbsent("set-cookie", k -> new ArrayList<>()).add(c.asText()));
        String body = result.path("body").isNull() || result.path("body").isMissingNode() ? "" : result.get("body").asText();
        byte[] bytes = result.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new LocalResponse(result.get("statusCode").asInt(), headers, bytes);
    }

    private static LocalResponse unauthorized() {
        LocalResponse response = LocalResponse.of(401, "application/json", "{\"message\":\"Unauthorized\"}");
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
        headers.put("www-authenticate", List.of("Bearer"));
        return new LocalResponse(401, headers, response.body());
    }

    private static LocalResponse withRequestId(LocalResponse response, String requestId) {
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
        headers.put("apigw-requestid", List.of(requestId));
        return new LocalResponse(response.status(), headers, response.body());
    }

    private static String requestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
