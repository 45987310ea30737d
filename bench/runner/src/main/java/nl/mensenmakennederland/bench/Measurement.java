package nl.mensenmakennederland.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.mensenmakennederland.bench.lambda.ExecutionEnvironment;
import nl.mensenmakennederland.bench.lambda.RuntimeApiServer;
import nl.mensenmakennederland.shared.Json;

/**
 * One measured execution environment, in milliseconds, as the Runtime API saw it: {@code initMs}
 * from process start to the first {@code next}, {@code firstMs} from handing out the first event
 * to its response, {@code totalMs} from process start to that response. In SnapStart mode also
 * {@code primeMs} (process start to the restore request: init and the priming hooks) and
 * {@code restoreMs} (the restore hooks, up to the first {@code next}).
 */
record Measurement(String variant, String mode, double totalMs, double initMs, double firstMs, Double primeMs,
                   Double restoreMs, double peakRssMb, List<Double> warmMs, int fetchesBeforeRestore,
                   int fetchesAfterRestore, String outcome, boolean success) {

    static Measurement of(String variant, String mode, ExecutionEnvironment.Run run, int invocations, String verified) {
        if (!run.complete(invocations)) {
            String why = "no answer: " + run.diagnosis().lines().findFirst().orElse("");
            return new Measurement(variant, mode, Double.NaN, Double.NaN, Double.NaN, null, null, Double.NaN, List.of(),
                    run.credentialFetchesBeforeRestore(), run.credentialFetchesAfterRestore(),
                    why.length() > 200 ? why.substring(0, 200) + "…" : why, false);
        }
        List<RuntimeApiServer.Invocation> all = run.invocations();
        List<Double> warm = new ArrayList<>();
        all.subList(1, all.size()).forEach(i -> warm.add(i.millis()));
        boolean success = true;
        String outcome = null;
        for (RuntimeApiServer.Invocation invocation : all) {
            String one = describe(invocation.response());
            // 302: the Oproep's download answers with the file's link.
            success &= one.startsWith("2") || one.equals("302") || one.equals("no batch failures") || one.startsWith("ok");
            outcome = outcome == null ? one : outcome;
        }
        if (verified != null) {
            outcome = outcome + ", " + verified;
            success &= !verified.startsWith("NO");
        }
        boolean snapStart = run.restoreNanos().isPresent();
        return new Measurement(variant, mode, run.untilFirstResponseMs(), run.untilFirstNextMs(), all.get(0).millis(),
                snapStart ? run.untilRestoreMs() : null, snapStart ? run.restoreMs() : null, run.peakRssMb(), warm,
                run.credentialFetchesBeforeRestore(), run.credentialFetchesAfterRestore(), outcome, success);
    }

    /** An HTTP status, or a stream batch's failures, or a few fields of another answer. */
    private static String describe(String responseJson) {
        JsonNode response;
        try {
            response = Json.MAPPER.readTree(responseJson);
        } catch (IOException e) {
            return "not JSON";
        }
        if (response.has("statusCode")) {
            return response.get("statusCode").asText();
        }
        if (response.has("batchItemFailures")) {
            int failures = response.get("batchItemFailures").size();
            return failures == 0 ? "no batch failures" : failures + " batch failures";
        }
        var fields = new java.util.TreeMap<String, String>();
        response.properties().forEach(e -> fields.put(e.getKey(), e.getValue().toString()));
        String json = fields.toString();
        return "ok " + (json.length() > 40 ? json.substring(0, 40) + "…" : json);
    }
}
