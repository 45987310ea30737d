package nl.mensenmakennederland.oproep;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.mensenmakennederland.shared.Municipalities;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Problem.FieldError;

/**
 * What the poster maker posts: a place or organisation and an ending ("Zwijndrecht",
 * "groener"), bounded and checked so that nothing breaks the layout: lengths, letters and a few
 * marks only, every character one the poster's font has. Messages in Dutch.
 */
public record PosterForm(String place, String ending, OrgType orgType) {

    static final int MAX_PLACE = 40;
    static final int MAX_ENDING = 30;
    /** Letters (any script the font has), digits, spaces and the marks names and endings use. */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}0-9 '’.,&!?()-]+");

    public static PosterForm parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String place = text(body, "place", MAX_PLACE,
                "Vul een plaats of organisatie in van hoogstens " + MAX_PLACE + " tekens: letters, cijfers, spaties en - ' . , & ! ?", errors);
        String ending = text(body, "ending", MAX_ENDING,
                "Vul een afsluiting in van hoogstens " + MAX_ENDING + " tekens, bijvoorbeeld groener of gezelliger.", errors);
        OrgType orgType = OrgType.ONBEKEND;
        JsonNode org = body.get("orgType");
        if (org != null && !org.isNull()) {
            Optional<OrgType> known = org.isTextual() ? OrgType.ofCode(org.asText()) : Optional.empty();
            if (known.isEmpty()) {
                errors.add(new FieldError("orgType", "Kies een soort organisatie uit de lijst."));
            } else {
                orgType = known.get();
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("De poster kan zo niet gemaakt worden", errors);
        }
        return new PosterForm(place, ending, orgType);
    }

    /** The place's municipality, when the place is one: the poster is then counted there. */
    public Optional<String> municipality() {
        return Municipalities.official(place);
    }

    /** "Mensen maken Zwijndrecht groener". */
    public String text() {
        return PosterRenderer.FIRST_LINE + " " + place + " " + ending;
    }

    /** The files' name: the text in lowercase ASCII, e.g. {@code mensen-maken-zwijndrecht-groener}. */
    public String fileName() {
        String ascii = Normalizer.normalize(text(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-$", "") : slug;
    }

    private static String text(JsonNode body, String field, int max, String message, List<FieldError> errors) {
        JsonNode node = body.get(field);
        String value = node == null || !node.isTextual() ? "" : Normalizer.normalize(node.asText(), Normalizer.Form.NFC)
                .strip().replaceAll(" {2,}", " ");
        if (value.isEmpty() || value.codePointCount(0, value.length()) > max || !ALLOWED.matcher(value).matches()
                || !PosterRenderer.canShow(value)) {
            errors.add(new FieldError(field, message));
            return null;
        }
        return value;
    }
}
