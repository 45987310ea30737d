package nl.mensenmakennederland.digest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/**
 * GET /admin/digest/preview (admins): the digest as it would be sent now, its figures as JSON and
 * its mail as subject, text and HTML; with {@code Accept: text/html}, the mail's HTML itself.
 */
public final class DigestPreviewHandler extends HttpHandler {

    private final MorningDigest digest;

    public DigestPreviewHandler() {
        this(MorningDigest.fromEnvironment());
        primeOnCheckpoint();
    }

    public DigestPreviewHandler(MorningDigest digest) {
        this.digest = digest;
    }

    /** An admin's preview: every table read, the mail composed. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("GET /admin/digest/preview").asAdmin());
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        request.requireAdmin();
        MorningDigest.Preview preview = digest.preview();
        if (request.header("accept").orElse("").contains("text/html")) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "text/html; charset=utf-8", "cache-control", "no-store"))
                    .withBody(preview.html()).build();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("period", Map.of("firstDay", preview.digest().period().firstDay().toString(),
                "lastDay", preview.digest().period().lastDay().toString()));
        answer.put("quiet", preview.digest().quiet());
        answer.put("sections", preview.digest().sections());
        answer.put("subject", preview.subject());
        answer.put("text", preview.text());
        answer.put("html", preview.html());
        return Responses.json(200, answer);
    }
}
