package nl.mensenmakennederland.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One measured JVM. Times in milliseconds; {@code totalMs} is the wall time from starting the
 * process to its result line (JVM start, init, first invocation), as the orchestrator saw it.
 */
record Measurement(String variant, String mode, double totalMs, double initMs, double firstMs, double peakRssMb,
                   long classes, Double primeMs, Integer primingResources, Long classesBeforeFirst, List<Double> warmMs, String outcome,
                   boolean success) {

    static Measurement parse(String variant, String mode, double totalMs, JsonNode line, String verified) {
        List<Double> warm = new ArrayList<>();
        line.path("warmMs").forEach(v -> warm.add(v.asDouble()));
        JsonNode responses = line.path("responses");
        boolean success = responses.size() > 0;
        String outcome = null;
        for (JsonNode response : responses) {
            String one = describe(response);
            success &= one.startsWith("2") || one.equals("no batch failures") || one.startsWith("ok");
            outcome = outcome == null ? one : outcome;
        }
        if (verified != null) {
            outcome = outcome + ", " + verified;
            success &= !verified.startsWith("NO");
        }
        return new Measurement(variant, mode, totalMs, line.path("initMs").asDouble(), line.path("firstMs").asDouble(),
                line.path("peakRssKb").asLong() / 1024.0, line.path("classes").asLong(),
                line.has("primeMs") ? line.get("primeMs").asDouble() : null,
                line.has("primingResources") ? line.get("primingResources").asInt() : null,
                line.has("classesBeforeFirst") ? line.get("classesBeforeFirst").asLong() : null,
                warm, outcome, success);
    }

    Measurement failed(String why) {
        return new Measurement(variant, mode, totalMs, initMs, firstMs, peakRssMb, classes, primeMs, primingResources,
                classesBeforeFirst, warmMs, why, false);
    }

    /** An HTTP status, or a stream batch's failures. */
    private static String describe(JsonNode response) {
        if (response.has("statusCode")) {
            return response.get("statusCode").asText();
        }
        if (response.has("batchItemFailures")) {
            int failures = response.get("batchItemFailures").size();
            return failures == 0 ? "no batch failures" : failures + " batch failures";
        }
        if (response.has("errorMessage") || response.has("errorType")) {
            return "error " + response.path("errorType").asText();
        }
        var fields = new java.util.TreeMap<String, String>();
        response.properties().forEach(e -> fields.put(e.getKey(), e.getValue().toString()));
        String json = fields.toString();
        return "ok " + (json.length() > 40 ? json.substring(0, 40) + "…" : json);
    }
}
