package nl.mensenmakennederland.oproep;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.UtcTime;
import nl.mensenmakennederland.shared.http.HttpHandler;
import nl.mensenmakennederland.shared.http.PrimingRequest;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Request;
import nl.mensenmakennederland.shared.http.Responses;

/**
 * POST /admin/oproep/variants/{id}/uploads (admins): a presigned POST for a new file version or
 * preview of a variant, new or existing. Nothing changes until a PUT of the variant names the upload.
 */
public final class StartVariantUploadHandler extends HttpHandler {

    /** The form to post the file with, as the site's upload code expects it. */
    public record UploadForm(String url, Map<String, String> fields, String expiresAt, long maxBytes) {}

    public record Started(String variantId, boolean newVariant, String objectKey, UploadForm upload) {}

    private final VariantCatalog catalog;
    private final VariantUploads uploads;

    public StartVariantUploadHandler() {
        this(new VariantCatalog(AwsClients.dynamoDb(), Env.system().required("OPROEP_TABLE")), VariantUploads.fromEnvironment());
        primeOnCheckpoint();
    }

    public StartVariantUploadHandler(VariantCatalog catalog, VariantUploads uploads) {
        this.catalog = catalog;
        this.uploads = uploads;
    }

    /** A whole upload started: the variant read, the form signed; nothing is written. */
    @Override
    protected List<PrimingRequest> primingRequests() {
        return List.of(PrimingRequest.to("POST /admin/oproep/variants/{id}/uploads").asAdmin()
                .pathParameter("id", "priming-no-such-variant").jsonBody("{\"part\":\"file\",\"fileType\":\"pdf\"}").expect(201));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(Request request) {
        request.requireAdmin();
        String variantId = request.pathParameter("id");
        if (!Variant.isValidId(variantId)) {
            throw Problem.invalidParameter("id", "Een variant-id bestaat uit kleine letters, cijfers en streepjes (hoogstens 64).");
        }
        JsonNode body = request.jsonBody();
        List<Problem.FieldError> errors = new ArrayList<>();
        String partName = body.path("part").asText("file");
        VariantUploads.Part part = switch (partName) {
            case "file" -> VariantUploads.Part.FILE;
            case "preview" -> VariantUploads.Part.PREVIEW;
            default -> {
                errors.add(new Problem.FieldError("part", "Kies file (het bestand) of preview (de voorbeeldafbeelding)."));
                yield VariantUploads.Part.FILE;
            }
        };
        String fileType = body.path("fileType").asText("").toLowerCase(Locale.ROOT);
        if (errors.isEmpty() && !part.allows(fileType)) {
            errors.add(new Problem.FieldError("fileType", part == VariantUploads.Part.FILE
                    ? "Kies pdf, png, jpg of zip." : "Kies png of jpg voor de voorbeeldafbeelding."));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("De upload kan zo niet beginnen", errors);
        }
        boolean newVariant = catalog.find(variantId).isEmpty();
        VariantUploads.Upload upload = uploads.start(variantId, part, fileType);
        return Responses.json(201, new Started(variantId, newVariant, upload.objectKey(), new UploadForm(upload.form().url(),
                upload.form().fields(), UtcTime.format(upload.form().expiresAt()), upload.maxBytes())));
    }
}
