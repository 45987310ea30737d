package nl.mensenmakennederland.prizes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.mensenmakennederland.shared.Json;

/**
 * S3's event notification as the queue carries it (the message body): the objects created.
 * S3 writes keys URL-encoded, spaces as {@code +}. The test message S3 sends when the
 * notification is set up names no object.
 */
final class S3Notification {

    /** One object S3 stored. */
    record Created(String bucket, String key, long size) {}

    private S3Notification() {}

    static List<Created> objectsCreated(String body) {
        JsonNode notification;
        try {
            notification = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not an S3 notification", e);
        }
        List<Created> created = new ArrayList<>();
        for (JsonNode record : notification.path("Records")) {
            if (record.path("eventName").asText().startsWith("ObjectCreated:")) {
                JsonNode s3 = record.path("s3");
                created.add(new Created(s3.path("bucket").path("name").asText(),
                        URLDecoder.decode(s3.path("object").path("key").asText(), StandardCharsets.UTF_8),
                        s3.path("object").path("size").asLong()));
            }
        }
        return created;
    }
}
