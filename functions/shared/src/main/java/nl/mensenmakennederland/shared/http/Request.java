package nl.mensenmakennederland.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.Json;

/** Read access to an HTTP API (payload v2) request, with the checks every JSON route needs. */
public final class Request {

    /** Largest JSON body any form sends; anything bigger is refused before parsing. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private final APIGatewayV2HTTPEvent event;

    public Request(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    public String routeKey() {
        return event.getRouteKey();
    }

    /** The HTTP method as the client sent it ({@code GET}, {@code HEAD}, ...). */
    public String method() {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context != null && context.getHttp() != null && context.getHttp().getMethod() != null) {
            return context.getHttp().getMethod();
        }
        String routeKey = routeKey();
        return routeKey == null || routeKey.indexOf(' ') < 0 ? "" : routeKey.substring(0, routeKey.indexOf(' '));
    }

    /**
     * The client's IP address as API Gateway saw it. Personal data: for keyed hashes computed
     * in memory only, never to be stored or logged.
     */
    public Optional<String> sourceIp() {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        return Optional.ofNullable(context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp());
    }

    public String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null || value.isBlank()) {
            throw Problem.badRequest("Parameter '" + name + "' ontbreekt in het adres.");
        }
        return value;
    }

    public Optional<String> query(String name) {
        Map<String, String> parameters = event.getQueryStringParameters();
        String value = parameters == null ? null : parameters.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(value);
    }

    /**
     * Lets only admins through: the API's JWT authorizer has checked the token; this checks its
     * claims again (defence in depth), answering 401 without a token and 403 without the group.
     */
    public Caller requireAdmin() {
        return requireAnyOf(Caller.ADMINS);
    }

    /**
     * The caller, if they belong to one of {@code groups}: 401 without a token, 403 otherwise.
     * The authorizer checks the token only; group membership is the function's to check.
     */
    public Caller requireAnyOf(String... groups) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = context == null ? null : context.getAuthorizer();
        Caller caller = Caller.fromClaims(authorizer == null || authorizer.getJwt() == null ? null : authorizer.getJwt().getClaims());
        if (caller == null) {
            throw new Problem(401, "Niet ingelogd", "Log in om dit te gebruiken.");
        }
        for (String group : groups) {
            if (caller.in(group)) {
                return caller;
            }
        }
        throw new Problem(403, "Geen toegang", groups.length == 1 && groups[0].equals(Caller.JURY)
                ? "Dit deel is alleen voor de jury." : groups.length == 1 ? "Dit deel is alleen voor beheerders."
                : "Dit deel is alleen voor de jury en beheerders.");
    }

    /** The body as a JSON object: 415 unless it is JSON, 413 when too large, 400 when malformed. */
    public JsonNode jsonBody() {
        String contentType = header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json")) {
            throw new Problem(415, "Verkeerd formaat", "Stuur de gegevens als application/json.");
        }
        byte[] body = bodyBytes();
        if (body.length > MAX_BODY_BYTES) {
            throw new Problem(413, "Te veel gegevens", "Het verzoek is groter dan " + MAX_BODY_BYTES / 1024 + " kB.");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw Problem.badRequest("Stuur een JSON-object.");
            }
            return node;
        } catch (JacksonException e) {
            throw Problem.badRequest("De gegevens zijn geen geldige JSON.");
        } catch (java.io.IOException e) {
            throw Problem.badRequest("De gegevens konden niet worden gelezen.");
        }
    }

    private byte[] bodyBytes() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        return event.getIsBase64Encoded() ? Base64.getMimeDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
