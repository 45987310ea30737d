package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.mensenmakennederland.shared.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admins' events page (#/activiteiten) in a browser, signed in as the local admin: creating
 * an event past the API's field messages, raising a full event's capacity with the waiting line's
 * promotion shown beforehand and then done, and the registrations searched and downloaded as CSV;
 * axe-core finds no serious or critical violation in any of these states.
 */
@ExtendWith({SharedRunner.class, BrowserPerClass.class})
class AdminEventsBrowserTest {

    @Test
    void anAdminCreatesAnEventPastTheFieldTheApiRefusedAndFindsItListed(RunnerProcess runner, ChromeDriver browser) throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String id = "kb-browser-" + System.nanoTime();
        AdminSignIn.signIn(browser, runner, AdminSignIn.ADMIN, "activiteiten");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activiteiten")));
        Axe.assertAccessible(browser, "admin-activiteiten-lijst");
        BrowserPerClass.screenshot(browser, "admin-activiteiten-01-lijst");

        browser.findElement(By.linkText("Nieuwe activiteit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("activiteit")));
        browser.findElement(By.id("id")).sendKeys(id);
        new Select(browser.findElement(By.id("type"))).selectByVisibleText("Kennisboostweken");
        browser.findElement(By.id("title")).sendKeys("Ab");
        LocalDate day = LocalDate.now().plusDays(40);
        setValue(browser, "startsAt", day + "T19:30");
        setValue(browser, "endsAt", day + "T21:00");
        browser.findElement(By.id("location")).sendKeys("Buurthuis De Linde, Amersfoort");
        browser.findElement(By.id("capacity")).sendKeys("25");
        browser.findElement(By.cssSelector("#activiteit button[type=submit]")).click();

        WebElement titleError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("title-error")));
        assertThat(titleError.getText()).isEqualTo("Geef een titel van 3 tot 140 tekens.");
        assertThat(browser.findElement(By.id("title")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("formulier-probleem")).getText()).contains("De activiteit is nog niet compleet");
        assertThat(runner.send("GET", "/admin/events/" + id, admin(runner), null).statusCode())
                .as("nothing written").isEqualTo(404);
        Axe.assertAccessible(browser, "admin-activiteiten-nieuw-fout");
        BrowserPerClass.screenshot(browser, "admin-activiteiten-02-nieuw-fout");

