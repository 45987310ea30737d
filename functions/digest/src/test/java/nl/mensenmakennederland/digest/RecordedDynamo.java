package nl.mensenmakennederland.digest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * DynamoDB's answers recorded from a real run and answered again at once: the digest's own time
 * (the SDK building, signing and reading its requests, our counting) without any server's. A
 * request is known by its operation and its JSON body with the keys sorted, so the same read
 * gets the same answer in another JVM; one that was not recorded fails.
 */
final class RecordedDynamo {

    private record Answer(int status, Map<String, List<String>> headers, byte[] body) {}

    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    /** An HTTP client that sends through {@code delegate} and records every answer, read in full. */
    SdkHttpClient recording(SdkHttpClient delegate) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                byte[] body = body(request);
                ExecutableHttpRequest call = delegate.prepareRequest(HttpExecuteRequest.builder().request(request.httpRequest())
                        .contentStreamProvider(() -> new ByteArrayInputStream(body)).build());
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        HttpExecuteResponse response = call.call();
                        byte[] answer = response.responseBody().isPresent() ? readAll(response.responseBody().get()) : new byte[0];
                        SdkHttpResponse http = response.httpResponse();
                        if (http.isSuccessful()) {
                            answers.put(key(request, body), new Answer(http.statusCode(), http.headers(), answer));
                        }
                        return HttpExecuteResponse.builder().response(http)
                                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer))).build();
                    }

                    @Override
                    public void abort() {
                        call.abort();
                    }
                };
            }

            @Override
            public void close() {
                delegate.close();
            }
        };
    }

    /** An HTTP client that answers from what was recorded, without waiting for anything. */
    SdkHttpClient replaying() {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                String key = key(request, body(request));
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        Answer answer = answers.get(key);
                        if (answer == null) {
                            throw new IOException("Not recorded: " + key);
                        }
                        return HttpExecuteResponse.builder()
                                .response(SdkHttpFullResponse.builder().statusCode(answer.status()).headers(answer.headers()).build())
                                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer.body()))).build();
                    }

                    @Override
                    public void abort() {}
                };
            }

            @Override
            public void close() {}
        };
    }

    int size() {
        return answers.size();
    }

    void save(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(answers.size());
            for (Map.Entry<String, Answer> entry : answers.entrySet()) {
                write(out, entry.getKey().getBytes(StandardCharsets.UTF_8));
                Answer answer = entry.getValue();
                out.writeInt(answer.status());
                out.writeInt(answer.headers().size());
                for (Map.Entry<String, List<String>> header : answer.headers().entrySet()) {
                    out.writeUTF(header.getKey());
                    out.writeInt(header.getValue().size());
                    for (String value : header.getValue()) {
                        out.writeUTF(value);
                    }
                }
                write(out, answer.body());
            }
        }
    }

    static RecordedDynamo load(Path file) throws IOException {
        RecordedDynamo recorded = new RecordedDynamo();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String key = new String(read(in), StandardCharsets.UTF_8);
                int status = in.readInt();
                Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                int headerCount = in.readInt();
                for (int h = 0; h < headerCount; h++) {
                    String name = in.readUTF();
                    String[] values = new String[in.readInt()];
                    for (int v = 0; v < values.length; v++) {
                        values[v] = in.readUTF();
                    }
                    headers.put(name, List.of(values));
                }
                recorded.answers.put(key, new Answer(status, headers, read(in)));
            }
        }
        return recorded;
    }

    private static String key(HttpExecuteRequest request, byte[] body) {
        String operation = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        try {
            return operation + " " + CANONICAL.writeValueAsString(CANONICAL.readValue(body, Object.class));
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }

    private static byte[] body(HttpExecuteRequest request) {
        if (request.contentStreamProvider().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = request.contentStreamProvider().get().newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void write(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] read(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
