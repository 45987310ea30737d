package nl.mensenmakennederland.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * template.yaml as CloudFormation receives it after the {@code AWS::Serverless} transform,
 * made offline by {@code tools/sam_transform.py} with the SAM translator cfn-lint installs:
 * the roles SAM generates, policy templates and event-source permissions expanded. ARNs resolve
 * as in a stack of the template's defaults in {@link SamTemplate#ACCOUNT} and {@link SamTemplate#REGION}
 * (a table is named after its logical id), so a check compares real-looking ARNs, and a
 * malformed one (a missing {@code /}, a wrong index path) shows.
 */
public final class TransformedTemplate {

    /** One allowed action on one resource, with the statement's condition (compact JSON, empty for none). */
    public record Grant(String action, String resource, String condition) {
        @Override
        public String toString() {
            return action + " on " + resource + (condition.isEmpty() ? "" : " if " + condition);
        }
    }

    /** A function's execution role as deployed: inline grants (from every policy attached to it) and managed policy ARNs. */
    public record Role(String logicalId, JsonNode trustPolicy, Set<Grant> grants, List<String> managedPolicyArns,
                       List<String> problems) {}

    public static final String PARTITION = "aws";
    /** Stands in for the label DynamoDB gives a table's stream when it is enabled. */
    public static final String STREAM_LABEL = "2026-01-01T00:00:00.000";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static volatile TransformedTemplate repository;

    private final JsonNode root;

    private TransformedTemplate(JsonNode root) {
        this.root = root;
    }

    /** This repository's template.yaml, transformed once per test JVM (the translator takes seconds). */
    public static TransformedTemplate load() {
        TransformedTemplate loaded = repository;
        if (loaded == null) {
            loaded = transform(RepositoryRoot.path().resolve("template.yaml"));
            repository = loaded;
        }
        return loaded;
    }

    /** Runs the transform on {@code template} (e.g. an altered copy) and reads its output. */
    public static TransformedTemplate transform(Path template) {
        Path script = RepositoryRoot.path().resolve("tools/sam_transform.py");
        try {
            Path output = Files.createTempFile("transformed", ".json");
            Path errors = Files.createTempFile("transform", ".log");
            try {
                Process process = new ProcessBuilder("python3", script.toString(), template.toString())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("tools/sam_transform.py did not finish in 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("tools/sam_transform.py failed (it needs python3 with cfn-lint, "
                            + "whose samtranslator it runs: pip install cfn-lint):\n"
                            + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return new TransformedTemplate(Jackson.MAPPER.readTree(output.toFile()));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run tools/sam_transform.py", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while transforming " + template, e);
        }
    }

    /** Logical ids of the resources of {@code type}, in template order. */
    public List<String> resources(String type) {
        List<String> ids = new ArrayList<>();
        root.path("Resources").properties().forEach(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                ids.add(entry.getKey());
            }
        });
        return ids;
    }

    public JsonNode properties(String logicalId) {
        JsonNode resource = root.path("Resources").path(logicalId);
        if (resource.isMissingNode()) {
            throw new IllegalArgumentException("No resource " + logicalId + " in the transformed template");
        }
        return resource.path("Properties");
    }

