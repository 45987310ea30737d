package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.TestVideos;
import nl.mensenmakennederland.testing.TestVideos.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public forms point out a likely typo in the email address before they send, in headless
 * Chromium: the correction applied with the keyboard is what the API stores; an address that
 * only looks like a typo is sent as typed on the second press, without being asked again.
 */
@ExtendWith({SharedRunner.class, BrowserPerClass.class})
class EmailSuggestionBrowserTest {

    private static final Path FILES = Path.of("target", "email-suggestion-files");

    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void useBrowser(ChromeDriver chromium) throws IOException {
        Files.createDirectories(FILES);
        browser = chromium;
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static WebElement suggestion() {
        return browser.findElement(By.id("email-suggestion"));
    }

    /** The question beside the field, announced (aria-live), its button focused so Enter applies it. */
    private static void askedAbout(String corrected, String sendLabel) {
        wait.until(ExpectedConditions.textToBePresentInElement(suggestion(), "Bedoelde je " + corrected + "?"));
        assertThat(suggestion().getDomAttribute("aria-live")).isEqualTo("polite");
        assertThat(suggestion().getText()).contains("Klik dan nog een keer op ‘" + sendLabel + "’");
        assertThat(browser.switchTo().activeElement().getAccessibleName()).isEqualTo("Ja, gebruik " + corrected);
        assertThat(browser.findElement(By.id("email")).getDomAttribute("aria-describedby")).contains("email-suggestion");
    }

    private static void applyWithTheKeyboard(String corrected) {
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.id("email")).getDomProperty("value")).isEqualTo(corrected);
        assertThat(suggestion().getText()).isEqualTo("Je e-mailadres is nu " + corrected + ".");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("email");
    }

    @Test
    void aRegistrationWithGmialComIsSentWithTheCorrectedAddress(RunnerProcess runner) throws IOException {
        String event = runner.openEvent();
        String local = "fatima." + System.nanoTime();
        register(runner, event, local + "@gmial.com");

        askedAbout(local + "@gmail.com", "Aanmelden");
        assertThat(browser.findElement(By.id("aanmelden")).isDisplayed()).as("nothing sent yet").isTrue();
        BrowserPerClass.screenshot(browser, "email-01-bedoelde-je");
        applyWithTheKeyboard(local + "@gmail.com");
        submitRegistration();

        registeredAs(runner, event, local + "@gmail.com");
        assertThat(BrowserTest.waitForMailTo(browser, runner, local + "@gmail.com").findElement(By.tagName("h2")).getText())
                .isNotBlank();
    }

    /** live.no is Norway's Hotmail: one edit from live.nl, and meant. */
    @Test
    void aRealAddressThatLooksLikeATypoIsRegisteredAsTypedOnTheSecondPress(RunnerProcess runner) throws IOException {
        String event = runner.openEvent();
        String typed = "ingrid." + System.nanoTime() + "@live.no";
        register(runner, event, typed);
        askedAbout(typed.replace("@live.no", "@live.nl"), "Aanmelden");

        submitRegistration();
        registeredAs(runner, event, typed);
        assertThat(suggestion().getText()).as("not asked twice").isEmpty();
    }

    @Test
    void aPrizeEntryWithGmialComIsSentWithTheCorrectedAddress(RunnerProcess runner) throws IOException {
        String local = "brug." + System.nanoTime();
        enter(runner, local + "@gmial.com");

        askedAbout(local + "@gmail.com", "Vlog insturen");
        assertThat(browser.findElement(By.id("upload")).isDisplayed()).as("nothing sent yet").isFalse();
        BrowserPerClass.screenshot(browser, "email-02-bedoelde-je-vlog");
        applyWithTheKeyboard(local + "@gmail.com");
        new PrizeEntryForm(browser).submit();

        assertThat(verdict()).contains(local + "@gmail.com").doesNotContain("gmial");
    }

    @Test
    void aRealAddressThatLooksLikeATypoEntersTheVlogAsTypedOnTheSecondPress(RunnerProcess runner) throws IOException {
        String local = "ingrid." + System.nanoTime();
        enter(runner, local + "@live.no");
        askedAbout(local + "@live.nl", "Vlog insturen");

        new PrizeEntryForm(browser).submit();
        assertThat(verdict()).contains(local + "@live.no");
        assertThat(suggestion().getText()).as("not asked twice").isEmpty();
    }

    /** Fills in the event's registration form with this address and sends it. */
    private static void register(RunnerProcess runner, String event, String email) {
        browser.get(runner.origin() + "/aanmelden.html?activiteit=" + event);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("aanmelden")));
        browser.findElement(By.id("name")).sendKeys("Fatima El Amrani");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("consent")).click();
        submitRegistration();
    }

    private static void submitRegistration() {
        browser.findElement(By.cssSelector("#aanmelden button[type=submit]")).click();
    }

    /** The page confirms the registration to {@code email}, and the admins' list has it under that address only. */
    private static void registeredAs(RunnerProcess runner, String event, String email) throws IOException {
        wait.until(ExpectedConditions.textToBe(By.id("uitkomst-titel"), "Je bent aangemeld!"));
        assertThat(browser.findElement(By.id("uitkomst")).getText()).contains(email);
        var answer = runner.send("GET", "/admin/events/" + event + "/registrations",
                Map.of("authorization", "Bearer " + runner.adminToken()), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String person = email.substring(0, email.indexOf('@') + 1);
        List<String> addresses = Json.MAPPER.readTree(answer.body()).path("registrations").valueStream()
                .map(row -> row.path("email").asText()).filter(address -> address.startsWith(person)).toList();
        assertThat(addresses).containsExactly(email);
    }

    /** Fills in the prize entry form with a small real vlog and this address, and sends it. */
    private static void enter(RunnerProcess runner, String email) throws IOException {
        Path vlog = Files.write(FILES.resolve("welkom.mp4"), TestVideos.make(Kind.MP4_INDEX_AT_END, 2));
        browser.get(runner.origin() + PrizeEntryForm.PAGE);
        wait.until(driver -> !driver.findElement(By.id("consent-text")).getText().isEmpty());
        PrizeEntryForm form = new PrizeEntryForm(browser);
        form.choose(vlog);
        form.fillIn(email, "Zwijndrecht");
        form.noChildren();
        form.submit();
    }

    /** The page's verdict on the entry, with the address the API stored for it. */
    private static String verdict() {
        WebElement title = new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst-titel")));
        assertThat(title.getText()).isEqualTo("Je vlog is ontvangen!");
        return browser.findElement(By.id("uitkomst")).getText();
    }
}
