package nl.mensenmakennederland.bench.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The Lambda Runtime API of one execution environment, served to the official runtime client
 * the way Lambda serves it (paths, headers and answers as aws-lambda-java-runtime-interface-client
 * 2.10.1 uses them): hands out a given number of invocations one at a time, takes their
 * responses and errors, the init and restore errors, and for SnapStart the restore step. After
 * the last invocation a {@code next} waits, as on Lambda when no event comes, until the
 * environment is shut down.
 *
 * <p>Every step is noted with {@link System#nanoTime()}, so the time from process start to the
 * first {@code next} (init) and from handing out an event to its response (invocation) can be
 * read off as the runtime experiences them.
 */
public final class RuntimeApiServer implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime";

    /** One invocation: the event handed out and what came back (a response or an error). */
    public record Invocation(String requestId, String event, long sentNanos, long answeredNanos, String response,
                             String error) {

        public double millis() {
            return (answeredNanos - sentNanos) / 1e6;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final String functionArn;
    private final Duration timeout;
    private final int invocations;
    private final IntFunction<String> events;

    private final AtomicInteger handedOut = new AtomicInteger();
    private final Map<String, Invocation> open = new ConcurrentHashMap<>();
    private final List<Invocation> answered = new CopyOnWriteArrayList<>();
    private final List<String> initErrors = new CopyOnWriteArrayList<>();
    private final List<String> restoreErrors = new CopyOnWriteArrayList<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final CountDownLatch allAnswered;
    private final CountDownLatch shutDown = new CountDownLatch(1);
    private volatile long firstNextNanos;
    private volatile long restoreNextNanos;

    /**
     * @param functionArn what {@code Lambda-Runtime-Invoked-Function-Arn} says
     * @param timeout     the function's timeout, for {@code Lambda-Runtime-Deadline-Ms}
     * @param invocations how many events to hand out
     * @param events      the event JSON of invocation {@code i} (0-based), asked for when the runtime
     *                    asks for it, so state can be prepared in between; not counted in any timing
     */
    public RuntimeApiServer(String functionArn, Duration timeout, int invocations, IntFunction<String> events) {
        this.functionArn = functionArn;
        this.timeout = timeout;
        this.invocations = invocations;
        this.events = events;
        this.allAnswered = new CountDownLatch(invocations);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the Runtime API", e);
        }
        server.setExecutor(threads);
        server.createContext(BASE + "/", this::handle);
        server.createContext("/", exchange -> answer(exchange, 404, unexpected(exchange)));
        server.start();
    }

    /** {@code AWS_LAMBDA_RUNTIME_API}: host and port. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether the runtime has asked to be restored (SnapStart): from then on the environment counts as restored. */
    public boolean restored() {
        return restoreNextNanos != 0;
    }

    /** When the runtime first asked for an invocation, i.e. init (and in SnapStart mode the restore) was done. */
    public OptionalLong firstNextNanos() {
        return firstNextNanos == 0 ? OptionalLong.empty() : OptionalLong.of(firstNextNanos);
    }

    /**
     * When the runtime, its {@code beforeCheckpoint} hooks done, asked to be restored (SnapStart
     * mode only). It is restored at once: its {@code afterRestore} hooks run from here to the
     * first {@code next}.
     */
    public OptionalLong restoreNextNanos() {
        return restoreNextNanos == 0 ? OptionalLong.empty() : OptionalLong.of(restoreNextNanos);
    }

    public List<Invocation> invocations() {
        return List.copyOf(answered);
    }

    public List<String> initErrors() {
        return List.copyOf(initErrors);
    }

    public List<String> restoreErrors() {
        return List.copyOf(restoreErrors);
    }

    /** Requests to paths the Runtime API does not have. */
    public List<String> unexpectedRequests() {
        return List.copyOf(unexpected);
    }

    /**
     * Waits until every invocation was answered, the runtime reported an init or restore error,
     * {@code process} ended, or {@code limit} passed.
     */
    public void awaitAnswers(Process process, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && !allAnswered.await(20, TimeUnit.MILLISECONDS)) {
            if (!initErrors.isEmpty() || !restoreErrors.isEmpty() || !process.isAlive()) {
                return;
            }
        }
    }

    @Override
    public void close() {
        shutDown.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(BASE.length());
        String method = exchange.getRequestMethod();
        if (method.equals("GET") && path.equals("/invocation/next")) {
            next(exchange);
        } else if (method.equals("POST") && path.startsWith("/invocation/") && path.endsWith("/response")) {
            finish(exchange, path.substring("/invocation/".length(), path.length() - "/response".length()), false);
        } else if (method.equals("POST") && path.startsWith("/invocation/") && path.endsWith("/error")) {
            finish(exchange, path.substring("/invocation/".length(), path.length() - "/error".length()), true);
        } else if (method.equals("POST") && path.equals("/init/error")) {
            initErrors.add(errorOf(exchange));
            answer(exchange, 202, "{\"status\":\"OK\"}");
        } else if (method.equals("GET") && path.equals("/restore/next")) {
            restoreNextNanos = System.nanoTime();
            answer(exchange, 200, "");
        } else if (method.equals("POST") && path.equals("/restore/error")) {
            restoreErrors.add(errorOf(exchange));
            answer(exchange, 202, "{\"status\":\"OK\"}");
        } else {
            answer(exchange, 404, unexpected(exchange));
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        if (firstNextNanos == 0) {
            firstNextNanos = arrived;
        }
        int index = handedOut.getAndIncrement();
        if (index >= invocations) {
            awaitShutdown();
            exchange.close();
            return;
        }
        String event = events.apply(index);
        String requestId = UUID.randomUUID().toString();
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", requestId);
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + timeout.toMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        headers.set("Lambda-Runtime-Trace-Id", traceId());
        long sent = System.nanoTime();
        open.put(requestId, new Invocation(requestId, event, sent, 0, null, null));
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void finish(HttpExchange exchange, String requestId, boolean failed) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        long now = System.nanoTime();
        Invocation invocation = open.remove(requestId);
        if (invocation == null) {
            answer(exchange, 400, "{\"errorMessage\":\"unknown request id\"}");
            unexpected.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " (unknown request id)");
            return;
        }
        answered.add(new Invocation(requestId, invocation.event(), invocation.sentNanos(), now,
                failed ? null : body, failed ? errorType(exchange) + " " + body : null));
        answer(exchange, 202, "{\"status\":\"OK\"}");
        allAnswered.countDown();
    }

    private static String errorOf(HttpExchange exchange) throws IOException {
        return errorType(exchange) + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String errorType(HttpExchange exchange) {
        return String.valueOf(exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"));
    }

    private String unexpected(HttpExchange exchange) {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        unexpected.add(request);
        return "{\"errorMessage\":\"no such path: " + request + "\"}";
    }

    /** An X-Ray trace header as Lambda passes it: {@code Root=1-<time>-<random>;Parent=...;Sampled=0}. */
    private static String traceId() {
        HexFormat hex = HexFormat.of();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                + hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextInt())
                + ";Parent=" + hex.toHexDigits(random.nextLong()) + ";Sampled=0";
    }

    private void awaitShutdown() {
        try {
            shutDown.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
