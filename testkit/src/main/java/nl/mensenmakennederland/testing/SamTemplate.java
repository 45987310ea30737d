package nl.mensenmakennederland.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * template.yaml as tests and the local runner read it: resources, functions with their
 * environment and event sources, HTTP routes. Intrinsics ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}) resolve to local names: a table is named after its logical id, a bucket
 * after its declared {@code BucketName}, a parameter takes its default unless overridden.
 */
public final class SamTemplate {

    public static final String REGION = "eu-west-1";
    public static final String ACCOUNT = "123456789012";

    public record Resource(String logicalId, String type, Map<String, Object> properties) {}

    public record FunctionEvent(String name, String type, Map<String, Object> properties) {}

    public record Function(String logicalId, String handler, Map<String, String> environment,
                           List<FunctionEvent> events) {

        public String handlerClass() {
            int separator = handler.indexOf("::");
            return separator < 0 ? handler : handler.substring(0, separator);
        }
    }

    /** An HttpApi route, e.g. {@code GET /events/{id}}, with the function behind it. */
    public record Route(String method, String path, String functionId, boolean adminOnly) {

        public String routeKey() {
            return method + " " + path;
        }
    }

    private final Path file;
    private final Map<String, Object> root;
    private final Map<String, String> parameterOverrides;

    private SamTemplate(Path file, Map<String, Object> root, Map<String, String> parameterOverrides) {
        this.file = file;
        this.root = root;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
    }

    /** The template.yaml of this repository, found from the working directory upwards. */
    public static SamTemplate load() {
        return load(Map.of());
    }

    public static SamTemplate load(Map<String, String> parameterOverrides) {
        return load(RepositoryRoot.path().resolve("template.yaml"), parameterOverrides);
    }

