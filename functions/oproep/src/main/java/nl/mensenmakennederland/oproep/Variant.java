package nl.mensenmakennederland.oproep;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One variant of the Maatschappelijke Oproep as the admins manage it: what the site lists, and
 * where its current file and preview are in the assets bucket. A retired variant stays stored
 * (its counts refer to it) but is neither listed nor downloadable.
 */
public record Variant(String id, String title, Audience audience, String format, String dimensions, String fileType,
                      long sizeBytes, String language, String objectKey, String previewKey, boolean retired) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Ids are short lowercase slugs: they appear in URLs, file names and count keys. "poster" is the toolkit poster's. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches() && !id.equals(DownloadDesk.POSTER);
    }

    /** The name the file is saved under: the campaign's name, the variant, its type. */
    public String fileName() {
        return "mensen-maken-nederland-oproep-" + id + "." + fileType.toLowerCase(Locale.ROOT);
    }

    /** The file's media type, for the download's Content-Type. */
    public String contentType() {
        return switch (fileType.toLowerCase(Locale.ROOT)) {
            case "pdf" -> "application/pdf";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "zip" -> "application/zip";
            default -> "application/octet-stream";
        };
    }
}
