package nl.mensenmakennederland.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.mensenmakennederland.testing.EmulatorClients;
import nl.mensenmakennederland.testing.MotoServer;
import nl.mensenmakennederland.testing.SamTemplate;

/**
 * The environment the runner's JVM starts with. Handlers read their configuration through
 * {@code System.getenv}, as in Lambda, and a running JVM cannot change its environment; so
 * {@code ./run-local} runs this class first to compute the variables from template.yaml, then
 * starts {@link LocalRunner} with them.
 *
 * <p>All functions share one JVM here, so they share one environment: the union of what the
 * template gives each function. A name with two different values would make one of them wrong,
 * so that is refused rather than guessed.
 */
public final class LocalEnvironment {

    /** Present when the runner is to start moto_server itself, on this port. */
    static final String MOTO_PORT = "LOCAL_MOTO_PORT";
    static final String ENDPOINT = "AWS_ENDPOINT_URL";

    // Tunes the JIT of a short-lived Lambda JVM; the runner is one long-lived JVM for all functions.
    private static final Set<String> LAMBDA_JVM_ONLY = Set.of("JAVA_TOOL_OPTIONS");

    private LocalEnvironment() {}

    /** Prints NAME=VALUE lines for {@code ./run-local}. */
    public static void main(String[] args) {
        RunnerOptions options = RunnerOptions.parse(args);
        compute(SamTemplate.load(options.parameterOverrides()), System.getenv())
                .forEach((name, value) -> System.out.println(name + "=" + value));
    }

    /**
     * The functions' variables plus region and dummy credentials (a local run never talks to a
     * real account) and the emulator endpoint: the caller's {@code AWS_ENDPOINT_URL} (e.g.
     * LocalStack) if set, else a free loopback port for a moto_server the runner will start.
     */
    static Map<String, String> compute(SamTemplate template, Map<String, String> caller) {
        Map<String, String> environment = new TreeMap<>(functionVariables(template));
        environment.put("AWS_REGION", SamTemplate.REGION);
        environment.put("AWS_DEFAULT_REGION", SamTemplate.REGION);
        environment.put("AWS_ACCESS_KEY_ID", EmulatorClients.CREDENTIALS.resolveCredentials().accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", EmulatorClients.CREDENTIALS.resolveCredentials().secretAccessKey());
        String endpoint = caller.get(ENDPOINT);
        if (endpoint == null || endpoint.isBlank()) {
            int port = MotoServer.freePort();
            environment.put(ENDPOINT, "http://127.0.0.1:" + port);
            environment.put(MOTO_PORT, Integer.toString(port));
        } else {
            environment.put(ENDPOINT, endpoint);
        }
        return environment;
    }

    /** The union of every function's resolved environment, without Lambda-JVM-only settings. */
    static Map<String, String> functionVariables(SamTemplate template) {
        Map<String, String> union = new TreeMap<>();
        Map<String, String> setBy = new TreeMap<>();
        for (SamTemplate.Function function : template.functions()) {
            function.environment().forEach((name, value) -> {
                if (LAMBDA_JVM_ONLY.contains(name)) {
                    return;
                }
                String earlier = union.putIfAbsent(name, value);
                if (earlier != null && !earlier.equals(value)) {
                    throw new IllegalStateException("template.yaml gives " + name + " two values ("
                            + setBy.get(name) + ": '" + earlier + "', " + function.logicalId() + ": '" + value
                            + "'); the local runner runs all functions in one JVM and needs one value per name");
                }
                setBy.putIfAbsent(name, function.logicalId());
            });
        }
        return union;
    }

    /** Names whose value in {@code actual} is not what the template asks for; empty when all is right. */
    static List<String> mismatches(SamTemplate template, Map<String, String> actual) {
        List<String> wrong = new ArrayList<>();
        functionVariables(template).forEach((name, value) -> {
            if (!value.equals(actual.get(name))) {
                wrong.add(name);
            }
        });
        if (actual.get(ENDPOINT) == null) {
            wrong.add(ENDPOINT);
        }
        return wrong;
    }
}
