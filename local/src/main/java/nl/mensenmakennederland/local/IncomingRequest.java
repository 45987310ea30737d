package nl.mensenmakennederland.local;

import java.util.List;
import java.util.Map;

/** An HTTP request as it reached the runner, before API Gateway's mapping. */
record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                       byte[] body, String sourceIp) {

    /** The first value of a header, by case-insensitive name. */
    String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().getFirst();
            }
        }
        return null;
    }
}
