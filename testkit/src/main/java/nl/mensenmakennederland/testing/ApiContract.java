package nl.mensenmakennederland.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP contract the website team reads, {@code docs/openapi.yaml}, applied to what the
 * handlers receive and answer. Every parameter, body and answer is checked against its schema
 * in the contract by networknt's JSON Schema validator in its OpenAPI 3.1 dialect; this class
 * only finds, in the contract, which schema applies to which part of an API Gateway event or
 * answer (route, parameter, media type, status).
 */
public final class ApiContract {

    private static final Path FILE = RepositoryRoot.path().resolve("docs/openapi.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNode DOCUMENT = read(FILE);
    /** The contract under a name of its own, so its {@code $ref}s resolve within it and nothing is fetched. */
    private static final String IRI = "https://api.mensenmakennederland.nl/openapi.json";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
            registry -> registry.schemas(Map.of(IRI, DOCUMENT.toString())));

    /** One route of the contract. */
    public record Operation(String method, String path) {

        public String routeKey() {
            return method + " " + path;
        }

        /** Where it stands in the contract, as a JSON pointer. */
        String pointer() {
            return "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT);
        }

        public boolean secured() {
            return at(pointer()).path("security").size() > 0;
        }
    }

    private ApiContract() {}

    public static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        DOCUMENT.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (List.of("get", "head", "put", "post", "delete", "patch").contains(entry.getKey())) {
                operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey()));
            }
        }));
        return operations;
    }

    /** The operation of a route key such as {@code POST /events/{id}/registrations}, if the contract has it. */
    public static Optional<Operation> operation(String routeKey) {
        return operations().stream().filter(o -> o.routeKey().equals(routeKey)).findFirst();
    }

    /** What in the request breaks the contract; empty when it keeps it. */
    public static List<String> requestViolations(APIGatewayV2HTTPEvent event) {
        Operation operation = requiredOperation(event.getRouteKey());
        List<String> violations = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        String pathItem = "/paths/" + escape(operation.path());
        for (String owner : List.of(pathItem, operation.pointer())) {
            for (int i = 0; i < at(owner).path("parameters").size(); i++) {
                parameters.add(follow(owner + "/parameters/" + i));
            }
        }
        for (String pointer : parameters) {
            JsonNode parameter = at(pointer);
            String name = parameter.path("name").asText();
            String value = switch (parameter.path("in").asText()) {
                case "path" -> get(event.getPathParameters(), name);
                case "query" -> get(event.getQueryStringParameters(), name);
                case "header" -> header(event.getHeaders(), name);
                default -> null;
            };
            String where = parameter.path("in").asText() + " parameter " + name;
            if (value == null) {
                if (parameter.path("required").asBoolean(false)) {
                    violations.add(where + " is missing");
                }
            } else {
                violations.addAll(check(where, pointer + "/schema", scalar(value, parameter.path("schema"))));
            }
        }
        String bodyPointer = follow(operation.pointer() + "/requestBody");
        JsonNode body = at(bodyPointer);
        if (!body.isMissingNode()) {
            String mediaType = mediaType(header(event.getHeaders(), "content-type"));
            if (event.getBody() == null || event.getBody().isEmpty()) {
                if (body.path("required").asBoolean(false)) {
                    violations.add("the body is missing");
                }
            } else if (mediaType == null || !body.path("content").has(mediaType)) {
                violations.add("the body's media type " + mediaType + " is not one of " + names(body.path("content")));
            } else {
                violations.addAll(check("the body", bodyPointer + "/content/" + escape(mediaType) + "/schema", json(event.getBody())));
            }
        }
        return violations;
    }

    /** What in the answer breaks the contract of the event's route; empty when it keeps it. */
    public static List<String> responseViolations(APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response) {
        Operation operation = requiredOperation(event.getRouteKey());
        String status = Integer.toString(response.getStatusCode());
        if (at(operation.pointer() + "/responses/" + status).isMissingNode()) {
            return List.of("status " + status + " is not an answer of " + operation.routeKey() + " in the contract");
        }
        String answerPointer = follow(operation.pointer() + "/responses/" + status);
        JsonNode answer = at(answerPointer);
        List<String> violations = new ArrayList<>();
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        answer.path("headers").properties().forEach(entry -> {
            String value = header(headers, entry.getKey());
            if (value == null) {
                if (entry.getValue().path("required").asBoolean(false)) {
                    violations.add("header " + entry.getKey() + " is missing");
                }
            } else {
                violations.addAll(check("header " + entry.getKey(), answerPointer + "/headers/" + escape(entry.getKey()) + "/schema",
                        scalar(value, entry.getValue().path("schema"))));
            }
        });
        if (answer.has("content")) {
            String mediaType = mediaType(header(headers, "content-type"));
            if (mediaType == null || !answer.path("content").has(mediaType)) {
                violations.add("media type " + mediaType + " is not one of " + names(answer.path("content")));
            } else if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
                violations.addAll(check("the body", answerPointer + "/content/" + escape(mediaType) + "/schema",
                        json(response.getBody())));
            }
        }
        return violations;
    }

    /**
     * What a handler test asks of every exchange: the answer keeps the contract, and a request
     * that breaks the contract is refused with a 4xx (never served, never a 5xx).
     */
    public static APIGatewayV2HTTPResponse assertKept(APIGatewayV2HTTPEvent event, APIGatewayV2HTTPResponse response) {
        assertThat(responseViolations(event, response))
                .as("answer %d to %s keeps docs/openapi.yaml", response.getStatusCode(), event.getRouteKey())
                .isEmpty();
        List<String> broken = requestViolations(event);
        if (!broken.isEmpty()) {
            assertThat(response.getStatusCode())
                    .as("%s breaks the contract (%s), so it must be refused", event.getRouteKey(), broken)
                    .isBetween(400, 499);
        }
        return response;
    }

    /** What a handler test calls instead of {@code handler.handleRequest(event, null)}: the answer, checked by {@link #assertKept}. */
    public static APIGatewayV2HTTPResponse call(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                                 APIGatewayV2HTTPEvent event) {
        return assertKept(event, handler.handleRequest(event, null));
    }

    private static Operation requiredOperation(String routeKey) {
        return operation(routeKey).orElseThrow(() -> new AssertionError(routeKey + " is not in docs/openapi.yaml"));
    }

    /** Validates {@code value} against the schema at {@code pointer} in the contract; its $refs resolve in the contract. */
    private static List<String> check(String what, String pointer, JsonNode value) {
        List<Error> errors = SCHEMAS.getSchema(SchemaLocation.of(IRI + "#" + pointer)).validate(value);
        return errors.stream().map(e -> what + " " + e).toList();
    }

    /** The pointer itself, or where its {@code $ref} leads. */
    private static String follow(String pointer) {
        JsonNode node = at(pointer);
        return node.has("$ref") ? node.get("$ref").asText().substring(1) : pointer;
    }

    private static JsonNode at(String pointer) {
        return DOCUMENT.at(pointer);
    }

    /** A parameter's text as the JSON value its schema speaks of (numbers stay numbers). */
    private static JsonNode scalar(String value, JsonNode schema) {
        String type = schema.has("$ref") ? at(schema.get("$ref").asText().substring(1)).path("type").asText("")
                : schema.path("type").asText("");
        if (type.equals("integer") || type.equals("number")) {
            try {
                return YAML.readTree(value).isNumber() ? YAML.readTree(value) : TextNode.valueOf(value);
            } catch (IOException notANumber) {
                return TextNode.valueOf(value);
            }
        }
        return TextNode.valueOf(value);
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body == null ? "null" : body);
        } catch (IOException notJson) {
            return TextNode.valueOf(body);
        }
    }

    private static String mediaType(String contentType) {
        return contentType == null ? null : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String get(Map<String, String> values, String name) {
        return values == null ? null : values.get(name);
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
