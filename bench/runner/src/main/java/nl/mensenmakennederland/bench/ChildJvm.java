package nl.mensenmakennederland.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.mensenmakennederland.bench.launcher.ColdStartLauncher;
import nl.mensenmakennederland.shared.Json;

/** Starts one fresh JVM for a variant, as Lambda starts an execution environment, and reads its result. */
final class ChildJvm {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final Path workDir;
    private final Path stderrLog;
    private int counter;

    ChildJvm(Path workDir) {
        this.workDir = workDir;
        this.stderrLog = workDir.resolve("child-stderr.log");
        try {
            Files.deleteIfExists(stderrLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cold start: init, then one invocation. */
    Measurement cold(Variant variant) {
        return run(variant, "cold", 1);
    }

    /** Init, the priming hooks, then {@code 1 + warm} invocations, all in one JVM. */
    Measurement primed(Variant variant, int warm) {
        return run(variant, "primed", 1 + warm, "");
    }

    /** Like {@link #cold} or {@link #primed} with one invocation, logging every class the JVM loads to {@code classLog}. */
    Measurement profiled(Variant variant, boolean primed, Path classLog) {
        return run(variant, primed ? "primed" : "cold", 1, " -Xlog:class+load=info:file=" + classLog);
    }

    private Measurement run(Variant variant, String mode, int invocations) {
        return run(variant, mode, invocations, "");
    }

    private Measurement run(Variant variant, String mode, int invocations, String extraToolOptions) {
        String sample = SampleEvents.content(variant.sample());
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-cp",
                variant.classpath().stream().map(Path::toString).collect(Collectors.joining(":")),
                ColdStartLauncher.class.getName(), variant.handlerClass(), mode, Integer.toString(invocations - 1),
                prepared(variant, sample).toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().clear();
        builder.environment().putAll(variant.environment());
        builder.environment().merge("JAVA_TOOL_OPTIONS", extraToolOptions, String::concat);
        Deque<String> tail = new ArrayDeque<>();
        List<String> primingFailures = new ArrayList<>();
        try {
            long start = System.nanoTime();
            Process process = builder.start();
            Writer toLauncher = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            // A hung JVM must not hang the run: its output stream closes when it is killed.
            CompletableFuture.delayedExecutor(120, TimeUnit.SECONDS).execute(process::destroyForcibly);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(ColdStartLauncher.RESULT_PREFIX)) {
                        double totalMs = (System.nanoTime() - start) / 1e6;
                        String json = line.substring(ColdStartLauncher.RESULT_PREFIX.length());
                        drain(out);
                        await(process);
                        Measurement measured = Measurement.parse(variant.name(), mode, totalMs, Json.MAPPER.readTree(json),
                                variant.fixture().verify());
                        return primingFailures.isEmpty() ? measured : measured.failed("priming failed: " + primingFailures);
                    }
                    if (line.equals(ColdStartLauncher.NEXT)) {
                        toLauncher.write(prepared(variant, sample) + "\n");
                        toLauncher.flush();
                        continue;
                    }
                    if (line.contains("\"priming.failed\"") || line.contains("\"priming.unexpected\"")) {
                        primingFailures.add(line);
                    }
                    tail.addLast(line);
                    if (tail.size() > 20) {
                        tail.removeFirst();
                    }
                }
            }
            await(process);
            throw new IllegalStateException(variant.name() + " (" + mode + ") printed no result; exit "
                    + process.exitValue() + ". Last output:\n" + String.join("\n", tail) + "\nSee " + stderrLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event for the next invocation, with the state it needs prepared, in a file. */
    private Path prepared(Variant variant, String sample) {
        Path event = workDir.resolve("event-" + (++counter % 100) + ".json");
        write(event, variant.fixture().prepare(sample));
        return event;
    }

    private static void drain(BufferedReader out) throws IOException {
        while (out.readLine() != null) {
            // the JVM's last words after the result, if any
        }
    }

    private static void await(Process process) {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("A measured JVM did not exit within 60 s (pid " + process.pid() + ")");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
