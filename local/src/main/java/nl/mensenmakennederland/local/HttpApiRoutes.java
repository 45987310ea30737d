package nl.mensenmakennederland.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.testing.SamTemplate;

/**
 * The HttpApi routes of template.yaml and how API Gateway picks one for a request: by method
 * ({@code ANY} matches all) and path template, {@code {name}} matching one segment and
 * {@code {name+}} the rest of the path; the most specific route wins. A request no route
 * matches is a 404, here as in AWS.
 */
final class HttpApiRoutes {

    /** A route with the authorizer that guards it ({@code null}: open to all). */
    record Route(String method, String path, String functionId, String authorizer) {

        String routeKey() {
            return method + " " + path;
        }

        List<String> segments() {
            return List.of(path.substring(1).split("/", -1));
        }

        /** More literal segments first, then more parameters, greedy parameters last. */
        int specificity() {
            int score = 0;
            for (String segment : segments()) {
                score += segment.endsWith("+}") ? 0 : segment.startsWith("{") ? 10 : 1000;
            }
            return "ANY".equals(method) ? score : score + 1;
        }
    }

    record Match(Route route, Map<String, String> pathParameters) {}

    private final List<Route> routes;

    HttpApiRoutes(List<Route> routes) {
        this.routes = routes.stream().sorted(Comparator.comparingInt(Route::specificity).reversed()).toList();
    }

    static HttpApiRoutes from(SamTemplate template) {
        List<Route> routes = new ArrayList<>();
        for (SamTemplate.Function function : template.functions()) {
            for (SamTemplate.FunctionEvent event : function.events()) {
                if ("HttpApi".equals(event.type())) {
                    Map<String, Object> p = event.properties();
                    routes.add(new Route(String.valueOf(p.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT),
                            String.valueOf(p.get("Path")), function.logicalId(), authorizer(template, p)));
                }
            }
        }
        return new HttpApiRoutes(routes);
    }

    List<Route> all() {
        return routes;
    }

    Optional<Match> match(String method, String rawPath) {
        String[] request = rawPath.substring(1).split("/", -1);
        for (Route route : routes) {
            if (!route.method().equals(method) && !"ANY".equals(route.method())) {
                continue;
            }
            Map<String, String> parameters = matchPath(route.segments(), request);
            if (parameters != null) {
                return Optional.of(new Match(route, parameters));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> matchPath(List<String> template, String[] request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String segment = template.get(i);
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= request.length) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 2),
                        decode(String.join("/", List.of(request).subList(i, request.length))));
                return parameters;
            }
            if (i >= request.length) {
                return null;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (request[i].isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 1), decode(request[i]));
            } else if (!segment.equals(request[i])) {
                return null;
            }
        }
        return template.size() == request.length ? parameters : null;
    }

    private static String decode(String segment) {
        // Path segments are percent-encoded; a '+' in a path is a plus, not a space.
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The event's {@code Auth.Authorizer}, else the API's {@code DefaultAuthorizer}; NONE means none. */
    private static String authorizer(SamTemplate template, Map<String, Object> event) {
        Object own = asMap(event.get("Auth")).get("Authorizer");
        Object chosen = own != null ? own : asMap(api(template, event).get("Auth")).get("DefaultAuthorizer");
        return chosen == null || "NONE".equals(chosen) ? null : String.valueOf(chosen);
    }

    /** The properties of the HttpApi resource an event names with {@code ApiId: !Ref X}. */
    static Map<String, Object> api(SamTemplate template, Map<String, Object> event) {
        Object apiId = event.get("ApiId");
        if (apiId instanceof Map<?, ?> ref && ref.get("Ref") != null) {
            return template.resource(String.valueOf(ref.get("Ref"))).properties();
        }
        return Map.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
