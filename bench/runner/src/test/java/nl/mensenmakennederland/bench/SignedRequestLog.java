package nl.mensenmakennederland.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass-through to the emulator that notes which access key signed each request (the
 * {@code Credential=} of its SigV4 {@code Authorization} header). moto checks no signature, so
 * this is how a test sees which credentials a function really used, e.g. the ones it fetched
 * after a SnapStart restore rather than the snapshot's.
 */
final class SignedRequestLog implements AutoCloseable {

    /** One request: when it arrived ({@link System#nanoTime()}), what it asked, which key signed it (null: unsigned). */
    record Signed(long nanos, String request, String accessKeyId) {}

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");
    /** Headers the JDK's HTTP client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final List<Signed> requests = new CopyOnWriteArrayList<>();

    SignedRequestLog(String emulatorEndpoint) {
        this.target = URI.create(emulatorEndpoint);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** {@code AWS_ENDPOINT_URL} for the functions. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests that arrived between two moments ({@link System#nanoTime()}). */
    List<Signed> between(long fromNanos, long toNanos) {
        return requests.stream().filter(r -> r.nanos() >= fromNanos && r.nanos() < toNanos).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void forward(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher key = CREDENTIAL.matcher(authorization == null ? "" : authorization);
        String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        requests.add(new Signed(System.nanoTime(),
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + (operation == null ? "" : " " + operation),
                key.find() ? key.group(1) : null));
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            byte[] answer = response.body();
            if (exchange.getRequestMethod().equals("HEAD")) {
                // A HEAD answer has no body but tells its length (S3's HeadObject size): pass that on.
                response.headers().firstValue("content-length").ifPresent(length -> exchange.getResponseHeaders().set("Content-Length", length));
            }
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (var out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        }
    }
}
