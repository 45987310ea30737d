package nl.mensenmakennederland.oproep;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.Municipalities;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Request;

/**
 * GET (and HEAD) /oproep/variants/{id}/download?orgType=&municipality= : counts the download,
 * then redirects to the file. Crawlers, previewers and prefetches are redirected too, but
 * counted apart; a count that cannot be written never stops the redirect.
 */
public final class DownloadVariantHandler extends HttpHandler {

    private static final String NOT_FOUND = "Deze variant van de Oproep bestaat niet (meer).";

    private final DownloadDesk desk;

    public DownloadVariantHandler() {
        this(DownloadDesk.fromEnvironment());
        primeOnCheckpoint();
    }

    public DownloadVariantHandler(DownloadDesk desk) {
        this.desk = desk;
    }

    /** The count and the link, offline: no harmless request reaches them. */
    @Override
    protected void rehearse() {
        desk.rehearse();
    }

    /** A complete request for a variant that does not exist: the variants read, refused with 404 before any write. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("GET /oproep/variants/{id}/download").pathParameter("id", "priming-no-such-variant")
                .query("orgType", "vrijwilligerscentrale").query("municipality", "Utrecht")
                .header("user-agent", "Mozilla/5.0 (priming)").expect(404));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        String variantId = request.pathParameter("id");
        if (!Variant.isValidId(variantId)) {
            throw Problem.notFound(NOT_FOUND);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        OrgType orgType = request.query("orgType").map(code -> OrgType.ofCode(code).orElseGet(() -> {
            errors.add(new Problem.FieldError("orgType", "Kies een soort organisatie uit de lijst."));
            return OrgType.ONBEKEND;
        })).orElse(OrgType.ONBEKEND);
        Optional<String> municipality = request.query("municipality").flatMap(name -> {
            Optional<String> official = Municipalities.official(name);
            if (official.isEmpty()) {
                errors.add(new Problem.FieldError("municipality", "Kies een bestaande Nederlandse gemeente."));
            }
            return official;
        });
        if (!errors.isEmpty()) {
            throw Problem.invalid("Ongeldige keuze", errors);
        }
        String userAgent = request.header("user-agent").orElse(null);
        // Chrome and Firefox say Sec-Purpose or Purpose; Safari's previews X-Purpose; older Firefox X-Moz.
        String purpose = request.header("sec-purpose").or(() -> request.header("purpose"))
                .or(() -> request.header("x-purpose")).or(() -> request.header("x-moz")).orElse(null);
        DownloadDesk.Visitor visitor = new DownloadDesk.Visitor(request.sourceIp().orElse(null), userAgent,
                AutomatedFetches.isAutomated(request.method(), userAgent, purpose));
        return switch (desk.download(variantId, orgType, municipality, visitor)) {
            case DownloadDesk.Result.NotFound notFound -> throw Problem.notFound(NOT_FOUND);
            case DownloadDesk.Result.Redirect redirect -> APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(302)
                    .withHeaders(Map.of("location", redirect.location().toString(), "cache-control", "no-store",
                            "referrer-policy", "no-referrer"))
                    .build();
        };
    }
}
