package nl.mensenmakennederland.bench.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import nl.mensenmakennederland.testing.SamTemplate;

/**
 * One Lambda execution environment on this machine: a fresh JDK 25 running the official runtime
 * client in the function's task root, with the environment Lambda gives it, against a Runtime API
 * and (for SnapStart) a credentials endpoint served here. It hands out the given invocations,
 * then is shut down; what happened is in its {@link Run}.
 */
public final class ExecutionEnvironment {

    /** How Lambda starts the environment ({@code AWS_LAMBDA_INITIALIZATION_TYPE}). */
    public enum Init {
        /** {@code $LATEST} or a version without SnapStart: init, then invocations. */
        ON_DEMAND("on-demand"),
        /** A SnapStart version: init, {@code beforeCheckpoint} hooks, restore, {@code afterRestore} hooks, invocations. */
        SNAP_START("snap-start");

        final String value;

        Init(String value) {
            this.value = value;
        }
    }

    /** Where the function's credentials come from. */
    public enum Credentials {
        /** {@code AWS_ACCESS_KEY_ID} and friends in the environment, as {@code $LATEST} gets them. */
        ACCESS_KEYS,
        /** Only the container endpoint and its token, as a SnapStart version gets them. */
        CONTAINER
    }

    /** The access key a function with {@link Credentials#ACCESS_KEYS} gets. */
    public static final String STATIC_ACCESS_KEY = "ASIASTATICKEYS000001";

    /** What Lambda knows of the function: from template.yaml, with its package's task root. */
    public record Function(String name, String handler, Path taskRoot, Map<String, String> variables, int memoryMb,
                           Duration timeout) {

        public static Function of(SamTemplate template, String logicalId, Path taskRoot) {
            SamTemplate.Function function = template.function(logicalId);
            Object memory = template.functionProperty(logicalId, "MemorySize");
            Object timeout = template.functionProperty(logicalId, "Timeout");
            return new Function(logicalId, function.handler(), taskRoot, function.environment(),
                    memory == null ? 128 : Integer.parseInt(String.valueOf(memory)),
                    Duration.ofSeconds(timeout == null ? 3 : Long.parseLong(String.valueOf(timeout))));
        }
    }

    /**
     * What happened in the environment, with times from {@link System#nanoTime()}.
     *
     * @param startNanos      just before the process was started
     * @param restoreNanos    when it asked to be restored (SnapStart only)
     * @param firstNextNanos  when it first asked for an invocation
     * @param peakRssMb       the process's peak resident memory after its last invocation ({@code VmHWM})
     * @param log             what it wrote to stdout and stderr
     */
    public record Run(long startNanos, OptionalLong restoreNanos, OptionalLong firstNextNanos,
                      List<RuntimeApiServer.Invocation> invocations, List<String> initErrors, List<String> restoreErrors,
                      List<String> unexpectedRequests, int credentialFetchesBeforeRestore, int credentialFetchesAfterRestore,
                      int credentialRequestsRefused, double peakRssMb, Integer exitCode, List<String> log) {

        /** Process start to the first {@code next}: init, and in SnapStart mode also priming and restore. */
        public double untilFirstNextMs() {
            return (firstNextNanos.orElseThrow() - startNanos) / 1e6;
        }

        /** Process start to the first response. */
        public double untilFirstResponseMs() {
            return (invocations.get(0).answeredNanos() - startNanos) / 1e6;
        }

        /** SnapStart: process start to the restore request (init and the {@code beforeCheckpoint} hooks). */
        public double untilRestoreMs() {
            return (restoreNanos.orElseThrow() - startNanos) / 1e6;
        }

        /** SnapStart: the restore to the first {@code next} (the {@code afterRestore} hooks). */
        public double restoreMs() {
            return (firstNextNanos.orElseThrow() - restoreNanos.orElseThrow()) / 1e6;
        }

        public boolean complete(int expected) {
            return invocations.size() == expected && initErrors.isEmpty() && restoreErrors.isEmpty()
                    && invocations.stream().allMatch(i -> i.error() == null);
        }

        /** What went wrong, for a failure message: errors and the log's last lines. */
        public String diagnosis() {
            return "init errors " + initErrors + ", restore errors " + restoreErrors + ", invocation errors "
                    + invocations.stream().map(RuntimeApiServer.Invocation::error).filter(e -> e != null).toList()
                    + ", unexpected requests " + unexpectedRequests + ", exit " + exitCode + "; last output:\n"
                    + String.join("\n", log.subList(Math.max(0, log.size() - 25), log.size()));
        }
    }

