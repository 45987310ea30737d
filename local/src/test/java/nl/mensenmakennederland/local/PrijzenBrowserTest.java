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
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admins' prizes page in a real headless Chromium: the jury's ranking with the figures the
 * scores give, a decision with its note set and shown, refusals in Dutch at their fields, the CSV
 * files byte for byte as the API makes them. axe-core finds no serious or critical violation in
 * any of these states.
 */
@ExtendWith({SharedRunner.class, BrowserPerClass.class})
class PrijzenBrowserTest {

    private static final Path DOWNLOADS = Path.of("target", "prijzen-downloads").toAbsolutePath();

    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void useBrowser(ChromeDriver chromium) throws IOException {
        Files.createDirectories(DOWNLOADS);
        browser = chromium;
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** Checks the page with axe-core and keeps a screenshot, both under {@code name}. */
    private static void record(String name) throws IOException {
        Axe.assertAccessible(browser, name);
        BrowserPerClass.screenshot(browser, name);
    }

    private static String unique(String title) {
        return title + " " + Long.toString(System.nanoTime() % 100_000);
    }

    private static WebElement row(String entryId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ranglijst-tabel tr[data-entry='" + entryId + "']")));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    }

    /** The entry's line in the ranking as the API answers it now. */
    private static JsonNode ranked(RunnerProcess runner, String entryId) throws IOException {
        var answer = runner.send("GET", "/admin/prizes/ranking", Map.of("authorization", "Bearer " + runner.adminToken()), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        for (JsonNode line : Json.MAPPER.readTree(answer.body()).path("ranking")) {
            if (line.path("entryId").asText().equals(entryId)) {
                return line;
            }
        }
        throw new AssertionError("Not in the ranking: " + entryId);
    }

    @Test
    void anAdminSeesTheMeanSpreadAndCountTheScoresGiveAndSetsAStatusWithANote(RunnerProcess runner) throws Exception {
        String title = unique("Iedereen aan tafel");
        String entryId = JuryEntries.submitted(runner, title, "Zwolle");
        // Two jurors: means 4 and 2, so 3 on average, 1 apart from it (the spread), per criterion 4, 3 and 2.
        JuryEntries.score(runner, JuryEntries.token(runner, "jury"), entryId, 5, 4, 3, "Sterk.");
        JuryEntries.score(runner, JuryEntries.token(runner, "jury"), entryId, 3, 2, 1, "Mager.");

        AdminSignIn.signIn(browser, runner, AdminSignIn.ADMIN, "prijzen");
        WebElement row = row(entryId);
        assertThat(cells(row)).startsWith(Integer.toString(ranked(runner, entryId).path("rank").asInt()), title,
                "Buurthuis " + title + "\nStichting Samen\nZwolle", "3,00", "1,00", "2", "4,00", "3,00", "2,00", "Ingezonden", "");
        assertThat(row.findElement(By.cssSelector("button.decide")).getAccessibleName()).isEqualTo("Besluit over " + title);
        assertThat(browser.findElements(By.cssSelector("#ranglijst-tabel thead th")).stream().map(WebElement::getText).toList())
                .contains("Gemiddeld", "Spreiding", "Scores", "Nieuwe gezichten welkom", "Voorbeeld voor anderen", "Originaliteit");
        record("admin-prijzen-01-ranglijst");

        row.findElement(By.cssSelector("button.decide")).click();
        assertThat(new Select(browser.findElement(By.id("entry"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo(entryId);
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("entry");
        browser.findElement(By.id("status-nominated")).click();
        browser.findElement(By.id("note")).sendKeys("Sterk voorbeeld voor andere buurthuizen.");
        browser.findElement(By.cssSelector("#besluit-formulier button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBe(By.cssSelector("#besluit-uitkomst .notice.ok"),
                "Besluit opgeslagen: ‘" + title + "’ is nu genomineerd."));
        WebElement decided = row(entryId);
        assertThat(decided.findElement(By.cssSelector(".status")).getText()).isEqualTo("Genomineerd");
        assertThat(decided.findElement(By.cssSelector(".decision")).getText())
                .startsWith("Sterk voorbeeld voor andere buurthuizen.\nbeheerder@nov.nl, ");
        JsonNode stored = ranked(runner, entryId);
        assertThat(stored.path("status").asText()).isEqualTo("nominated");
        assertThat(stored.path("decision").path("note").asText()).isEqualTo("Sterk voorbeeld voor andere buurthuizen.");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", decided);
        record("admin-prijzen-02-besluit");
    }

    @Test
    void aDecisionTheApiRefusesShowsItsMessagesAtTheFieldsAndChangesNothing(RunnerProcess runner) throws Exception {
        String title = unique("Buurtmoestuin");
        String entryId = JuryEntries.submitted(runner, title, "Utrecht");
        AdminSignIn.signIn(browser, runner, AdminSignIn.ADMIN, "prijzen");
        row(entryId).findElement(By.cssSelector("button.decide")).click();

        // No status chosen, and a note past the API's limit.
        browser.executeScript("document.getElementById('note').value = 'x'.repeat(1001)");
        browser.findElement(By.cssSelector("#besluit-formulier button[type=submit]")).click();

        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status-error")));
        assertThat(status.getText()).startsWith("Kies ");
        assertThat(browser.findElement(By.id("note-error")).getText()).isEqualTo("De toelichting mag hoogstens 1000 tekens zijn.");
        assertThat(browser.findElement(By.id("note")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("#besluit-uitkomst [role=alert] h2")).getText()).isEqualTo("Het besluit is niet compleet");
        record("admin-prijzen-03-fout");
        assertThat(ranked(runner, entryId).path("status").asText()).isEqualTo("submitted");
        assertThat(ranked(runner, entryId).has("decision")).isFalse();
    }

    @Test
    void theRankingAndEveryScoreDownloadAsCsvForExcel(RunnerProcess runner) throws Exception {
        String title = unique("Welkom in de wijk");
        String entryId = JuryEntries.submitted(runner, title, "Zwolle");
        JuryEntries.score(runner, JuryEntries.token(runner, "jury"), entryId, 4, 4, 4, "Helder verhaal.");
        AdminSignIn.signIn(browser, runner, AdminSignIn.ADMIN, "prijzen");
        row(entryId);
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", DOWNLOADS.toString()));
        Files.deleteIfExists(DOWNLOADS.resolve("prijzen-ranglijst.csv"));
        Files.deleteIfExists(DOWNLOADS.resolve("prijzen-scores.csv"));

        browser.findElement(By.id("csv-ranglijst")).click();
        byte[] ranking = downloaded("prijzen-ranglijst.csv");
        browser.findElement(By.id("csv-scores")).click();
        byte[] scores = downloaded("prijzen-scores.csv");

        assertThat(ranking).as("the file is the API's CSV, byte for byte").isEqualTo(csv(runner, "/admin/prizes/ranking"));
        assertThat(scores).isEqualTo(csv(runner, "/admin/prizes/ranking?rows=scores"));
        assertThat(ranking).as("UTF-8 with a byte order mark, for Excel").startsWith(0xEF, 0xBB, 0xBF);
        List<String> rankingLines = List.of(new String(ranking, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(rankingLines.getFirst()).startsWith("plaats;inzending;titel;initiatief;organisatie;gemeente;");
        assertThat(rankingLines).filteredOn(line -> line.contains(entryId)).singleElement().asString()
                .contains(entryId + ";" + title + ";Buurthuis " + title + ";Stichting Samen;Zwolle;Fatima El Amrani;")
                .contains(";submitted;;4,00;0,00;1;4,00;4,00;4,00;");
        assertThat(new String(scores, StandardCharsets.UTF_8).lines().filter(line -> line.contains(entryId))).singleElement()
                .asString().startsWith(entryId + ";" + title + ";").contains(";4;4;4;4,00;Helder verhaal.;");
        assertThat(browser.findElement(By.id("download-melding")).getText()).isEmpty();
        record("admin-prijzen-05-downloads");
    }

    @Test
    void aJurorIsRefusedThePrizesPageInDutch(RunnerProcess runner) throws Exception {
        WebElement refusal = AdminSignIn.refusedAt(browser, runner, AdminSignIn.JUROR, "prijzen");
        assertThat(refusal.getText()).startsWith("Geen toegang\nJe account hoort niet bij de groep").doesNotContain("403");
        assertThat(browser.findElements(By.id("ranglijst-tabel"))).isEmpty();
        assertThat(browser.findElement(By.id("menu")).getText()).contains("Jury").doesNotContain("Prijzen");
        record("admin-prijzen-06-geen-toegang");
    }

    @Test
    void theRankingFitsAPhoneScreen(RunnerProcess runner) throws Exception {
        String entryId = JuryEntries.submitted(runner, unique("Samen sterk"), "Zwolle");
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            AdminSignIn.signIn(browser, runner, AdminSignIn.ADMIN, "prijzen");
            row(entryId);
            Long overflow = (Long) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("sideways scrolling of the page (the table scrolls in its own frame)").isZero();
            record("admin-prijzen-04-telefoon");
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    /** The CSV the API answers an admin at {@code path}, as bytes. */
    private static byte[] csv(RunnerProcess runner, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = RunnerProcess.HTTP.send(HttpRequest.newBuilder(URI.create(runner.origin() + path))
                .header("authorization", "Bearer " + runner.adminToken()).header("accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("content-type")).hasValue("text/csv; charset=utf-8");
        return answer.body();
    }

    /** A file the browser saved, once it is complete. */
    private static byte[] downloaded(String name) {
        Path file = DOWNLOADS.resolve(name);
        return new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(200)).until(driver -> {
            try {
                return Files.exists(file) && Files.size(file) > 0 ? Files.readAllBytes(file) : null;
            } catch (IOException e) {
                return null;
            }
        });
    }
}
