package nl.mensenmakennederland.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.MotoServer;
import nl.mensenmakennederland.testing.RepositoryRoot;
import nl.mensenmakennederland.testing.SamTemplate;

/**
 * The runner started the way {@code ./run-local} starts it: environment from
 * {@link LocalEnvironment}, then {@code java -cp … LocalRunner} in its own process, on a free port.
 */
final class RunnerProcess implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern MOTO_PID = Pattern.compile("moto_server, pid (\\d+)");
    private static final Pattern EMULATOR = Pattern.compile("Emulator\\s+(\\S+)");

    private final Process process;
    private final int port;
    private final CopyOnWriteArrayList<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private RunnerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread.ofVirtual().start(this::readOutput);
    }

    static RunnerProcess start() {
        return start(Map.of());
    }

    /** {@code callerEnvironment}: what the developer's shell would have set, e.g. AWS_ENDPOINT_URL. */
    static RunnerProcess start(Map<String, String> callerEnvironment) {
        int port = MotoServer.freePort();
        RunnerOptions options = new RunnerOptions(port);
        Path root = RepositoryRoot.path();
        try {
            String classpath = root.resolve("local/target/classes") + java.io.File.pathSeparator
                    + Files.readString(root.resolve("local/target/runtime-classpath.txt")).trim();
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                    "-cp", classpath, LocalRunner.class.getName(), "--port", Integer.toString(port))
                    .directory(root.toFile())
                    .redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            environment.remove(LocalEnvironment.ENDPOINT);
            environment.putAll(LocalEnvironment.compute(SamTemplate.load(options.parameterOverrides()), callerEnvironment));
            RunnerProcess runner = new RunnerProcess(builder.start(), port);
            runner.awaitReady();
            return runner;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.startsWith(LocalRunner.READY)) {
                    ready.complete(null);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        ready.completeExceptionally(new IllegalStateException("Runner ended before it was ready:\n" + output()));
    }

    private void awaitReady() {
        try {
            ready.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Runner not ready:\n" + output(), e);
        }
    }

    String origin() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    String output() {
        return String.join("\n", output);
    }

    /** The admin token the runner printed. */
    String adminToken() {
        for (int i = 0; i + 1 < output.size(); i++) {
            if (output.get(i).trim().startsWith("Admin token")) {
                return output.get(i + 1).trim();
            }
        }
        throw new IllegalStateException("No admin token printed:\n" + output());
    }

    long motoPid() {
        Matcher m = MOTO_PID.matcher(output());
        if (!m.find()) {
            throw new IllegalStateException("No moto_server pid printed");
        }
        return Long.parseLong(m.group(1));
    }

    String emulatorEndpoint() {
        Matcher m = EMULATOR.matcher(output());
        if (!m.find()) {
            throw new IllegalStateException("No emulator printed");
        }
        return m.group(1);
    }

    HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        new HashMap<>(headers).forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, Map.of(), null);
    }

    /** The id of a seeded event one can register for now (the seed lies ahead of today). */
    String openEvent() throws IOException {
        for (JsonNode event : Json.MAPPER.readTree(get("/events").body()).path("events")) {
            if (event.path("registrationOpen").asBoolean() && event.path("seatsLeft").asInt() > 0) {
                return event.path("id").asText();
            }
        }
        throw new IllegalStateException("No seeded event is open for registration");
    }

    /** Stops it as Ctrl-C in a terminal would (SIGINT) and waits for the end. */
    boolean interrupt(Duration patience) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
