package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo site in a real headless Chromium (the system's, through the system's chromedriver),
 * used as a volunteer uses it. Screenshots of each step land in target/screenshots/.
 */
@ExtendWith(SharedRunner.class)
class BrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void openBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static List<WebElement> cards() {
        return browser.findElements(By.cssSelector("#activiteiten li.event"));
    }

    @Test
    void theCalendarListsTheEventsWithSeatsLeftAndFiltersPerType(RunnerProcess runner) throws IOException {
        int all = Json.MAPPER.readTree(runner.get("/events").body()).get("events").size();
        int wvhv = Json.MAPPER.readTree(runner.get("/events?type=week-van-het-vragen").body()).get("events").size();

        browser.get(runner.origin() + "/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultaat"), "activiteiten gevonden"));
        assertThat(browser.getTitle()).contains("Mensen maken Nederland");
        assertThat(cards()).hasSize(all);
        assertThat(cards().getFirst().findElement(By.cssSelector(".seats")).getText()).matches("Nog \\d+ (van \\d+ plekken|plek) vrij");
        screenshot("01-kalender");

        new Select(browser.findElement(By.id("type"))).selectByVisibleText("Week van het Vragen");
        wait.until(ExpectedConditions.textToBe(By.id("resultaat"), wvhv + " activiteiten gevonden."));
        assertThat(cards()).hasSize(wvhv).allSatisfy(card ->
                assertThat(card.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Week van het Vragen"));
        assertThat(browser.getCurrentUrl()).endsWith("?type=week-van-het-vragen");
        screenshot("02-kalender-week-van-het-vragen");
    }

    @Test
    void aVolunteerRegistersReadsTheMailAndCancelsThroughItsLink(RunnerProcess runner) throws IOException {
        browser.get(runner.origin() + "/?type=kennisboost");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultaat"), "gevonden"));
        WebElement card = cards().getFirst();
        String title = card.findElement(By.tagName("h2")).getText();
        WebElement register = card.findElement(By.cssSelector(".actions a"));
        // Screen readers hear which event a button is for, not a row of identical "Aanmelden".
        assertThat(register.getAccessibleName()).isEqualTo("Aanmelden voor " + title);
        register.click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("aanmelden")));
        assertThat(browser.findElement(By.id("activiteit-titel")).getText()).isEqualTo(title);

        // An incomplete form: the API's field errors appear next to the fields, the summary takes focus.
        browser.findElement(By.id("email")).sendKeys("geen-adres");
        browser.findElement(By.cssSelector("#aanmelden button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fouten")));
        assertThat(browser.findElement(By.id("name-error")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("email-error")).getText()).contains("e-mailadres");
        assertThat(browser.findElement(By.id("consent-error")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("email")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("fouten");
        screenshot("03-aanmelden-fouten");

        String email = "fatima.elamrani." + System.nanoTime() + "@example.org";
        browser.findElement(By.id("name")).sendKeys("Fatima El Amrani");
        WebElement emailField = browser.findElement(By.id("email"));
        emailField.clear();
        emailField.sendKeys(email);
        browser.findElement(By.id("municipality")).sendKeys("Utrecht");
        browser.findElement(By.id("consent")).click();
        browser.findElement(By.cssSelector("#aanmelden button[type=submit]")).click();

        WebElement confirmation = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst-titel")));
        assertThat(confirmation.getText()).isEqualTo("Je bent aangemeld!");
        assertThat(browser.findElement(By.id("uitkomst")).getText()).contains(email);
        screenshot("04-aangemeld");

        // The mailer picks the mail up from the outbox stream; the local mailbox shows it.
        WebElement mail = waitForMailTo(browser, runner, email);
        assertThat(mail.findElement(By.tagName("h2")).getText()).contains(title);
        assertThat(mail.findElements(By.cssSelector(".attachments a"))).extracting(WebElement::getText)
                .anySatisfy(name -> assertThat(name).endsWith(".ics"));
        screenshot("05-mailbox");

        browser.switchTo().frame(mail.findElement(By.tagName("iframe")));
        WebElement manageLink = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href*='/beheer.html?registration=']")));
        assertThat(manageLink.getText()).contains("annuleren");
        manageLink.click();
        browser.switchTo().defaultContent();

        wait.until(ExpectedConditions.urlContains("/beheer.html?registration="));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Aangemeld"));
        assertThat(browser.findElement(By.id("aanmelding")).getText()).contains(title, "Fatima El Amrani", email);
        screenshot("06-beheer");

        browser.findElement(By.id("annuleer")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ja-annuleer"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("geannuleerd"), "Je aanmelding is geannuleerd"));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Geannuleerd"));
        assertThat(browser.findElement(By.id("annuleren")).isDisplayed()).isFalse();
        screenshot("07-geannuleerd");
    }

    /** Opens the mailbox and reloads it until the mail to this address is there (the stream is polled, not pushed). */
    static WebElement waitForMailTo(WebDriver browser, RunnerProcess runner, String email) {
        browser.get(runner.origin() + "/_local/mail");
        return new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(500)).until(driver -> {
            for (WebElement mail : driver.findElements(By.cssSelector("article.mail"))) {
                if (mail.findElement(By.cssSelector(".mail-to")).getText().contains(email)) {
                    return mail;
                }
            }
            driver.navigate().refresh();
            return null;
        });
    }

    /** The manage page says why the API refused a link (not valid, expired, retired key), not a guess of its own. */
    @Test
    void aRefusedManageLinkShowsTheReasonTheApiGives(RunnerProcess runner) {
        browser.get(runner.origin() + "/beheer.html?registration=AAAAAAAAAAAAAAAAAAAAAA&token=niet-geldig");

        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#aanmelding .notice.problem")));
        assertThat(notice.getText()).contains("Deze link is niet geldig");
    }

    /** Downloads and uniques per {@code groupBy} key, as the admins' stats route answers them now. */
    private static Map<String, Long> downloads(RunnerProcess runner, String groupBy) throws IOException {
        var response = runner.send("GET", "/admin/oproep/stats?groupBy=" + groupBy,
                Map.of("authorization", "Bearer " + runner.adminToken()), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Long> counts = new HashMap<>();
        Json.MAPPER.readTree(response.body()).path("rows").forEach(row -> counts.put(row.path("key").asText(), row.path("downloads").asLong()));
        return counts;
    }

    @Test
    void aVolunteerCentreDownloadsTheCallAndMakesAPosterAndTheAdminsSeeBothCounted(RunnerProcess runner) throws Exception {
        Map<String, Long> before = downloads(runner, "variant");
        Map<String, Long> byTypeBefore = downloads(runner, "orgType");

        browser.get(runner.origin() + "/oproep.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultaat"), "varianten"));
        new Select(browser.findElement(By.id("orgType"))).selectByValue("vrijwilligerscentrale");
        browser.findElement(By.id("municipality")).sendKeys("Zwijndrecht");
        WebElement download = browser.findElement(By.cssSelector("#varianten a.button"));
        String href = download.getAttribute("href");
        assertThat(href).contains("orgType=vrijwilligerscentrale", "municipality=Zwijndrecht");
        String variant = href.replaceAll(".*/oproep/variants/([^/]+)/download.*", "$1");
        screenshot("oproep-varianten");
        download.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            try {
                return downloads(runner, "variant").getOrDefault(variant, 0L) > before.getOrDefault(variant, 0L);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        browser.get(runner.origin() + "/oproep.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("place"))).sendKeys("Zwijndrecht");
        browser.findElement(By.id("ending")).sendKeys("groener");
        browser.findElement(By.cssSelector("#poster button[type=submit]")).click();
        WebElement pdf = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#poster-uitkomst a")));
        assertThat(browser.findElement(By.id("poster-uitkomst")).getText()).contains("Mensen maken Zwijndrecht groener");
        screenshot("oproep-poster");
        var file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(pdf.getAttribute("href"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(file.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        Map<String, Long> after = downloads(runner, "variant");
        assertThat(after.getOrDefault(variant, 0L) - before.getOrDefault(variant, 0L)).as("the download").isEqualTo(1);
        assertThat(after.getOrDefault("poster", 0L) - before.getOrDefault("poster", 0L)).as("the poster").isEqualTo(1);
        assertThat(downloads(runner, "orgType").getOrDefault("vrijwilligerscentrale", 0L)
                - byTypeBefore.getOrDefault("vrijwilligerscentrale", 0L)).as("by a volunteer centre").isEqualTo(1);
    }
}
