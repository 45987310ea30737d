package nl.mensenmakennederland.prizes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** What the website does with an entry's {@code upload}: posts its fields, then the file, as multipart/form-data to its url. */
final class BrowserUpload {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BrowserUpload() {}

    /** The status S3 answered. */
    static int post(JsonNode upload, String fileName, byte[] file) throws IOException, InterruptedException {
        String boundary = "----mmn" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        upload.path("fields").properties().forEach(field -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + field.getKey() + "\"\r\n\r\n" + field.getValue().asText() + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + upload.path("fields").path("Content-Type").asText() + "\r\n\r\n");
        body.write(file);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
