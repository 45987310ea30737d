package nl.mensenmakennederland.oproep;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/**
 * PUT /admin/oproep/variants/{id} (admins): adds or changes a variant, makes an upload its
 * current file (or preview), or retires it ({@code retired: true}). Downloads take the change
 * within a minute (DownloadDesk reads the variants once a minute).
 */
public final class PutVariantHandler extends HttpHandler {

    /** A variant as admins see it, keys and retirement included. */
    public record AdminVariantView(String id, String title, String audience, String format, String dimensions, String fileType,
                                   long sizeBytes, String language, String objectKey, String previewKey, boolean retired) {

        static AdminVariantView of(Variant v) {
            return new AdminVariantView(v.id(), v.title(), v.audience().code(), v.format(), v.dimensions(), v.fileType(),
                    v.sizeBytes(), v.language(), v.objectKey(), v.previewKey(), v.retired());
        }
    }

    private final VariantCatalog catalog;
    private final AssetFiles files;

    public PutVariantHandler() {
        this(new VariantCatalog(AwsClients.dynamoDb(), Env.system().required("OPROEP_TABLE")), AssetFiles.fromEnvironment());
        primeOnCheckpoint();
    }

    public PutVariantHandler(VariantCatalog catalog, AssetFiles files) {
        this.catalog = catalog;
        this.files = files;
    }

    /** A complete variant whose upload is not there: the bucket asked, refused with 422 before any write. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("PUT /admin/oproep/variants/{id}").asAdmin().pathParameter("id", "priming")
                .jsonBody("{\"title\":\"Priming\",\"audience\":\"landelijk\",\"format\":\"advertentie\",\"dimensions\":\"A4\","
                        + "\"fileType\":\"pdf\",\"language\":\"nl\",\"objectKey\":\"variants/priming/priming.pdf\"}")
                .expect(422));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        request.requireAdmin();
        String variantId = request.pathParameter("id");
        if (!Variant.isValidId(variantId)) {
            throw Problem.invalidParameter("id", "Een variant-id bestaat uit kleine letters, cijfers en streepjes (hoogstens 64).");
        }
        VariantForm form = VariantForm.parse(variantId, request.jsonBody());
        List<Problem.FieldError> errors = new ArrayList<>();
        Long size = files.size(form.objectKey()).orElse(null);
        if (size == null) {
            errors.add(new Problem.FieldError("objectKey", "Dit bestand is (nog) niet geüpload."));
        }
        if (form.previewKey() != null && files.size(form.previewKey()).isEmpty()) {
            errors.add(new Problem.FieldError("previewKey", "Deze voorbeeldafbeelding is (nog) niet geüpload."));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("De variant is nog niet compleet", errors);
        }
        Variant variant = form.toVariant(variantId, size);
        catalog.put(variant);
        return Responses.json(200, AdminVariantView.of(variant));
    }
}
