package nl.mensenmakennederland.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.mensenmakennederland.shared.EmailAddress;
import nl.mensenmakennederland.shared.Municipalities;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Problem.FieldError;

/** The registration form as the website posts it, checked field by field (messages in Dutch). */
public record RegistrationForm(String name, String email, String organisation, String municipality, int seats) {

    static final int MAX_NAME = 100;
    static final int MAX_ORGANISATION = 120;

    /** Reads and checks the posted JSON; a 422 lists every field that is wrong at once. */
    public static RegistrationForm parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : List.of("name", "email", "organisation", "municipality")) {
            JsonNode node = body.get(field);
            if (node != null && !node.isNull() && !node.isTextual()) {
                errors.add(new FieldError(field, "Vul hier tekst in."));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("Je aanmelding is nog niet compleet", errors);
        }

        String name = text(body, "name");
        if (name == null || name.length() < 2) {
            errors.add(new FieldError("name", "Vul je naam in."));
        } else if (name.length() > MAX_NAME || hasControlCharacters(name)) {
            errors.add(new FieldError("name", "Je naam mag maximaal " + MAX_NAME + " tekens zijn."));
        }

        String email = text(body, "email");
        if (email == null) {
            errors.add(new FieldError("email", "Vul je e-mailadres in."));
        } else if (!EmailAddress.isPlausible(email)) {
            errors.add(new FieldError("email", "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."));
        }

        String organisation = text(body, "organisation");
        if (organisation != null && (organisation.length() > MAX_ORGANISATION || hasControlCharacters(organisation))) {
            errors.add(new FieldError("organisation", "De naam van je organisatie mag maximaal " + MAX_ORGANISATION + " tekens zijn."));
        }

        String municipality = null;
        String givenMunicipality = text(body, "municipality");
        if (givenMunicipality != null) {
            Optional<String> official = Municipalities.official(givenMunicipality);
            if (official.isEmpty()) {
                errors.add(new FieldError("municipality", "Kies een Nederlandse gemeente uit de lijst."));
            } else {
                municipality = official.get();
            }
        }

        int seats = 1;
        JsonNode seatsNode = body.get("seats");
        if (seatsNode != null && !seatsNode.isNull()) {
            if (!seatsNode.canConvertToInt() || !seatsNode.isIntegralNumber() || seatsNode.asInt() < 1) {
                errors.add(new FieldError("seats", "Kies een aantal plaatsen van 1 of meer."));
            } else {
                seats = seatsNode.asInt();
            }
        }

        JsonNode consent = body.get("consent");
        if (consent == null || !consent.isBoolean() || !consent.asBoolean()) {
            errors.add(new FieldError("consent",
                    "Geef toestemming om je gegevens voor deze aanmelding te gebruiken; anders kunnen we je niet inschrijven."));
        }

        if (!errors.isEmpty()) {
            throw Problem.invalid("Je aanmelding is nog niet compleet", errors);
        }
        return new RegistrationForm(name, email.trim(), organisation, municipality, seats);
    }

    /** A trimmed string field (its type is checked above); null when absent or blank. */
    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual()) {
            return null;
        }
        String value = node.asText().strip();
        return value.isEmpty() ? null : value;
    }

    private static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }
}
