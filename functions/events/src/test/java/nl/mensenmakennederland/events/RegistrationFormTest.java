package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.http.Problem;
import org.junit.jupiter.api.Test;

class RegistrationFormTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    private static Map<String, String> errors(String body) throws Exception {
        Problem problem = catchThrowableOfType(Problem.class, () -> RegistrationForm.parse(json(body)));
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.status()).isEqualTo(422);
        return problem.errors().stream().collect(java.util.stream.Collectors.toMap(
                Problem.FieldError::field, Problem.FieldError::message));
    }

    @Test
    void aCompleteFormIsAcceptedWithTheOfficialMunicipalityName() throws Exception {
        RegistrationForm form = RegistrationForm.parse(json("""
                {"name":" Fatima el Amrani ","email":"fatima@buurthuis.nl","organisation":"Buurthuis De Linde",
                 "municipality":"sudwest fryslan","seats":3,"consent":true}"""));

        assertThat(form).isEqualTo(new RegistrationForm("Fatima el Amrani", "fatima@buurthuis.nl", "Buurthuis De Linde",
                "Súdwest-Fryslân", 3));
    }

    @Test
    void commonNamesOfMunicipalitiesAreUnderstood() throws Exception {
        RegistrationForm form = RegistrationForm.parse(json("""
                {"name":"Jan","email":"jan@example.nl","municipality":"Den Haag","consent":true}"""));

        assertThat(form.municipality()).isEqualTo("'s-Gravenhage");
        assertThat(form.seats()).isEqualTo(1);
    }

    @Test
    void everyWrongFieldIsNamedAtOnceInDutch() throws Exception {
        Map<String, String> errors = errors("""
                {"name":"","email":"fatima@","municipality":"Atlantis","seats":0,"consent":false}""");

        assertThat(errors).containsOnlyKeys("name", "email", "municipality", "seats", "consent");
        assertThat(errors.get("email")).contains("geldig e-mailadres");
        assertThat(errors.get("municipality")).contains("gemeente");
        assertThat(errors.get("consent")).contains("toestemming");
    }

    @Test
    void consentMustBeGivenExplicitly() throws Exception {
        assertThat(errors("""
                {"name":"Jan","email":"jan@example.nl","consent":"yes"}""")).containsOnlyKeys("consent");
    }

    @Test
    void fieldsOfTheWrongTypeAreRefusedNotCoerced() throws Exception {
        assertThat(errors("""
                {"name":{"first":"Jan"},"email":42,"consent":true}""")).containsOnlyKeys("name", "email");
        assertThat(errors("""
                {"name":"Jan","email":"jan@example.nl","seats":2.5,"consent":true}""")).containsOnlyKeys("seats");
    }

    @Test
    void overlongValuesAreRefused() throws Exception {
        assertThat(errors("{\"name\":\"" + "a".repeat(101) + "\",\"email\":\"jan@example.nl\",\"organisation\":\""
                + "b".repeat(121) + "\",\"consent\":true}")).containsOnlyKeys("name", "organisation");
    }
}
