package nl.mensenmakennederland.oproep;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/** GET /oproep/variants : the variants of the Oproep on offer, with previews. */
public final class ListVariantsHandler extends HttpHandler {

    /** A variant as the site shows it. */
    public record VariantView(String id, String title, String audience, String format, String dimensions, String fileType,
                              long sizeBytes, String language, String preview, String download) {}

    private final VariantCatalog catalog;
    private final DownloadLinks links;

    public ListVariantsHandler() {
        this(new VariantCatalog(AwsClients.dynamoDb(), Env.system().required("OPROEP_TABLE")), DownloadLinks.fromEnvironment());
        primeOnCheckpoint();
    }

    public ListVariantsHandler(VariantCatalog catalog, DownloadLinks links) {
        this.catalog = catalog;
        this.links = links;
    }

    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("GET /oproep/variants"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        List<VariantView> variants = catalog.current().stream()
                .sorted(Comparator.comparing(Variant::audience).thenComparing(Variant::title))
                .map(v -> new VariantView(v.id(), v.title(), v.audience().code(), v.format(), v.dimensions(), v.fileType(),
                        v.sizeBytes(), v.language(), v.previewKey() == null ? null : links.preview(v).toString(),
                        "/oproep/variants/" + v.id() + "/download"))
                .toList();
        // Shorter than the previews' links live (DownloadLinks.PREVIEW_VALID), so a cached list never shows a dead one.
        return Responses.json(200, Map.of("variants", variants), Map.of("cache-control", "public, max-age=300"));
    }
}
