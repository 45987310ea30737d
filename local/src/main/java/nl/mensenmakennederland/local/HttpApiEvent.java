package nl.mensenmakennederland.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.SamTemplate;

/**
 * The HTTP API payload format 2.0 event API Gateway builds for a Lambda integration: header
 * names in lower case and repeated values joined by commas, cookies in their own list, query
 * parameters decoded (repeats joined by commas), path parameters of the route, a base64 body
 * unless it is text, and the request context with method, path, source IP and the JWT claims.
 */
final class HttpApiEvent {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpApiEvent() {}

    static ObjectNode build(IncomingRequest request, HttpApiRoutes.Match match, JwtAuthorizer.Result authorization,
                            String requestId, Instant now) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());

        Map<String, String> headers = new TreeMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> List.of(v.split(";\\s*")).forEach(c -> {
                    if (!c.isBlank()) {
                        cookies.add(c.trim());
                    }
                }));
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        if (!cookies.isEmpty()) {
            ArrayNode list = event.putArray("cookies");
            cookies.forEach(list::add);
        }
        event.set("headers", Json.MAPPER.valueToTree(headers));

        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            event.set("queryStringParameters", Json.MAPPER.valueToTree(query));
        }
        if (!match.pathParameters().isEmpty()) {
            event.set("pathParameters", Json.MAPPER.valueToTree(match.pathParameters()));
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", SamTemplate.ACCOUNT);
        context.put("apiId", "local");
        context.put("domainName", hostName(request.header("host")));
        context.put("domainPrefix", hostName(request.header("host")).split("\\.")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", requestId);
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (authorization != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            jwt.set("claims", Json.MAPPER.valueToTree(authorization.claims()));
            jwt.set("scopes", Json.MAPPER.valueToTree(authorization.scopes()));
        }

        byte[] body = request.body();
        if (body != null && body.length > 0) {
            boolean text = isText(headers.get("content-type"));
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** API Gateway passes these bodies as text; anything else (also a missing type) as base64. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript");
    }

    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String hostName(String host) {
        if (host == null || host.isBlank()) {
            return "localhost";
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
    }
}