    /** The execution role of the Lambda function {@code functionId}, with every policy attached to it. */
    public Role roleOf(String functionId) {
        JsonNode roleArn = properties(functionId).path("Role");
        String roleId = roleArn.path("Fn::GetAtt").path(0).asText(null);
        if (roleId == null) {
            return new Role("?", Jackson.MAPPER.nullNode(), Set.of(), List.of(),
                    List.of(functionId + " has a role from outside the template: " + roleArn));
        }
        JsonNode role = properties(roleId);
        Set<Grant> grants = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode policy : role.path("Policies")) {
            collect(policy.path("PolicyDocument"), roleId + " " + policy.path("PolicyName").asText(), grants, problems);
        }
        // Policies can also be attached from outside the role.
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy")) {
            for (String policyId : resources(type)) {
                JsonNode policy = properties(policyId);
                boolean attached = false;
                for (JsonNode attachedRole : policy.path("Roles")) {
                    attached |= roleId.equals(attachedRole.path("Ref").asText());
                }
                attached |= roleId.equals(policy.path("RoleName").path("Ref").asText());
                if (attached) {
                    collect(policy.path("PolicyDocument"), policyId, grants, problems);
                }
            }
        }
        List<String> managed = new ArrayList<>();
        for (JsonNode arn : role.path("ManagedPolicyArns")) {
            managed.add(string(arn));
        }
        return new Role(roleId, role.path("AssumeRolePolicyDocument"), grants, managed, problems);
    }

    private void collect(JsonNode document, String source, Set<Grant> grants, List<String> problems) {
        for (JsonNode statement : list(document.path("Statement"))) {
            if (statement.has("NotAction") || statement.has("NotResource")) {
                problems.add(source + " uses NotAction/NotResource, which grants everything not named: " + statement);
                continue;
            }
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue; // a Deny only narrows
            }
            String condition = statement.has("Condition") ? Jackson.write(resolve(statement.path("Condition"))) : "";
            for (JsonNode action : list(statement.path("Action"))) {
                for (JsonNode resource : list(statement.path("Resource"))) {
                    grants.add(new Grant(action.asText(), string(resource), condition));
                }
            }
        }
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode()) {
            items.add(node);
        }
        return items;
    }

    /** A value with its intrinsic functions resolved, as a string. */
    public String string(JsonNode value) {
        Object resolved = resolve(value);
        if (!(resolved instanceof String text)) {
            throw new IllegalArgumentException("Not a string once resolved: " + value);
        }
        return text;
    }

    /** Resolves {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select} and {@code Fn::Split}. */
    public Object resolve(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            value.forEach(item -> items.add(resolve(item)));
            return items;
        }
        if (!value.isObject()) {
            return Jackson.MAPPER.convertValue(value, Object.class);
        }
        if (value.size() == 1) {
            Map.Entry<String, JsonNode> only = value.properties().iterator().next();
            JsonNode argument = only.getValue();
            switch (only.getKey()) {
                case "Ref" -> {
                    return ref(argument.asText());
                }
                case "Fn::GetAtt" -> {
                    return getAtt(argument.path(0).asText(), argument.path(1).asText());
                }
                case "Fn::Sub" -> {
                    return argument.isArray() ? sub(argument.path(0).asText(), argument.path(1)) : sub(argument.asText(), null);
                }
                case "Fn::Join" -> {
                    List<String> parts = new ArrayList<>();
                    argument.path(1).forEach(part -> parts.add(string(part)));
                    return String.join(argument.path(0).asText(), parts);
                }
                case "Fn::Split" -> {
                    return List.of(string(argument.path(1)).split(Pattern.quote(argument.path(0).asText()), -1));
                }
                case "Fn::Select" -> {
                    return ((List<?>) resolve(argument.path(1))).get(argument.path(0).asInt());
                }
                default -> {
                    if (only.getKey().startsWith("Fn::")) {
                        throw new IllegalArgumentException("Cannot resolve " + only.getKey() + " here: " + value);
                    }
                }
            }
        }
        Map<String, Object> resolved = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            resolved.put(field.getKey(), resolve(field.getValue()));
        }
        return resolved;
    }

    private String ref(String name) {
        return switch (name) {
            case "AWS::Partition" -> PARTITION;
            case "AWS::Region" -> SamTemplate.REGION;
            case "AWS::AccountId" -> SamTemplate.ACCOUNT;
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::StackName" -> "mmn-dev";
            default -> {
                JsonNode parameter = root.path("Parameters").path(name);
                if (!parameter.isMissingNode()) {
                    yield parameter.path("Default").asText();
                }
                if (root.path("Resources").path(name).isMissingNode()) {
                    throw new IllegalArgumentException("Ref to nothing: " + name);
                }
                yield name;
            }
        };
    }

    private String getAtt(String logicalId, String attribute) {
        String type = root.path("Resources").path(logicalId).path("Type").asText();
        String region = SamTemplate.REGION;
        String account = SamTemplate.ACCOUNT;
        return switch (type + "." + attribute) {
            case "AWS::DynamoDB::Table.Arn" -> arn("dynamodb", region, account, "table/" + logicalId);
            case "AWS::DynamoDB::Table.StreamArn" -> arn("dynamodb", region, account, "table/" + logicalId + "/stream/" + STREAM_LABEL);
            case "AWS::SQS::Queue.Arn" -> arn("sqs", region, account, logicalId);
            case "AWS::SQS::Queue.QueueName" -> logicalId;
            case "AWS::S3::Bucket.Arn" -> "arn:" + PARTITION + ":s3:::" + string(properties(logicalId).path("BucketName"));
            case "AWS::SNS::Topic.TopicArn" -> arn("sns", region, account, logicalId);
            case "AWS::IAM::Role.Arn" -> arn("iam", "", account, "role/" + logicalId);
            case "AWS::Logs::LogGroup.Arn" -> arn("logs", region, account,
                    "log-group:" + string(properties(logicalId).path("LogGroupName")) + ":*");
            case "AWS::Lambda::Function.Arn" -> arn("lambda", region, account, "function:" + logicalId);
            default -> throw new IllegalArgumentException("Cannot resolve GetAtt " + logicalId + "." + attribute + " (" + type + ")");
        };
    }

    public static String arn(String service, String region, String account, String resource) {
        return "arn:" + PARTITION + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    private String sub(String text, JsonNode variables) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (variables != null && variables.has(name)) {
                replacement = string(variables.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = getAtt(name.substring(0, dot), name.substring(dot + 1));
            } else {
                replacement = ref(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