    private ExecutionEnvironment() {}

    /**
     * Starts the environment, hands it {@code invocations} events ({@code events.apply(i)}, asked
     * for when the runtime asks), waits for their answers (at most {@code limit}), shuts it down.
     *
     * @param awsEndpoint       {@code AWS_ENDPOINT_URL}: the emulator
     * @param extraJvmOptions   e.g. a class-load log; empty for what Lambda runs
     * @param log               the file its stdout and stderr go to
     */
    public static Run run(RuntimeClient client, Function function, Init init, Credentials credentials, String awsEndpoint,
                          int invocations, IntFunction<String> events, List<String> extraJvmOptions, Path log, Duration limit) {
        String arn = "arn:aws:lambda:" + SamTemplate.REGION + ":" + SamTemplate.ACCOUNT + ":function:" + function.name()
                + (init == Init.SNAP_START ? ":live" : "");
        try (RuntimeApiServer api = new RuntimeApiServer(arn, function.timeout(), invocations, events);
             ContainerCredentialsEndpoint endpoint = new ContainerCredentialsEndpoint(api::restored)) {
            ProcessBuilder builder = new ProcessBuilder(client.command(function.handler(), extraJvmOptions))
                    .directory(function.taskRoot().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Nothing inherited from this JVM's environment: least of all access keys from the developer's shell.
            builder.environment().clear();
            builder.environment().putAll(environment(function, init, credentials, awsEndpoint, api.address(), endpoint));
            long start = System.nanoTime();
            Process process = builder.start();
            Integer exit = null;
            double peakRss;
            try {
                api.awaitAnswers(process, limit);
                peakRss = peakRssMb(process);
            } finally {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                if (!process.isAlive()) {
                    exit = process.exitValue();
                }
            }
            return new Run(start, api.restoreNextNanos(), api.firstNextNanos(), api.invocations(), api.initErrors(),
                    api.restoreErrors(), api.unexpectedRequests(), endpoint.fetchesBeforeRestore(),
                    endpoint.fetchesAfterRestore(), endpoint.refused(), peakRss, exit,
                    Files.readAllLines(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + function.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The variables Lambda sets for the function (as documented for the java runtimes), then the
     * template's, pointed at the emulator. With {@link Credentials#CONTAINER} it has no
     * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} or {@code AWS_SESSION_TOKEN}.
     */
    public static Map<String, String> environment(Function function, Init init, Credentials credentials, String awsEndpoint,
                                                  String runtimeApi, ContainerCredentialsEndpoint endpoint) {
        Map<String, String> env = new LinkedHashMap<>(function.variables());
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", function.taskRoot().toString());
        env.put("_HANDLER", function.handler());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", init == Init.SNAP_START ? "1" : "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/') + "/["
                + env.get("AWS_LAMBDA_FUNCTION_VERSION") + "]" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", init.value);
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_REGION", SamTemplate.REGION);
        env.put("AWS_DEFAULT_REGION", SamTemplate.REGION);
        switch (credentials) {
            case ACCESS_KEYS -> {
                env.put("AWS_ACCESS_KEY_ID", STATIC_ACCESS_KEY);
                env.put("AWS_SECRET_ACCESS_KEY", "static-secret");
                env.put("AWS_SESSION_TOKEN", "static-session-token");
            }
            case CONTAINER -> {
                env.remove("AWS_ACCESS_KEY_ID");
                env.remove("AWS_SECRET_ACCESS_KEY");
                env.remove("AWS_SESSION_TOKEN");
                env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.uri());
                env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", endpoint.token());
            }
        }
        env.put("AWS_ENDPOINT_URL", awsEndpoint);
        return env;
    }

    private static double peakRssMb(Process process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended before its memory could be read
        }
        return Double.NaN;
    }
}
