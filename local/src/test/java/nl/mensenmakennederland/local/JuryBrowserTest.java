package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The jury's pages in a real headless Chromium: a juror finds an entry, watches its vlog, scores
 * it blind and only then sees the other jurors' scores; what the API refuses shows in Dutch, at its
 * field where it has one. axe-core finds no serious or critical violation in any of these states.
 */
@ExtendWith({SharedRunner.class, BrowserPerClass.class})
class JuryBrowserTest {

    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void useBrowser(ChromeDriver chromium) {
        browser = chromium;
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** Checks the page with axe-core and keeps a screenshot, both under {@code name}. */
    private static void record(String name) throws IOException {
        Axe.assertAccessible(browser, name);
        BrowserPerClass.screenshot(browser, name);
    }

    /** The entry's jury view as the browser's own API client receives it (not only what the page shows). */
    private static JsonNode viewInBrowser(String entryId) throws IOException {
        Object answer = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/intern/js/api.js').then(api => api.adminApi('GET', '/jury/entries/' + arguments[0]))
                  .then(answer => done(JSON.stringify(answer.body)));""", entryId);
        return Json.MAPPER.readTree(String.valueOf(answer));
    }

    private static String unique(String title) {
        return title + " " + Long.toString(System.nanoTime() % 100_000);
    }

    /** Signs {@code account} in on the entry's page and waits for its vlog's metadata, so the player works. */
    private static void openEntry(RunnerProcess runner, String account, String entryId, String title) {
        AdminSignIn.signIn(browser, runner, account, "jury/" + entryId);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), title));
        wait.until(driver -> (Long) browser.executeScript("return document.getElementById('vlog').readyState") >= 1);
    }

    private static void mark(String criterion, int mark) {
        browser.findElement(By.id("marks." + criterion + "-" + mark)).click();
    }

    private static void comment(String text) {
        WebElement comment = browser.findElement(By.id("comment"));
        comment.clear();
        comment.sendKeys(text);
    }

    private static void saveScore() {
        browser.findElement(By.cssSelector("#score-formulier button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("opgeslagen")));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    }

    @Test
    void aJurorWatchesAnEntryScoresItBlindAndThenSeesTheOtherJurorsScore(RunnerProcess runner) throws Exception {
        String title = unique("Koffie met de buren");
        String entryId = JuryEntries.submitted(runner, title, "Zwolle");

        // Jurylid 2 was first: nobody else has scored, so there is nothing to compare with yet.
        openEntry(runner, AdminSignIn.OTHER_JUROR, entryId, title);
        mark("welcome", 4);
        mark("example", 5);
        mark("originality", 3);
        comment("Warm onthaal, goed na te doen.");
        saveScore();
        assertThat(browser.findElement(By.id("geen-andere-scores")).getText())
                .isEqualTo("Nog geen ander jurylid heeft deze vlog gescoord.");

        AdminSignIn.signIn(browser, runner, AdminSignIn.JUROR, "jury");
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-entry='" + entryId + "']")));
        assertThat(cells(row)).startsWith(title, "Buurthuis " + title + "\nStichting Samen", "Zwolle", "0:03");
        assertThat(row.findElement(By.cssSelector(".scored")).getText()).isEqualTo("Nog niet");
        assertThat(browser.findElement(By.id("resultaat")).getText()).contains("nog niet door jou gescoord");
        record("admin-jury-01-lijst");

        row.findElement(By.linkText(title)).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), title));
        WebElement video = browser.findElement(By.id("vlog"));
        assertThat(video.getDomProperty("src")).contains("entries/" + entryId + "/video");
        assertThat(video.getDomAttribute("aria-describedby")).isEqualTo("over-de-vlog");
        assertThat(browser.findElement(By.id("over-de-vlog")).getText()).contains("krijgt een maatje");
        wait.until(driver -> (Long) browser.executeScript("return arguments[0].readyState", video) >= 1);
        assertThat(browser.findElement(By.id("scores-verborgen")).getText())
                .startsWith("Je ziet de scores van de andere juryleden").contains("zelf hebt gescoord");
        assertThat(browser.getPageSource()).doesNotContain("Warm onthaal", "jurylid2@nov.nl");
        record("admin-jury-02-inzending");

        mark("welcome", 2);
        mark("example", 3);
        mark("originality", 4);
        comment("Mooi, maar kort.");
        saveScore();

        assertThat(browser.findElement(By.id("eigen-score")).getText()).contains("gemiddeld 3,00");
        List<WebElement> others = browser.findElements(By.cssSelector("#scores-tabel tbody tr"));
        assertThat(others).hasSize(1);
        assertThat(cells(others.getFirst())).startsWith("jurylid2@nov.nl", "4", "5", "3", "4,00", "Warm onthaal, goed na te doen.");
        assertThat(browser.findElements(By.id("scores-verborgen"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#score-formulier button[type=submit]")).getText()).isEqualTo("Score bijwerken");
        browser.executeScript("document.getElementById('andere-scores').scrollIntoView()");
        record("admin-jury-03-gescoord");

        browser.findElement(By.linkText("Alle inzendingen")).click();
        WebElement scored = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-entry='" + entryId + "'] .scored")));
        assertThat(scored.getText()).isEqualTo("Gescoord");
    }

    @Test
    void aJurorWhoHasNotScoredSeesNeitherTheOthersMarksNorTheirCommentUntilTheirOwnScoreIsIn(RunnerProcess runner)
            throws Exception {
        String title = unique("Taalcafé De Brug");
        String entryId = JuryEntries.submitted(runner, title, "Zwijndrecht");
        JuryEntries.score(runner, JuryEntries.token(runner, "jury"), entryId, 5, 1, 2, "Geheim oordeel van een ander jurylid");

        openEntry(runner, AdminSignIn.JUROR, entryId, title);

        WebElement others = browser.findElement(By.id("andere-scores"));
        assertThat(others.getText()).isEqualTo("Scores van de andere juryleden\n"
                + "Je ziet de scores van de andere juryleden zodra je deze inzending zelf hebt gescoord.");
        assertThat(others.findElements(By.tagName("table"))).isEmpty();
        assertThat(browser.findElements(By.id("eigen-score"))).as("no score of one's own yet").isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Geheim oordeel");
        JsonNode before = viewInBrowser(entryId);
        assertThat(before.has("otherScores")).as("the API held the others' scores back").isFalse();
        assertThat(before.toString()).doesNotContain("Geheim oordeel");

        mark("welcome", 3);
        mark("example", 3);
        mark("originality", 3);
        saveScore();

        List<String> other = cells(browser.findElement(By.cssSelector("#scores-tabel tbody tr")));
        assertThat(other.subList(1, 6)).as("marks, mean and comment after the juror's name")
                .containsExactly("5", "1", "2", "2,67", "Geheim oordeel van een ander jurylid");
        JsonNode after = viewInBrowser(entryId);
        assertThat(after.path("otherScores")).singleElement()
                .satisfies(score -> assertThat(score.path("comment").asText()).isEqualTo("Geheim oordeel van een ander jurylid"));
    }

    @Test
    void refusalsShowInDutchAndNeverAsAStatus(RunnerProcess runner) throws Exception {
        AdminSignIn.signIn(browser, runner, AdminSignIn.JUROR, "jury/bestaat-niet");
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main [role=alert]")));
        JsonNode refused = viewInBrowser("bestaat-niet");
        assertThat(problem.findElement(By.tagName("h2")).getText()).isEqualTo(refused.path("title").asText()).isNotBlank();
        assertThat(problem.getText()).contains("ligt niet (meer) bij de jury").doesNotContain("404");
        record("admin-jury-06-niet-gevonden");

        WebElement refusal = AdminSignIn.refusedAt(browser, runner, "medewerker", "jury");
        assertThat(refusal.getText()).startsWith("Geen toegang\nJe account hoort niet bij de groep").doesNotContain("403");
        assertThat(browser.findElement(By.id("menu")).getText()).doesNotContain("Jury");
        assertThat(viewInBrowser("bestaat-niet").path("title").asText()).as("the API refuses too").isEqualTo("Geen toegang");
        record("admin-jury-07-geen-toegang");
    }

    @Test
    void aScoreWithoutEveryCriterionShowsTheApisMessageBesideTheCriterionAndSavesNothing(RunnerProcess runner) throws Exception {
        String title = unique("Samen koken");
        String entryId = JuryEntries.submitted(runner, title, "Utrecht");
        openEntry(runner, AdminSignIn.JUROR, entryId, title);

        mark("welcome", 4);
        mark("example", 4);
        browser.findElement(By.cssSelector("#score-formulier button[type=submit]")).click();

        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("marks.originality-error")));
        assertThat(message.getText()).isEqualTo("Geef \"Originaliteit\" een heel cijfer van 1 tot en met 5.");
        assertThat(browser.findElement(By.id("marks.welcome-error")).getText()).isEmpty();
        assertThat(browser.findElement(By.cssSelector("fieldset[data-field='marks.originality']")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("#score-melding [role=alert] h2")).getText()).isEqualTo("De score is niet compleet");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("marks.originality-1");
        record("admin-jury-04-fout");

        var view = runner.send("GET", "/jury/entries/" + entryId, Map.of("authorization", "Bearer " + runner.adminToken()), null);
        assertThat(Json.MAPPER.readTree(view.body()).path("otherScores")).as("every score, as admins see them").isEmpty();
    }

    /** The link to watch works ten minutes: a player whose link fails gets a fresh one from the API and plays on. */
    @Test
    void aPlayerWhoseLinkNoLongerWorksGetsAFreshLink(RunnerProcess runner) throws Exception {
        String title = unique("Open huis");
        String entryId = JuryEntries.submitted(runner, title, "Zwolle");
        openEntry(runner, AdminSignIn.JUROR, entryId, title);

        // As an expired link fails (S3 answers 403): the player errors on its source.
        String broken = (String) browser.executeScript("""
                const video = document.getElementById('vlog');
                video.src = video.src.replace('/video?', '/verlopen?');
                return video.src;""");

        wait.until(driver -> (Boolean) browser.executeScript(
                "const v = document.getElementById('vlog'); return v.src !== arguments[0] && v.readyState >= 1;", broken));
        assertThat(browser.findElement(By.id("vlog")).getDomProperty("src")).contains("entries/" + entryId + "/video");
        assertThat(browser.findElement(By.id("vlog-melding")).getText()).isEmpty();
    }

    @Test
    void theEntryPageFitsAPhoneScreen(RunnerProcess runner) throws Exception {
        String title = unique("Vrijwilligers van de voedselbank in Súdwest-Fryslân");
        String entryId = JuryEntries.submitted(runner, title, "Súdwest-Fryslân");
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            openEntry(runner, AdminSignIn.JUROR, entryId, title);
            Long overflow = (Long) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("sideways scrolling").isZero();
            record("admin-jury-05-telefoon");
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }
}
