package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DNS rebinding: a page from evil.example whose DNS now answers 127.0.0.1 reaches the runner,
 * but its requests carry {@code Host: evil.example}. Sent over a plain socket, since Java's
 * HTTP client does not let a caller choose the Host header.
 */
@ExtendWith(SharedRunner.class)
class LoopbackHostTest {

    private static String get(RunnerProcess runner, String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), runner.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void aRebindingPageCannotReadTheTokenEndpointTheMailboxOrTheApi(RunnerProcess runner) throws IOException {
        for (String path : List.of("/_local/token?groups=admins", "/_local/mail", "/events", "/")) {
            for (String host : List.of("evil.example:" + runner.port(), "evil.example", "localhost.evil.example:" + runner.port(),
                    "127.0.0.1.nip.io:" + runner.port(), "localhost:" + (runner.port() + 1))) {
                String response = get(runner, path, host);

                assertThat(response).as(host + " " + path).startsWith("HTTP/1.1 421 ");
                assertThat(response).as(host + " " + path).doesNotContain("token\"", "eyJ");
            }
        }
    }

    @Test
    void theLoopbackNamesWithTheRunnersPortAreServed(RunnerProcess runner) throws IOException {
        for (String host : List.of("localhost:" + runner.port(), "127.0.0.1:" + runner.port(), "[::1]:" + runner.port(),
                "LocalHost:" + runner.port())) {
            String response = get(runner, "/_local/token?groups=admins", host);

            assertThat(response).as(host).startsWith("HTTP/1.1 200 ").contains("\"token\":\"eyJ");
        }
    }
}
