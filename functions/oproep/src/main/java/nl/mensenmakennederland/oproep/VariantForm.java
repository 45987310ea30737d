package nl.mensenmakennederland.oproep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Problem.FieldError;

/**
 * A variant as an admin describes it (PUT /admin/oproep/variants/{id}), checked field by field
 * (messages in Dutch). The files it names must be uploads made for this variant
 * ({@link VariantUploads}): the key is checked here, the file's presence by the handler.
 */
public record VariantForm(String title, Audience audience, String format, String dimensions, String fileType,
                          String language, String objectKey, String previewKey, boolean retired) {

    static final int MAX_TITLE = 120;
    static final int MAX_SHORT = 40;

    public static VariantForm parse(String variantId, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String title = text(body, "title", 1, MAX_TITLE, "Geef de variant een titel van hoogstens " + MAX_TITLE + " tekens.", errors);
        Optional<Audience> audience = raw(body, "audience").flatMap(Audience::ofCode);
        if (audience.isEmpty()) {
            errors.add(new FieldError("audience", "Kies landelijk, regionaal of lokaal."));
        }
        String format = text(body, "format", 1, MAX_SHORT, "Geef het formaat, bijvoorbeeld advertentie of poster.", errors);
        String dimensions = text(body, "dimensions", 1, MAX_SHORT, "Geef de afmetingen, bijvoorbeeld 210 x 297 mm.", errors);
        String fileType = raw(body, "fileType").map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
        if (!VariantUploads.Part.FILE.allows(fileType)) {
            errors.add(new FieldError("fileType", "Kies pdf, png, jpg of zip."));
            fileType = null;
        }
        String language = text(body, "language", 2, 2, "Geef de taal als code van twee letters, bijvoorbeeld nl of fy.", errors);
        if (language != null && !language.matches("[a-z]{2}")) {
            errors.add(new FieldError("language", "Geef de taal als code van twee letters, bijvoorbeeld nl of fy."));
        }
        String objectKey = text(body, "objectKey", 1, 200, "Upload eerst het bestand en geef de objectKey van die upload.", errors);
        if (objectKey != null && !isUploadKey(objectKey, VariantUploads.Part.FILE.prefixOf(variantId), fileType)) {
            errors.add(new FieldError("objectKey", "Deze objectKey hoort niet bij een upload voor deze variant."));
        }
        String previewKey = null;
        JsonNode preview = body.get("previewKey");
        if (preview != null && !preview.isNull()) {
            previewKey = preview.isTextual() ? preview.asText() : "";
            if (!isUploadKey(previewKey, VariantUploads.Part.PREVIEW.prefixOf(variantId), null)) {
                errors.add(new FieldError("previewKey", "Deze previewKey hoort niet bij een upload voor deze variant."));
            }
        }
        JsonNode retired = body.get("retired");
        if (retired != null && !retired.isNull() && !retired.isBoolean()) {
            errors.add(new FieldError("retired", "Geef true (teruggetrokken) of false."));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("De variant is nog niet compleet", errors);
        }
        return new VariantForm(title, audience.orElseThrow(), format, dimensions, fileType, language, objectKey, previewKey,
                retired != null && retired.asBoolean(false));
    }

    /** The variant this form describes, with the size S3 reports for its file. */
    public Variant toVariant(String id, long sizeBytes) {
        return new Variant(id, title, audience, format, dimensions, fileType, sizeBytes, language, objectKey, previewKey, retired);
    }

    /** A key our upload route makes: the variant's prefix, one name without slashes, the file type's extension. */
    private static boolean isUploadKey(String key, String prefix, String fileType) {
        if (!key.startsWith(prefix)) {
            return false;
        }
        String name = key.substring(prefix.length());
        return name.matches("[A-Za-z0-9_-]{1,64}\\.[a-z]{3,4}") && (fileType == null || name.endsWith("." + fileType));
    }

    private static Optional<String> raw(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || !node.isTextual() ? Optional.empty() : Optional.of(node.asText().strip());
    }

    private static String text(JsonNode body, String field, int min, int max, String message, List<FieldError> errors) {
        JsonNode node = body.get(field);
        String value = node == null || !node.isTextual() ? null : node.asText().strip();
        if (value == null || value.length() < min || value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, message));
            return null;
        }
        return value;
    }
}
