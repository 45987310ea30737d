package nl.mensenmakennederland.bench.launcher;

import java.util.List;
import java.util.stream.Collectors;

/** The result line, as JSON written by hand: the floor's classpath has no JSON library. */
final class Result {

    private final StringBuilder json = new StringBuilder();

    void put(String name, Number value) {
        putRaw(name, String.valueOf(value));
    }

    void putNumbers(String name, List<? extends Number> values) {
        putRaw(name, values.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")));
    }

    void putRaw(String name, String rawJson) {
        json.append(json.isEmpty() ? "{" : ",").append('"').append(name).append("\":").append(rawJson);
    }

    String json() {
        return json + "}";
    }
}
