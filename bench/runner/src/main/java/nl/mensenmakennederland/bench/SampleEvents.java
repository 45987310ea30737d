package nl.mensenmakennederland.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.SamTemplate;
import nl.mensenmakennederland.testing.SeedData;

/**
 * Finds a function's sample event in {@code events/}: by route key for an HTTP route, by event
 * source and table for a stream, else by the function's name. Among several, the success case
 * (not {@code -invalid}, {@code -unknown}, {@code -forged}, ...), then the shortest name.
 */
final class SampleEvents {

    private static final List<String> FAILURE_CASES = List.of(
            "invalid", "unknown", "forged", "expired", "missing", "closed", "full", "duplicate", "forbidden", "unauthorized");

    private final Map<Path, JsonNode> samples;

    SampleEvents(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            this.samples = files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .collect(java.util.stream.Collectors.toMap(f -> f, SampleEvents::read, (a, b) -> a, java.util.LinkedHashMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A sample event as the function gets it: its dates moved as the seed is for the system clock
     * ({@link SeedData#moveDates(String)}), so that it fits the seed events in any year.
     */
    static String content(Path sample) {
        try {
            return SeedData.moveDates(Files.readString(sample));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the function is invoked, e.g. {@code GET /events} or {@code DynamoDB stream OutboxTable}. */
    static String trigger(SamTemplate.Function function) {
        for (SamTemplate.FunctionEvent event : function.events()) {
            switch (event.type()) {
                case "HttpApi" -> {
                    return String.valueOf(event.properties().get("Method")).toUpperCase(Locale.ROOT) + " "
                            + event.properties().get("Path");
                }
                case "Schedule" -> {
                    return "Schedule " + event.properties().get("Schedule");
                }
                case "ScheduleV2" -> {
                    return "Schedule " + event.properties().get("ScheduleExpression");
                }
                case "DynamoDB" -> {
                    return "DynamoDB stream " + logicalIdOf(event.properties().get("Stream"));
                }
                default -> { }
            }
        }
        return function.events().isEmpty() ? "direct" : function.events().get(0).type();
    }

    Optional<Path> forFunction(SamTemplate.Function function) {
        String trigger = trigger(function);
        Stream<Path> candidates;
        if (trigger.startsWith("DynamoDB stream ")) {
            String table = trigger.substring("DynamoDB stream ".length());
            candidates = matching(json -> "aws:dynamodb".equals(json.path("Records").path(0).path("eventSource").asText())
                    && json.path("Records").path(0).path("eventSourceARN").asText().contains(table));
        } else if (trigger.contains(" /")) {
            candidates = matching(json -> trigger.equals(json.path("routeKey").asText()));
        } else {
            String prefix = kebab(function.logicalId().replaceFirst("Function$", ""));
            candidates = samples.keySet().stream().filter(f -> f.getFileName().toString().startsWith(prefix));
        }
        List<Path> found = candidates.sorted(Comparator.comparingInt((Path f) -> f.getFileName().toString().length())).toList();
        return found.stream().filter(SampleEvents::isSuccessCase).findFirst().or(() -> found.stream().findFirst());
    }

    private Stream<Path> matching(java.util.function.Predicate<JsonNode> test) {
        return samples.entrySet().stream().filter(e -> test.test(e.getValue())).map(Map.Entry::getKey);
    }

    private static boolean isSuccessCase(Path file) {
        String name = file.getFileName().toString();
        return FAILURE_CASES.stream().noneMatch(name::contains);
    }

    /** The logical id in {@code !GetAtt Table.StreamArn} (parsed as {@code {Fn::GetAtt: ...}}). */
    private static String logicalIdOf(Object getAtt) {
        if (getAtt instanceof Map<?, ?> map && map.get("Fn::GetAtt") != null) {
            Object target = map.get("Fn::GetAtt");
            return target instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(target).split("\\.")[0];
        }
        return String.valueOf(getAtt);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
