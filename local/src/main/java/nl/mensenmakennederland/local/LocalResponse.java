package nl.mensenmakennederland.local;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** An HTTP response the runner writes: from a function, the site, or the mailbox. */
record LocalResponse(int status, Map<String, List<String>> headers, byte[] body) {

    static LocalResponse of(int status, String contentType, String body) {
        return new LocalResponse(status, Map.of("content-type", List.of(contentType)), body.getBytes(StandardCharsets.UTF_8));
    }

    /** API Gateway's own answer when no route matches: 404 {"message":"Not Found"}. */
    static LocalResponse notFound() {
        return of(404, "application/json", "{\"message\":\"Not Found\"}");
    }
}
