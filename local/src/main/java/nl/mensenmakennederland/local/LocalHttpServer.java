package nl.mensenmakennederland.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import nl.mensenmakennederland.shared.Log;

/**
 * One loopback port for everything a volunteer's browser needs: the template's API routes
 * first, then the emulated hosted sign-in, the local mailbox, token endpoint and schedule triggers, then the demo site; anything else is API
 * Gateway's 404. It answers only requests addressed to the loopback host: the admin tokens and the
 * mailbox must not be readable by a web page that rebinds its own domain's DNS to 127.0.0.1.
 */
final class LocalHttpServer implements AutoCloseable {

    /** Bodies beyond this are refused before a function sees them (API Gateway's limit is 10 MB). */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final HttpServer server;
    private final ApiGateway api;
    private final MailboxPage mailbox;
    private final TokenEndpoint tokens;
    private final HostedSignIn signIn;
    private final ScheduleTriggers schedules;
    private final StaticSite site;
    private final int port;

    LocalHttpServer(int port, ApiGateway api, MailboxPage mailbox, TokenEndpoint tokens, HostedSignIn signIn,
                    ScheduleTriggers schedules, StaticSite site) throws IOException {
        this.api = api;
        this.mailbox = mailbox;
        this.tokens = tokens;
        this.signIn = signIn;
        this.schedules = schedules;
        this.site = site;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.port = server.getAddress().getPort();
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    }

    void start() {
        server.start();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            LocalResponse response;
            try {
                response = respond(exchange);
            } catch (RuntimeException error) {
                Log.error("local.server.failed", error);
                response = LocalResponse.of(500, "application/json", "{\"message\":\"Internal Server Error\"}");
            }
            response.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
            boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || response.status() == 204 || response.status() == 304;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length == 0 ? -1 : response.body().length);
            if (!noBody && response.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    private LocalResponse respond(HttpExchange exchange) throws IOException {
        List<String> host = exchange.getRequestHeaders().get("Host");
        if (host == null || host.size() != 1 || !isLoopback(host.get(0), port)) {
            return LocalResponse.of(421, "text/plain; charset=utf-8",
                    "Misdirected Request: this runner answers only to localhost, 127.0.0.1 and [::1] on port " + port + ".\n");
        }
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return LocalResponse.of(413, "application/json", "{\"message\":\"Request Entity Too Large\"}");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
        IncomingRequest request = new IncomingRequest(method, rawPath, exchange.getRequestURI().getRawQuery(), headers, body,
                exchange.getRemoteAddress().getAddress().getHostAddress());
        Optional<LocalResponse> response = api.handle(request);
        if (response.isEmpty()) {
            response = signIn.handle(request);
        }
        if (response.isEmpty() && ("GET".equals(method) || "HEAD".equals(method))) {
            response = rawPath.startsWith(MailboxPage.PATH) ? mailbox.get(rawPath)
                    : rawPath.equals(TokenEndpoint.PATH) ? tokens.get(exchange.getRequestURI().getRawQuery())
                    : site.get(rawPath);
        }
        if (response.isEmpty() && "POST".equals(method)) {
            response = schedules.post(rawPath);
        }
        return response.orElseGet(LocalResponse::notFound);
    }

    /**
     * Whether a {@code Host} header names this server on a loopback address. A page served from
     * another domain whose DNS now points here still sends its own domain as the host.
     */
    static boolean isLoopback(String host, int port) {
        String value = host.trim().toLowerCase(Locale.ROOT);
        for (String loopback : List.of("localhost", "127.0.0.1", "[::1]")) {
            if (value.equals(loopback + ":" + port) || (port == 80 && value.equals(loopback))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
