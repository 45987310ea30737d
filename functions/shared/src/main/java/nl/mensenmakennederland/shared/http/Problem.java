package nl.mensenmakennederland.shared.http;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document, thrown anywhere on a request path and answered by
 * {@link HttpHandler}. Titles and details are Dutch: the website shows them to volunteers.
 */
@SuppressWarnings("serial") // thrown and answered within one invocation, never serialized
public final class Problem extends RuntimeException {

    public record FieldError(String field, String message) {}

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public Problem(int status, String title, String detail) {
        this(status, title, detail, List.of(), Map.of());
    }

    private Problem(int status, String title, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(title, null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "Ongeldig verzoek", detail);
    }

    public static Problem invalid(String title, List<FieldError> errors) {
        return new Problem(422, title, "Controleer de gemarkeerde velden.", errors, Map.of());
    }

    public static Problem invalidParameter(String field, String message) {
        return new Problem(400, "Ongeldige parameter", message, List.of(new FieldError(field, message)), Map.of());
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Niet gevonden", detail);
    }

    public static Problem conflict(String title, String detail) {
        return new Problem(409, title, detail);
    }

    public static Problem busy(int retryAfterSeconds) {
        return new Problem(503, "Het is erg druk",
                "Probeer het over enkele seconden opnieuw; er is niets opgeslagen.", List.of(),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public static Problem internal() {
        return new Problem(500, "Er ging iets mis",
                "Er ging aan onze kant iets mis. Probeer het later opnieuw.");
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
