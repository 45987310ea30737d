package nl.mensenmakennederland.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;

/**
 * A Lambda event-filtering pattern (an event source's {@code FilterCriteria}), matched against
 * the JSON of one record as Lambda matches it: every field the pattern names must match one of
 * its listed values; objects nest. Besides literal values it knows the operators
 * {@code prefix}, {@code suffix}, {@code anything-but}, {@code exists} and {@code numeric};
 * a pattern using another one is refused when the runner starts, never silently mismatched.
 */
final class EventPattern {

    private final JsonNode pattern;

    private EventPattern(JsonNode pattern) {
        this.pattern = pattern;
    }

    static EventPattern parse(String json) {
        try {
            JsonNode pattern = Json.MAPPER.readTree(json);
            if (pattern == null || !pattern.isObject()) {
                throw new IllegalArgumentException("A filter pattern is a JSON object: " + json);
            }
            check(pattern);
            return new EventPattern(pattern);
        } catch (IOException e) {
            throw new IllegalArgumentException("Filter pattern is not JSON: " + json, e);
        }
    }

    boolean matches(JsonNode event) {
        return matchesObject(pattern, event);
    }

    private static boolean matchesObject(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = pattern.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = event == null ? null : event.get(field.getKey());
            JsonNode rule = field.getValue();
            boolean ok = rule.isObject() ? value != null && value.isObject() && matchesObject(rule, value) : matchesAny(rule, value);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A list of matchers: true when one of them matches the value (or, for an array value, one element). */
    private static boolean matchesAny(JsonNode matchers, JsonNode value) {
        for (JsonNode matcher : matchers) {
            if (matcher.isObject() && matcher.has("exists")) {
                if (matcher.get("exists").asBoolean() == (value != null && !value.isNull())) {
                    return true;
                }
                continue;
            }
            if (value == null) {
                continue;
            }
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (matchesOne(matcher, element)) {
                        return true;
                    }
                }
            } else if (matchesOne(matcher, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesOne(JsonNode matcher, JsonNode value) {
        if (!matcher.isObject()) {
            return matcher.isNumber() && value.isNumber() ? matcher.asDouble() == value.asDouble() : matcher.equals(value);
        }
        Map.Entry<String, JsonNode> operator = matcher.fields().next();
        JsonNode argument = operator.getValue();
        return switch (operator.getKey()) {
            case "prefix" -> value.isTextual() && value.asText().startsWith(argument.asText());
            case "suffix" -> value.isTextual() && value.asText().endsWith(argument.asText());
            case "anything-but" -> argument.isArray() ? !contains(argument, value) : !matchesOne(argument, value);
            case "numeric" -> numeric(argument, value);
            default -> throw new IllegalStateException("unchecked operator " + operator.getKey());
        };
    }

    private static boolean contains(JsonNode list, JsonNode value) {
        for (JsonNode item : list) {
            if (matchesOne(item, value)) {
                return true;
            }
        }
        return false;
    }

    /** {@code {"numeric": [">", 0, "<=", 5]}}: every comparison must hold; text that is a number counts. */
    private static boolean numeric(JsonNode comparisons, JsonNode value) {
        double number;
        try {
            number = value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText());
        } catch (NumberFormatException e) {
            return false;
        }
        for (int i = 0; i + 1 < comparisons.size(); i += 2) {
            double bound = comparisons.get(i + 1).asDouble();
            boolean holds = switch (comparisons.get(i).asText()) {
                case "<" -> number < bound;
                case "<=" -> number <= bound;
                case "=" -> number == bound;
                case ">=" -> number >= bound;
                case ">" -> number > bound;
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static void check(JsonNode pattern) {
        pattern.fields().forEachRemaining(field -> {
            JsonNode rule = field.getValue();
            if (rule.isObject()) {
                check(rule);
            } else if (!rule.isArray()) {
                throw new IllegalArgumentException("Field " + field.getKey() + " of a filter pattern must list its values");
            } else {
                rule.forEach(matcher -> {
                    if (matcher.isObject()) {
                        String operator = matcher.fieldNames().hasNext() ? matcher.fieldNames().next() : "";
                        if (!java.util.Set.of("prefix", "suffix", "anything-but", "exists", "numeric").contains(operator)) {
                            throw new IllegalArgumentException("Filter operator '" + operator
                                    + "' is not supported by the local runner");
                        }
                    }
                });
            }
        });
    }
}