    @SuppressWarnings("unchecked")
    public static SamTemplate load(Path file, Map<String, String> parameterOverrides) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Yaml yaml = new Yaml(new CloudFormationConstructor(new LoaderOptions()));
            return new SamTemplate(file, (Map<String, Object>) yaml.load(reader), parameterOverrides);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    public List<Resource> resources(String type) {
        List<Resource> found = new ArrayList<>();
        section("Resources").forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            if (type.equals(resource.get("Type"))) {
                found.add(new Resource(id, type, map(resource.getOrDefault("Properties", Map.of()))));
            }
        });
        return found;
    }

    public Resource resource(String logicalId) {
        Map<String, Object> resource = map(section("Resources").get(logicalId));
        if (resource.isEmpty()) {
            throw new IllegalArgumentException("No resource " + logicalId + " in " + file);
        }
        return new Resource(logicalId, (String) resource.get("Type"), map(resource.getOrDefault("Properties", Map.of())));
    }

    /** A resource's attribute beside its properties ({@code DeletionPolicy}, {@code UpdateReplacePolicy}), null when absent. */
    public Object attribute(String logicalId, String attribute) {
        return map(section("Resources").get(logicalId)).get(attribute);
    }

    /** A parameter's declaration ({@code Type}, {@code Default}, {@code AllowedPattern}, ...). */
    public Map<String, Object> parameterDeclaration(String name) {
        Map<String, Object> parameter = map(section("Parameters").get(name));
        if (parameter.isEmpty()) {
            throw new IllegalArgumentException("No parameter " + name);
        }
        return parameter;
    }

    /** Every function with its Globals merged in and its environment resolved to local names. */
    public List<Function> functions() {
        Map<String, Object> globals = map(map(section("Globals").get("Function")));
        Map<String, Object> globalVariables = map(map(globals.get("Environment")).get("Variables"));
        List<Function> functions = new ArrayList<>();
        for (Resource resource : resources("AWS::Serverless::Function")) {
            Map<String, String> environment = new LinkedHashMap<>();
            Map<String, Object> variables = new LinkedHashMap<>(globalVariables);
            variables.putAll(map(map(resource.properties().get("Environment")).get("Variables")));
            variables.forEach((name, value) -> environment.put(name, String.valueOf(resolve(value))));
            List<FunctionEvent> events = new ArrayList<>();
            map(resource.properties().get("Events")).forEach((name, value) -> {
                Map<String, Object> event = map(value);
                events.add(new FunctionEvent(name, (String) event.get("Type"), map(event.get("Properties"))));
            });
            functions.add(new Function(resource.logicalId(), (String) resource.properties().get("Handler"),
                    environment, events));
        }
        return functions;
    }

    /**
     * A property of a function as SAM sees it: its own, else the one in {@code Globals}
     * (e.g. {@code CodeUri}, {@code MemorySize}, {@code Timeout}), resolved; null when neither sets it.
     */
    public Object functionProperty(String logicalId, String name) {
        Object own = resource(logicalId).properties().get(name);
        Object value = own != null ? own : map(section("Globals").get("Function")).get(name);
        return value == null ? null : resolve(value);
    }

    public Function function(String logicalId) {
        return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No function " + logicalId));
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Function function : functions()) {
            for (FunctionEvent event : function.events()) {
                if ("HttpApi".equals(event.type())) {
                    Map<String, Object> auth = map(event.properties().get("Auth"));
                    routes.add(new Route(
                            String.valueOf(event.properties().get("Method")).toUpperCase(java.util.Locale.ROOT),
                            String.valueOf(event.properties().get("Path")),
                            function.logicalId(),
                            auth.get("Authorizer") != null && !"NONE".equals(auth.get("Authorizer"))));
                }
            }
        }
        return routes;
    }

    /** The local physical name of a resource, as {@code !Ref} of it resolves here. */
    public String physicalName(String logicalId) {
        Resource resource = resource(logicalId);
        if ("AWS::S3::Bucket".equals(resource.type()) && resource.properties().containsKey("BucketName")) {
            return String.valueOf(resolve(resource.properties().get("BucketName")));
        }
        return logicalId;
    }

    public String parameter(String name) {
        if (parameterOverrides.containsKey(name)) {
            return parameterOverrides.get(name);
        }
        Map<String, Object> parameter = map(section("Parameters").get(name));
        if (parameter.isEmpty()) {
            throw new IllegalArgumentException("No parameter " + name);
        }
        return String.valueOf(parameter.get("Default"));
    }

    /** Resolves the intrinsic functions this template uses to local values. */
    public Object resolve(Object value) {
        if (value instanceof Map<?, ?> intrinsic && intrinsic.size() == 1) {
            Map.Entry<?, ?> entry = intrinsic.entrySet().iterator().next();
            switch (String.valueOf(entry.getKey())) {
                case "Ref" -> {
                    return ref(String.valueOf(entry.getValue()));
                }
                case "Fn::Sub" -> {
                    return sub(entry.getValue());
                }
                case "Fn::GetAtt" -> {
                    List<?> parts = entry.getValue() instanceof List<?> list ? list
                            : List.of(String.valueOf(entry.getValue()).split("\\.", 2));
                    return getAtt(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
                }
                default -> { }
            }
        }
        return value;
    }

    private String ref(String name) {
        return switch (name) {
            case "AWS::Region" -> REGION;
            case "AWS::AccountId" -> ACCOUNT;
            case "AWS::StackName" -> "mmn-local";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::Partition" -> "aws";
            default -> section("Parameters").containsKey(name) ? parameter(name) : physicalName(name);
        };
    }

    private String getAtt(String logicalId, String attribute) {
        return "arn:aws:local:" + REGION + ":" + ACCOUNT + ":" + physicalName(logicalId) + "/" + attribute;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private String sub(Object argument) {
        String text = argument instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(argument);
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            int dot = name.indexOf('.');
            String replacement = dot > 0 && !name.startsWith("AWS::")
                    ? getAtt(name.substring(0, dot), name.substring(dot + 1)) : ref(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private Map<String, Object> section(String name) {
        return map(root.get(name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Reads {@code !Ref x} as {@code {Ref: x}} and {@code !Sub s} as {@code {Fn::Sub: s}}, and so on. */
    private static final class CloudFormationConstructor extends SafeConstructor {

        CloudFormationConstructor(LoaderOptions options) {
            super(options);
            for (String function : List.of("Ref", "Sub", "GetAtt", "Join", "If", "Equals", "Not", "And", "Or",
                    "Select", "Split", "FindInMap", "ImportValue", "Base64", "Cidr", "GetAZs", "Condition")) {
                String key = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                yamlConstructors.put(new Tag("!" + function), new Intrinsic(key));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("Unexpected node " + node);
                };
                return Map.of(key, value);
            }
        }
    }
}
