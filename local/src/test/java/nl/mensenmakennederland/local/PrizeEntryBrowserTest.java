package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.prizes.ConsentText;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.TestVideos;
import nl.mensenmakennederland.testing.TestVideos.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The prize-vlog entry page in a real headless Chromium: an initiative enters its vlog, watches it
 * go up, and sees (and is mailed) what the check of the stored file decided. The upload goes from
 * the browser straight to the emulator's S3, cross-origin, as it goes to S3.
 */
@ExtendWith(SharedRunner.class)
class PrizeEntryBrowserTest {

    private static final Path FILES = Path.of("target", "prize-entry-files");

    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void openBrowser() throws IOException {
        Files.createDirectories(BrowserTest.SCREENSHOTS);
        Files.createDirectories(FILES);
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    static PrizeEntryForm form() {
        return new PrizeEntryForm(browser);
    }

    static void screenshot(String name) throws IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), BrowserTest.SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aSmallRealVlogIsEnteredGoesUpAndIsConfirmedOnThePageAndByMail(RunnerProcess runner) throws IOException {
        Path vlog = Files.write(FILES.resolve("welkom-bij-de-brug.mp4"), TestVideos.make(Kind.MP4_INDEX_AT_END, 3));
        browser.get(runner.origin() + PrizeEntryForm.PAGE);

        // Before anything is sent: the consent in the words and version the API records, and the size limit.
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consent-text"))).getText())
                .isEqualTo(ConsentText.of(ConsentText.CURRENT).orElseThrow());
        assertThat(browser.findElement(By.cssSelector("#consent legend")).getText()).contains("versie " + ConsentText.CURRENT);
        assertThat(browser.findElement(By.id("file-hint")).getText()).contains("maximaal 2 GB");
        assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("Vrijwilligersprijzen");

        // Sent incomplete: the API's Dutch message next to each field it refused, the summary focused.
        browser.findElement(By.id("file")).sendKeys(vlog.toAbsolutePath().toString());
        browser.findElement(By.id("municipality")).sendKeys("Atlantis");
        form().submit();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fouten")));
        assertThat(browser.findElement(By.id("initiative-error")).getText()).isEqualTo("Vul de naam van je initiatief in.");
        assertThat(browser.findElement(By.id("municipality-error")).getText()).isEqualTo("Kies een Nederlandse gemeente uit de lijst.");
        assertThat(browser.findElement(By.id("publication-error")).getText()).contains("toestemming");
        assertThat(browser.findElement(By.id("minorsAppear-error")).getText()).contains("jonger dan 16 jaar");
        assertThat(browser.findElement(By.id("publication")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("fouten");
        screenshot("prijzen-01-fouten");

        // Children appear: then a parent's or guardian's consent is asked for too.
        browser.findElement(By.id("minors-ja")).click();
        assertThat(browser.findElement(By.id("guardians-field")).isDisplayed()).isTrue();
        String email = "brug." + System.nanoTime() + "@example.org";
        form().fillIn(email, "Zwijndrecht");
        browser.findElement(By.id("guardians")).click();
        screenshot("prijzen-02-ingevuld");
        form().submit();

        WebElement verdict = new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst-titel")));
        assertThat(verdict.getText()).isEqualTo("Je vlog is ontvangen!");
        assertThat(browser.findElement(By.id("uitkomst")).getText())
                .contains("‘Welkom bij De Brug’ doet mee", "3 seconden (320×240)", email);
        assertThat(browser.findElement(By.cssSelector("#uitkomst section")).getDomAttribute("data-status")).isEqualTo("submitted");
        screenshot("prijzen-03-ontvangen");

        WebElement mail = BrowserTest.waitForMailTo(browser, runner, email);
        assertThat(mail.findElement(By.tagName("h2")).getText()).isEqualTo("Je vlog is binnen: Welkom bij De Brug");
        assertThat(mailText(mail)).contains("Hij doet mee!", "Gemeente: Zwijndrecht");
        screenshot("prijzen-04-bevestiging");

        // The mail's link: the entry as agreed to, and withdrawing it deletes the vlog and the entry.
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(mail.findElement(By.tagName("iframe"))));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href*='/inzending.html?entry=']"))).click();
        browser.switchTo().defaultContent();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Ontvangen: doet mee"));
        String manageUrl = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("inzending")).getText())
                .contains("Welkom bij De Brug", "Zwijndrecht", "Versie " + ConsentText.CURRENT, "3 seconden, 320×240");
        screenshot("prijzen-10-inzending");
        browser.findElement(By.id("trek-in")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ja-trek-in"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("ingetrokken"), "Je inzending is ingetrokken"));
        screenshot("prijzen-11-ingetrokken");
        assertThat(runner.get(manageUrl.substring(manageUrl.indexOf("/inzending.html"))
                .replace("/inzending.html?entry=", "/prizes/entries/").replaceFirst("&token=", "?token=")).statusCode()).isEqualTo(404);
    }

    @Test
    void aRenamedTextFileIsRejectedWithTheReasonAndTheMailSaysWhatToDo(RunnerProcess runner) throws IOException {
        Path notAVideo = Files.writeString(FILES.resolve("vlog.mp4"),
                "Dit is een tekstbestand met de naam vlog.mp4, geen video.\n".repeat(50), StandardCharsets.UTF_8);
        browser.get(runner.origin() + PrizeEntryForm.PAGE);
        String email = "tekst." + System.nanoTime() + "@example.org";
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("file"))).sendKeys(notAVideo.toAbsolutePath().toString());
        form().fillIn(email, "utrecht");
        form().noChildren();
        form().submit();

        WebElement verdict = new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst-titel")));
        assertThat(verdict.getText()).isEqualTo("We konden je vlog niet aannemen");
        assertThat(browser.findElement(By.id("reden")).getText())
                .isEqualTo("Het bestand is geen video die we kunnen afspelen. We nemen MP4, MOV, 3GP en WebM aan.");
        assertThat(browser.findElement(By.id("uitkomst")).getText()).contains("Wat kun je doen?", "stuur hem opnieuw in");
        screenshot("prijzen-05-afgewezen");

        // The way back: the form, filled in as before, for another file.
        browser.findElement(By.id("opnieuw-insturen")).click();
        assertThat(browser.findElement(By.id("inzending")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("title")).getDomProperty("value")).isEqualTo("Welkom bij De Brug");
        assertThat(browser.findElement(By.id("file")).getDomProperty("value")).isEmpty();

        WebElement mail = BrowserTest.waitForMailTo(browser, runner, email);
        assertThat(mail.findElement(By.tagName("h2")).getText()).isEqualTo("Je vlog kon niet worden verwerkt: Welkom bij De Brug");
        assertThat(mailText(mail)).contains("geen video die we kunnen afspelen", "Zo los je het op",
                runner.origin() + PrizeEntryForm.PAGE);
        screenshot("prijzen-06-afwijzingsmail");
    }

    @Test
    void theFormFitsAPhoneScreen(RunnerProcess runner) throws IOException {
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(runner.origin() + PrizeEntryForm.PAGE);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("file")));
            Long overflow = (Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("sideways scrolling").isZero();
            screenshot("prijzen-00-telefoon");
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    @Test
    void aFileAboveTheLimitIsRefusedInTheBrowserBeforeAnEntryIsMade(RunnerProcess runner) throws IOException {
        // Sparse: 3 GiB long, nothing written. The page says its own words; the API's would start "Je vlog is te groot:".
        Path huge = FILES.resolve("lange-opname.mp4");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024);
        }
        browser.get(runner.origin() + PrizeEntryForm.PAGE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("file"))).sendKeys(huge.toAbsolutePath().toString());
        form().submit();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fouten")));
        assertThat(browser.findElement(By.id("file-error")).getText())
                .isEqualTo("Je vlog is 3 GB; het maximum is 2 GB. Maak hem korter of sla hem op in een lagere kwaliteit.");
        assertThat(browser.findElement(By.id("initiative-error")).getText()).as("no API answer came").isEmpty();
    }

    /**
     * A vlog above the resumable threshold goes up in parts; the line drops during the third; after
     * a reload the same file is chosen again and only the parts S3 lacks are sent.
     */
    @Test
    void aLargeVlogResumesAfterADroppedConnectionSendingOnlyTheMissingParts(RunnerProcess runner) throws IOException {
        Path vlog = GrownVideo.write(TestVideos.make(Kind.MP4_INDEX_AT_END, 3), 70_000_000L, FILES.resolve("IMG_2107.mp4"));
        browser.get(runner.origin() + PrizeEntryForm.PAGE);
        String email = "groot." + System.nanoTime() + "@example.org";
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("file"))).sendKeys(vlog.toAbsolutePath().toString());
        form().fillIn(email, "Súdwest-Fryslân");
        form().noChildren();

        // A phone's line: about 8 MB/s up, so each 16 MiB part takes a couple of seconds.
        network(false, 8_000_000);
        form().submit();
        WebElement bar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("voortgang")));
        // 5 parts of 16 MiB (the last smaller): from 48 % the third is on its way.
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(50))
                .until(driver -> Integer.parseInt(bar.getDomProperty("value")) >= 50);
        network(true, 8_000_000);
        WebElement dropped = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#upload-fout .notice")));
        assertThat(dropped.getText()).contains("De verbinding is verbroken", "we gaan verder waar je was");
        assertThat(browser.findElement(By.id("opnieuw")).isDisplayed()).isTrue();
        screenshot("prijzen-07-verbinding-weg");

        JsonNode upload = Json.MAPPER.readTree((String) browser.executeScript(
                "return sessionStorage.getItem('vrijwilligersprijzen.upload')"));
        // The first two parts were in before the line dropped, the last two cannot have started.
        JsonNode before = multipart(runner, upload);
        assertThat(before.path("parts").asInt()).isEqualTo(5);
        List<Integer> stored = partNumbers(before);
        assertThat(stored).startsWith(1, 2).hasSizeLessThan(4);

        // Back online, the page reloaded: it remembers the upload and takes the same file only.
        online();
        browser.navigate().refresh();
        WebElement resume = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hervatten")));
        assertThat(resume.getText()).contains("IMG_2107.mp4", "wat al binnen is, sturen we niet opnieuw");
        screenshot("prijzen-08-hervatten");
        browser.findElement(By.id("hervat-bestand")).sendKeys(vlog.toAbsolutePath().toString());
        browser.findElement(By.id("hervat")).click();

        wait.until(ExpectedConditions.textToBe(By.id("upload-hervat"),
                stored.size() + " van 5 delen waren al binnen; we sturen alleen de rest."));
        WebElement verdict = new WebDriverWait(browser, Duration.ofSeconds(90))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst-titel")));
        assertThat(verdict.getText()).isEqualTo("Je vlog is ontvangen!");
        screenshot("prijzen-09-hervat-ontvangen");

        JsonNode entry = Json.MAPPER.readTree(runner.get(entryPath(upload, "")).body());
        assertThat(entry.path("status").asText()).isEqualTo("submitted");
        assertThat(entry.path("video").path("bytes").asLong()).isEqualTo(70_000_000L);
        assertThat(BrowserTest.waitForMailTo(browser, runner, email).findElement(By.tagName("h2")).getText())
                .startsWith("Je vlog is binnen");
    }

    @AfterEach
    void online() {
        network(false, -1);
    }

    /** DevTools' network emulation: offline, or online with an upload rate in bytes a second (-1: unthrottled). */
    private static void network(boolean offline, long uploadBytesPerSecond) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", uploadBytesPerSecond));
    }

    private static String entryPath(JsonNode upload, String tail) {
        return "/prizes/entries/" + upload.path("entryId").asText() + tail + "?token=" + upload.path("token").asText();
    }

    private static JsonNode multipart(RunnerProcess runner, JsonNode upload) throws IOException {
        var answer = runner.get(entryPath(upload, "/multipart"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.MAPPER.readTree(answer.body());
    }

    private static List<Integer> partNumbers(JsonNode progress) {
        return progress.path("uploaded").valueStream().map(part -> part.path("partNumber").asInt()).toList();
    }

    private static String mailText(WebElement mail) {
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(mail.findElement(By.tagName("iframe"))));
        try {
            // The frame loads its mail after the mailbox page: wait for its words, not just its body.
            return wait.until(driver -> {
                String text = driver.findElement(By.tagName("html")).getText();
                return text.contains("Hartelijke groet") ? text : null;
            });
        } finally {
            browser.switchTo().defaultContent();
        }
    }
}
