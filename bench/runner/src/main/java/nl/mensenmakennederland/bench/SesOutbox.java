package nl.mensenmakennederland.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.LocalAws;

/** The mails SES accepted in moto, counted from moto's state. */
final class SesOutbox {

    private SesOutbox() {}

    static int sentCount(LocalAws aws) {
        try {
            var ses = Json.MAPPER.readTree(aws.moto().orElseThrow().state()).path("ses");
            return ses.path("RawMessage").size() + ses.path("Message").size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
