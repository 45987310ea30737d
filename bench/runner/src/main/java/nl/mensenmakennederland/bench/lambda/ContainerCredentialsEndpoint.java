package nl.mensenmakennederland.bench.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The local credentials endpoint a SnapStart function gets instead of access keys
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}
 * required in the {@code Authorization} header). It answers other keys once the environment is
 * restored, so a request signed after the restore shows which fetch its credentials came from,
 * and counts the fetches before and after the restore, and the refused ones.
 */
public final class ContainerCredentialsEndpoint implements AutoCloseable {

    /** The access key id handed out before the restore (during init and priming). */
    public static final String KEY_BEFORE_RESTORE = "ASIASNAPSHOTINIT0001";
    /** The access key id handed out once restored. */
    public static final String KEY_AFTER_RESTORE = "ASIARESTORED00000001";

    private static final String PATH = "/credentials";

    private final HttpServer server;
    private final BooleanSupplier restored;
    private final String token = UUID.randomUUID().toString();
    private final AtomicInteger beforeRestore = new AtomicInteger();
    private final AtomicInteger afterRestore = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /** @param restored whether the environment counts as restored yet (the Runtime API knows) */
    public ContainerCredentialsEndpoint(BooleanSupplier restored) {
        this.restored = restored;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the credentials endpoint", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}. */
    public String token() {
        return token;
    }

    public int fetchesBeforeRestore() {
        return beforeRestore.get();
    }

    public int fetchesAfterRestore() {
        return afterRestore.get();
    }

    /** Requests without the token (or to another path), answered 401 or 404. */
    public int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET") || !exchange.getRequestURI().getPath().equals(PATH)) {
            refused.incrementAndGet();
            answer(exchange, 404, "{\"message\":\"not found\"}");
            return;
        }
        if (!token.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            refused.incrementAndGet();
            answer(exchange, 401, "{\"message\":\"missing or wrong authorization token\"}");
            return;
        }
        boolean after = restored.getAsBoolean();
        (after ? afterRestore : beforeRestore).incrementAndGet();
        Instant expiration = Instant.now().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);
        answer(exchange, 200, "{\"AccessKeyId\":\"" + (after ? KEY_AFTER_RESTORE : KEY_BEFORE_RESTORE) + "\","
                + "\"SecretAccessKey\":\"" + UUID.randomUUID() + "\","
                + "\"Token\":\"" + UUID.randomUUID() + "\","
                + "\"Expiration\":\"" + expiration + "\"}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