        browser.findElement(By.id("title")).clear();
        browser.findElement(By.id("title")).sendKeys("Vrijwilligers werven in de wijk");
        browser.findElement(By.cssSelector("#activiteit button[type=submit]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("opgeslagen")));
        assertThat(browser.findElement(By.id("opgeslagen")).getText()).isEqualTo("Vrijwilligers werven in de wijk is aangemaakt.");
        new Select(browser.findElement(By.id("filter-type"))).selectByVisibleText("Kennisboostweken");
        new Select(browser.findElement(By.id("filter-when"))).selectByVisibleText("Nog niet begonnen");
        wait.until(ExpectedConditions.textMatches(By.id("aantal"), Pattern.compile("\\d+ activiteiten? \\(kennisboostweken, nog niet begonnen\\)")));
        WebElement row = browser.findElement(By.cssSelector("tr[data-id='" + id + "']"));
        assertThat(row.getText()).contains("Vrijwilligers werven in de wijk", "Nog niet begonnen", "0 / 25", "Niemand", "Open");
        JsonNode stored = json(runner.send("GET", "/admin/events/" + id, admin(runner), null));
        assertThat(stored.path("startsAt").asText()).as("Amsterdam time, stored in UTC")
                .isEqualTo(day.atTime(19, 30).atZone(ZoneId.of("Europe/Amsterdam")).toInstant().toString());

        new Select(browser.findElement(By.id("filter-when"))).selectByVisibleText("Afgelopen");
        wait.until(ExpectedConditions.textMatches(By.id("aantal"), Pattern.compile("\\d+ activiteiten? \\(kennisboostweken, afgelopen\\)")));
        assertThat(browser.findElements(By.cssSelector("tr[data-id='" + id + "']"))).as("not past").isEmpty();
    }

    @Test
    void raisingAFullEventsCapacityShowsWhoMovesUpAndSavingMovesExactlyThose(RunnerProcess runner, ChromeDriver browser) throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String id = fullEventWithAWaitingLine(runner);
        AdminSignIn.signIn(browser, runner, AdminSignIn.ADMIN, "activiteiten");
        WebElement listed = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-id='" + id + "']")));
        assertThat(listed.getText()).contains("4 / 4", "3 aanmelders (6 plaatsen)");
        listed.findElement(By.linkText("Nieuwe gezichten in het bestuur")).click();
        WebElement capacity = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("capacity")));
        assertThat(capacity.getAttribute("value")).isEqualTo("4");

        type(capacity, "3");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("capacity-error"))).getText())
                .as("PUT's own words").isEqualTo("Er zijn al 4 plaatsen bevestigd; de capaciteit kan niet lager worden. Annuleer eerst aanmeldingen.");
        browser.findElement(By.cssSelector("#activiteit button[type=submit]")).click();
        assertThat(browser.findElement(By.id("formulier-probleem")).getText()).contains("Nog niet opgeslagen");
        assertThat(json(runner.send("GET", "/admin/events/" + id, admin(runner), null)).path("capacity").asInt())
                .as("refused before asking").isEqualTo(4);
        Axe.assertAccessible(browser, "admin-activiteiten-capaciteit-te-laag");
        browser.findElement(By.id("waitlist")).click();
        browser.findElement(By.cssSelector("#activiteit button[type=submit]")).click();
        assertThat(browser.findElement(By.id("waitlist-error")).getText())
                .isEqualTo("Er staan 3 mensen op de wachtlijst; die kan nu niet uit.");
        browser.findElement(By.id("waitlist")).click();

        // The line: Cas 1 seat (from 5), Dewi 2 (from 7), Emre 3 (from 10).
        type(capacity, "7");
        WebElement preview = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("doorschuiven")));
        assertThat(preview.getText()).isEqualTo("Met capaciteit 7 schuiven 2 aanmelders (3 plaatsen) door van de wachtlijst;"
                + " 1 aanmelder blijft wachten (de volgende past vanaf capaciteit 10).");
        assertThat(browser.findElement(By.id("capacity-error")).getText()).isEmpty();
        Axe.assertAccessible(browser, "admin-activiteiten-capaciteit-voorbeeld");
        BrowserPerClass.screenshot(browser, "admin-activiteiten-03-capaciteit-voorbeeld");

        browser.findElement(By.cssSelector("#activiteit button[type=submit]")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("opgeslagen"))).getText())
                .isEqualTo("Nieuwe gezichten in het bestuur is opgeslagen. 2 aanmelders zijn van de wachtlijst doorgeschoven.");

        Map<String, String> statuses = registrations(runner, id).stream()
                .collect(Collectors.toMap(r -> r.path("name").asText(), r -> r.path("status").asText()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of("Anna de Vries", "confirmed", "Bram Jansen", "confirmed",
                "Cas Bakker", "confirmed", "Dewi Pranoto", "confirmed", "Emre Yilmaz", "waitlisted"));
        JsonNode event = json(runner.send("GET", "/admin/events/" + id, admin(runner), null));
        assertThat(event.path("confirmedSeats").asInt()).isEqualTo(7);
        assertThat(event.path("waitingLine").get(0).path("promotedFromCapacity").asInt()).isEqualTo(10);
        assertThat(browser.findElement(By.cssSelector("tr[data-id='" + id + "']")).getText())
                .contains("7 / 7", "1 aanmelder (3 plaatsen)");
    }

    @Test
    void theRegistrationsAreSearchedAndDownloadedAsTheApiGivesThem(RunnerProcess runner, ChromeDriver browser) throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String id = fullEventWithAWaitingLine(runner);
        AdminSignIn.signIn(browser, runner, AdminSignIn.ADMIN, "activiteiten/" + id + "/aanmeldingen");
        wait.until(ExpectedConditions.textToBe(By.id("aantal"), "5 aanmeldingen"));

        type(browser.findElement(By.id("zoek")), "utrecht");
        wait.until(ExpectedConditions.textToBe(By.id("aantal"), "2 van 5 aanmeldingen gevonden"));
        assertThat(browser.findElements(By.cssSelector("#aanmeldingen tbody th")).stream().map(WebElement::getText))
                .containsExactlyInAnyOrder("Bram Jansen", "Dewi Pranoto");
        type(browser.findElement(By.id("zoek")), "emre");
        wait.until(ExpectedConditions.textToBe(By.id("aantal"), "1 van 5 aanmeldingen gevonden"));
        assertThat(browser.findElement(By.cssSelector("#aanmeldingen tbody tr")).getText())
                .contains("Emre Yilmaz", "emre@voorbeeld.nl", "Wachtlijst", "3");
        Axe.assertAccessible(browser, "admin-activiteiten-aanmeldingen");
        BrowserPerClass.screenshot(browser, "admin-activiteiten-04-aanmeldingen");

        Path downloads = Files.createTempDirectory("downloads");
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.findElement(By.id("csv")).click();
        Path file = downloads.resolve("aanmeldingen-" + id + ".csv");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> Files.exists(file));
        wait.until(ExpectedConditions.textToBe(By.id("csv-uitkomst"), "Het CSV-bestand is gedownload."));

        byte[] saved = Files.readAllBytes(file);
        HttpResponse<byte[]> fromApi = RunnerProcess.HTTP.send(HttpRequest.newBuilder(URI.create(runner.origin()
                        + "/admin/events/" + id + "/registrations")).header("authorization", "Bearer " + runner.adminToken())
                .header("accept", "text/csv").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(saved).as("the file is the API's CSV, byte for byte").isEqualTo(fromApi.body());
        assertThat(saved).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(saved, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.getFirst()).startsWith("Aanmelding;Status;Plaatsen;Wachtlijstplek;Naam;E-mail");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(";wachtlijst;3;3;Emre Yilmaz;emre@voorbeeld.nl;"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(";bevestigd;2;;Anna de Vries;anna@voorbeeld.nl;"));

        // A phone: the same session (the token lives in this document), the views changed by their address.
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            type(browser.findElement(By.id("zoek")), "");
            wait.until(ExpectedConditions.textToBe(By.id("aantal"), "5 aanmeldingen"));
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                    .as("the page fits a phone; only the table scrolls sideways").isLessThanOrEqualTo(390L);
            Axe.assertAccessible(browser, "admin-activiteiten-aanmeldingen-390");
            BrowserPerClass.screenshot(browser, "admin-activiteiten-05-aanmeldingen-390");
            browser.executeScript("location.hash = arguments[0]", "#/activiteiten/" + id);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("capacity")));
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
            Axe.assertAccessible(browser, "admin-activiteiten-bewerken-390");
            BrowserPerClass.screenshot(browser, "admin-activiteiten-06-bewerken-390");
            browser.executeScript("location.hash = '#/activiteiten'");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-id='" + id + "']")));
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
            Axe.assertAccessible(browser, "admin-activiteiten-lijst-390");
            BrowserPerClass.screenshot(browser, "admin-activiteiten-07-lijst-390");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    /**
     * An event of 4 seats with a waiting list, filled through the public API: Anna (2 seats) and
     * Bram (2) confirmed, then Cas (1), Dewi (2) and Emre (3) in line.
     */
    private static String fullEventWithAWaitingLine(RunnerProcess runner) throws IOException {
        String id = "kb-vol-" + System.nanoTime();
        LocalDate day = LocalDate.now().plusDays(30);
        var created = runner.send("POST", "/admin/events", withJson(admin(runner)), """
                {"id":"%s","type":"kennisboost","title":"Nieuwe gezichten in het bestuur","startsAt":"%sT17:00:00Z",
                 "endsAt":"%sT19:00:00Z","location":"Bibliotheek Utrecht","capacity":4,"maxSeatsPerRegistration":3,"waitlist":true}
                """.formatted(id, day, day));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        register(runner, id, "Anna de Vries", "anna@voorbeeld.nl", "Amersfoort", 2, "confirmed");
        register(runner, id, "Bram Jansen", "bram@voorbeeld.nl", "Utrecht", 2, "confirmed");
        register(runner, id, "Cas Bakker", "cas@voorbeeld.nl", "Zwolle", 1, "waitlisted");
        register(runner, id, "Dewi Pranoto", "dewi@voorbeeld.nl", "Utrecht", 2, "waitlisted");
        register(runner, id, "Emre Yilmaz", "emre@voorbeeld.nl", "Almere", 3, "waitlisted");
        return id;
    }

    private static void register(RunnerProcess runner, String eventId, String name, String email, String municipality,
                                 int seats, String expected) throws IOException {
        var response = runner.send("POST", "/events/" + eventId + "/registrations", withJson(Map.of()), """
                {"name":"%s","email":"%s","municipality":"%s","seats":%d,"consent":true}""".formatted(name, email, municipality, seats));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).path("status").asText()).as(name).isEqualTo(expected);
    }

    private static List<JsonNode> registrations(RunnerProcess runner, String eventId) throws IOException {
        return json(runner.send("GET", "/admin/events/" + eventId + "/registrations", admin(runner), null))
                .path("registrations").valueStream().toList();
    }

    private static Map<String, String> admin(RunnerProcess runner) {
        return Map.of("authorization", "Bearer " + runner.adminToken());
    }

    private static Map<String, String> withJson(Map<String, String> headers) {
        var all = new HashMap<>(headers);
        all.put("content-type", "application/json");
        return all;
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    /** Replaces a field's text as a person does, so that the page's input listeners run. */
    private static void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    /** A datetime-local field's value (its typing order depends on the locale): set, then announced as input. */
    private static void setValue(ChromeDriver browser, String fieldId, String value) {
        browser.executeScript("const f = document.getElementById(arguments[0]); f.value = arguments[1];"
                + " f.dispatchEvent(new Event('input', { bubbles: true }));", fieldId, value);
    }
}
