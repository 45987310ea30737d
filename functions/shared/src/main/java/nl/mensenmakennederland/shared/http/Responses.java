package nl.mensenmakennederland.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;

/** HTTP API (payload v2) responses: JSON bodies and problem documents. */
public final class Responses {

    private Responses() {}

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("content-type", "application/json; charset=utf-8");
        headers.putIfAbsent("cache-control", "no-store");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(Json.write(body))
                .build();
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        Map<String, String> headers = new HashMap<>(problem.headers());
        headers.put("content-type", "application/problem+json; charset=utf-8");
        headers.put("cache-control", "no-store");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(problem.status())
                .withHeaders(headers)
                .withBody(Json.write(body))
                .build();
    }
}
