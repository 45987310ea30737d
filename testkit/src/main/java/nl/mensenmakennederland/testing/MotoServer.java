package nl.mensenmakennederland.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * moto_server on a free loopback port, started and stopped by its owner. It runs through
 * {@code tools/moto_serial_server.py}, which answers one request at a time: moto's own threaded
 * server applies concurrent DynamoDB transactions non-atomically (see that file). On request it
 * also refuses calls as DynamoDB and SES do under load ({@link #inject}).
 */
public final class MotoServer implements AwsEmulator {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final String endpoint;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.endpoint = "http://127.0.0.1:" + port;
    }

    /** Whether moto is installed here: its {@code moto_server} command is on the PATH. */
    public static boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "moto_server"))) {
                return true;
            }
        }
        return false;
    }

    public static MotoServer start(Path logFile) {
        return start(freePort(), logFile);
    }

    /** On a port chosen beforehand, e.g. one already handed to a process as its AWS_ENDPOINT_URL. */
    public static MotoServer start(int port, Path logFile) {
        Path script = RepositoryRoot.path().resolve("tools/moto_serial_server.py");
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(
                    System.getenv().getOrDefault("MOTO_PYTHON", "python3"), script.toString(),
                    "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().put("MOTO_DISABLE_GLOBAL_CORS", "true");
            MotoServer server = new MotoServer(builder.start(), port);
            server.awaitReady(logFile);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start moto_server", e);
        }
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void reset() {
        post("/moto-api/reset");
    }

    /**
     * Switches faults on for the requests that follow, until the returned handle is closed or
     * the emulator is reset: {@code try (var faults = moto.inject(Faults.seeded(1)...)) { ... }}.
     */
    public InjectedFaults inject(Faults faults) {
        send(HttpRequest.newBuilder(URI.create(endpoint + "/_faults"))
                .POST(HttpRequest.BodyPublishers.ofString(faults.json())).build());
        return new InjectedFaults();
    }

    /** Faults switched on by {@link #inject}: how often each struck so far; closing switches them off. */
    public final class InjectedFaults implements AutoCloseable {

        private InjectedFaults() {}

        /** Per fault ({@code transactionConflicts}, {@code throttledWrites}, {@code refusedSends}): calls seen, refused. */
        public Map<String, Faults.Count> counts() {
            try {
                return Jackson.MAPPER.readValue(get("/_faults"), new TypeReference<Map<String, Faults.Count>>() {});
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public Faults.Count count(String fault) {
            return counts().getOrDefault(fault, new Faults.Count(0, 0));
        }

        @Override
        public void close() {
            send(HttpRequest.newBuilder(URI.create(endpoint + "/_faults")).DELETE().build());
        }
    }

    /** moto's view of its whole state, e.g. the mails SES "sent" under the key {@code ses}. */
    public String state() {
        return get("/moto-api/data.json");
    }

    @Override
    public List<SentMail> sentMails() {
        return mailsIn(state());
    }

    /** moto keeps raw mails in its state ({@code /moto-api/data.json}) under {@code ses.RawMessage}, each with its {@code destinations}. */
    public static List<SentMail> mailsIn(String state) {
        try {
            List<SentMail> mails = new ArrayList<>();
            for (JsonNode message : Jackson.MAPPER.readTree(state).path("ses").path("RawMessage")) {
                mails.add(new SentMail(message.path("destinations").path(0).asText(), message.path("raw_data").asText()));
            }
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(5))) {
                process.destroyForcibly().waitFor(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Path logFile) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited at start; see " + logFile);
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(50);
        }
        close();
        throw new IllegalStateException("moto_server did not answer within 30 s; see " + logFile);
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + path)).GET().build());
    }

    private void post(String path) {
        send(HttpRequest.newBuilder(URI.create(endpoint + path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request.uri() + " interrupted", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
