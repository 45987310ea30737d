package nl.mensenmakennederland.prizes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Problem.FieldError;

/**
 * A juror's scoring form: {@code {"marks": {"welcome": 4, "example": 5, "originality": 3}, "comment": "..."}}.
 * Every criterion must be marked with a whole number from 1 to 5; the comment is optional. Every
 * wrong field is a Dutch message in one 422.
 */
public record ScoreForm(Map<Criterion, Integer> marks, String comment) {

    public static final int MAX_COMMENT = 2000;

    public static ScoreForm parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Map<Criterion, Integer> marks = new EnumMap<>(Criterion.class);
        JsonNode given = body.path("marks");
        if (!given.isObject()) {
            errors.add(new FieldError("marks", "Geef een cijfer voor elk criterium."));
        } else {
            given.properties().forEach(field -> {
                if (Criterion.of(field.getKey()).isEmpty()) {
                    errors.add(new FieldError("marks." + field.getKey(), "Dit criterium kennen we niet."));
                }
            });
            for (Criterion criterion : Criterion.values()) {
                JsonNode mark = given.path(criterion.code());
                if (!mark.isIntegralNumber() || mark.asInt() < Criterion.LOWEST || mark.asInt() > Criterion.HIGHEST) {
                    errors.add(new FieldError("marks." + criterion.code(),
                            "Geef \"" + criterion.label() + "\" een heel cijfer van 1 tot en met 5."));
                } else {
                    marks.put(criterion, mark.asInt());
                }
            }
        }
        JsonNode comment = body.path("comment");
        String text = comment.isMissingNode() || comment.isNull() ? "" : comment.isTextual() ? comment.asText().strip() : null;
        if (text == null) {
            errors.add(new FieldError("comment", "De toelichting moet tekst zijn."));
        } else if (text.length() > MAX_COMMENT) {
            errors.add(new FieldError("comment", "De toelichting mag hoogstens " + MAX_COMMENT + " tekens zijn."));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("De score is niet compleet", errors);
        }
        return new ScoreForm(Collections.unmodifiableMap(marks), text);
    }
}
