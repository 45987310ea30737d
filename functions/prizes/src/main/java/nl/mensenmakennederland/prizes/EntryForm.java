package nl.mensenmakennederland.prizes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.mensenmakennederland.shared.EmailAddress;
import nl.mensenmakennederland.shared.Municipalities;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Problem.FieldError;

/**
 * The entry form as the website posts it, checked field by field (messages in Dutch): who
 * enters, the vlog's title and description, the file about to be uploaded, and the consent.
 *
 * @param minorsAppear whether children under 16 are recognisable in the vlog (then a parent or guardian agreed)
 */
public record EntryForm(String initiative, String organisation, String municipality, String contactName, String email,
                        String title, String description, String fileName, long fileSize, String contentType,
                        String consentVersion, boolean minorsAppear) {

    static final int MAX_INITIATIVE = 120;
    static final int MAX_ORGANISATION = 120;
    static final int MAX_NAME = 100;
    static final int MIN_TITLE = 3;
    static final int MAX_TITLE = 100;
    static final int MIN_DESCRIPTION = 20;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_FILE_NAME = 255;
    private static final Pattern VIDEO_TYPE = Pattern.compile("video/[a-z0-9][a-z0-9.+-]{0,59}");
    private static final String INCOMPLETE = "Je inzending is nog niet compleet";

    /** Reads and checks the posted JSON; a 422 lists every field that is wrong at once. {@code maxBytes}: the upload limit. */
    public static EntryForm parse(JsonNode body, long maxBytes) {
        List<FieldError> errors = new ArrayList<>();
        String initiative = text(body, "initiative", errors);
        String organisation = text(body, "organisation", errors);
        String municipalityGiven = text(body, "municipality", errors);
        String contactName = text(body, "contactName", errors);
        String email = text(body, "email", errors);
        String title = text(body, "title", errors);
        String description = text(body, "description", errors);
        JsonNode file = body.path("file");
        String fileName = text(file, "name", "file.name", errors);
        String contentType = text(file, "contentType", "file.contentType", errors);
        JsonNode consent = body.path("consent");

        if (initiative == null || initiative.length() < 2) {
            errors.add(new FieldError("initiative", "Vul de naam van je initiatief in."));
        } else if (initiative.length() > MAX_INITIATIVE) {
            errors.add(new FieldError("initiative", "De naam van je initiatief mag maximaal " + MAX_INITIATIVE + " tekens zijn."));
        }
        if (organisation != null && organisation.length() > MAX_ORGANISATION) {
            errors.add(new FieldError("organisation", "De naam van je organisatie mag maximaal " + MAX_ORGANISATION + " tekens zijn."));
        }
        String municipality = null;
        if (municipalityGiven == null) {
            errors.add(new FieldError("municipality", "Kies de gemeente waar je initiatief actief is."));
        } else {
            Optional<String> official = Municipalities.official(municipalityGiven);
            if (official.isEmpty()) {
                errors.add(new FieldError("municipality", "Kies een Nederlandse gemeente uit de lijst."));
            } else {
                municipality = official.get();
            }
        }
        if (contactName == null || contactName.length() < 2) {
            errors.add(new FieldError("contactName", "Vul de naam van de contactpersoon in."));
        } else if (contactName.length() > MAX_NAME) {
            errors.add(new FieldError("contactName", "De naam mag maximaal " + MAX_NAME + " tekens zijn."));
        }
        if (email == null) {
            errors.add(new FieldError("email", "Vul je e-mailadres in."));
        } else if (!EmailAddress.isPlausible(email)) {
            errors.add(new FieldError("email", "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."));
        }
        if (title == null || title.length() < MIN_TITLE || title.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "Geef je vlog een titel van " + MIN_TITLE + " tot " + MAX_TITLE + " tekens."));
        }
        if (description == null || description.length() < MIN_DESCRIPTION || description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "Beschrijf in " + MIN_DESCRIPTION + " tot " + MAX_DESCRIPTION
                    + " tekens hoe jullie nieuwe gezichten welkom heten."));
        }
        if (fileName == null || fileName.length() > MAX_FILE_NAME) {
            errors.add(new FieldError("file.name", "Kies het bestand met je vlog (de naam mag maximaal " + MAX_FILE_NAME + " tekens zijn)."));
        }
        long fileSize = 0;
        JsonNode size = file.path("size");
        if (!size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 1) {
            errors.add(new FieldError("file.size", "Kies het bestand met je vlog; het mag niet leeg zijn."));
        } else if (size.asLong() > maxBytes) {
            errors.add(new FieldError("file.size", "Je vlog is te groot: het maximum is " + Sizes.dutch(maxBytes)
                    + ". Maak hem korter of sla hem op in een lagere kwaliteit."));
        } else {
            fileSize = size.asLong();
        }
        if (contentType == null || !VIDEO_TYPE.matcher(contentType).matches()) {
            errors.add(new FieldError("file.contentType", "Kies een videobestand, bijvoorbeeld MP4, MOV of WebM."));
        }

        JsonNode version = consent.path("version");
        if (!version.isTextual() || ConsentText.of(version.asText()).isEmpty()) {
            errors.add(new FieldError("consent.version", "Lees de toestemmingsverklaring en geef toestemming."));
        } else if (!version.asText().equals(ConsentText.CURRENT)) {
            errors.add(new FieldError("consent.version",
                    "De toestemmingsverklaring is intussen aangepast. Lees de nieuwe tekst en geef opnieuw toestemming."));
        }
        if (!isTrue(consent, "publication")) {
            errors.add(new FieldError("consent.publication",
                    "Geef toestemming om je vlog aan de jury te tonen en, bij een nominatie, te publiceren; anders kunnen we hem niet meenemen."));
        }
        if (!isTrue(consent, "recognisablePeople")) {
            errors.add(new FieldError("consent.recognisablePeople",
                    "Bevestig dat iedereen die herkenbaar in de vlog te zien is, daarmee heeft ingestemd."));
        }
        JsonNode minors = consent.path("minorsAppear");
        if (!minors.isBoolean()) {
            errors.add(new FieldError("consent.minorsAppear", "Geef aan of er kinderen jonger dan 16 jaar herkenbaar in de vlog te zien zijn."));
        } else if (minors.asBoolean() && !isTrue(consent, "guardians")) {
            errors.add(new FieldError("consent.guardians",
                    "Zijn er kinderen jonger dan 16 jaar herkenbaar te zien? Dan moet van elk kind een ouder of voogd toestemming geven."));
        }

        if (!errors.isEmpty()) {
            throw Problem.invalid(INCOMPLETE, errors);
        }
        return new EntryForm(initiative, organisation, municipality, contactName, email.trim(), title, description, fileName,
                fileSize, contentType, ConsentText.CURRENT, minors.asBoolean());
    }

    private static boolean isTrue(JsonNode node, String field) {
        return node.path(field).isBoolean() && node.path(field).asBoolean();
    }

    private static String text(JsonNode body, String field, List<FieldError> errors) {
        return text(body, field, field, errors);
    }

    /** A trimmed string field; null when absent or blank; an error when it is not text or holds control characters. */
    private static String text(JsonNode body, String field, String name, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            errors.add(new FieldError(name, "Vul hier gewone tekst in."));
            return null;
        }
        String value = node.asText().strip();
        return value.isEmpty() ? null : value;
    }
}
