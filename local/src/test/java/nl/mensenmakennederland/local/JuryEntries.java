package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.mensenmakennederland.prizes.ConsentText;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.TestVideos;
import nl.mensenmakennederland.testing.TestVideos.Kind;

/**
 * Entries before the jury, made through the running runner as an initiative makes them: the
 * entry form, the vlog (a real MP4 by ffmpeg) posted to the presigned upload, and the check's
 * verdict awaited; and jurors' scores through the API.
 */
final class JuryEntries {

    private JuryEntries() {}

    /** A new entry whose vlog passed the check ({@code submitted}); its id. */
    static String submitted(RunnerProcess runner, String title, String municipality) throws IOException, InterruptedException {
        Map<String, Object> consent = Map.of("version", ConsentText.CURRENT, "publication", true,
                "recognisablePeople", true, "minorsAppear", false);
        byte[] vlog = TestVideos.make(Kind.MP4_INDEX_AT_END, 3);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("initiative", "Buurthuis " + title);
        form.put("organisation", "Stichting Samen");
        form.put("municipality", municipality);
        form.put("contactName", "Fatima El Amrani");
        form.put("email", "inzending." + System.nanoTime() + "@example.org");
        form.put("title", title);
        form.put("description", "Elke nieuwe vrijwilliger krijgt een maatje en drinkt de eerste week koffie met het hele team.");
        form.put("file", Map.of("name", "vlog.mp4", "size", vlog.length, "contentType", "video/mp4"));
        form.put("consent", consent);
        HttpResponse<String> created = runner.send("POST", "/prizes/entries", Map.of("content-type", "application/json"),
                Json.write(form));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode entry = Json.MAPPER.readTree(created.body());
        String entryId = entry.path("entryId").asText();
        assertThat(upload(entry.path("upload"), vlog)).as("S3's answer to the upload").isBetween(200, 299);

        String manageUrl = entry.path("manageUrl").asText();
        String path = "/prizes/entries/" + entryId + "?token=" + manageUrl.substring(manageUrl.indexOf("token=") + "token=".length());
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!Json.MAPPER.readTree(runner.get(path).body()).path("status").asText().equals("submitted")) {
            assertThat(Instant.now()).as("the check's verdict on " + title).isBefore(giveUp);
            Thread.sleep(250);
        }
        return entryId;
    }

    /** What the entry page does with an entry's {@code upload}: its fields, then the file, as multipart/form-data. */
    private static int upload(JsonNode upload, byte[] file) throws IOException, InterruptedException {
        String boundary = "----jury" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        upload.path("fields").properties().forEach(field -> head.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(field.getKey()).append("\"\r\n\r\n")
                .append(field.getValue().asText()).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"vlog.mp4\"\r\n")
                .append("Content-Type: video/mp4\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return RunnerProcess.HTTP.send(HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** A fresh token of someone in {@code groups} (e.g. "jury"): each one is another person (a new {@code sub}). */
    static String token(RunnerProcess runner, String groups) throws IOException {
        return Json.MAPPER.readTree(runner.get("/_local/token?groups=" + groups).body()).path("token").asText();
    }

    /** A juror's score, as the score form sends it. */
    static void score(RunnerProcess runner, String jurorToken, String entryId, int welcome, int example, int originality,
                      String comment) {
        HttpResponse<String> scored = runner.send("PUT", "/jury/entries/" + entryId + "/score",
                Map.of("authorization", "Bearer " + jurorToken, "content-type", "application/json"),
                Json.write(Map.of("marks", Map.of("welcome", welcome, "example", example, "originality", originality),
                        "comment", comment)));
        assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
    }
}
