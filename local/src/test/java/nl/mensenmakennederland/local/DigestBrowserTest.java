package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The admins' morning digest as an admin reads it on a phone: fired on demand through the local
 * runner, read from the mailbox at a phone's width (390 px). Its screenshot is
 * {@code target/screenshots/digest-phone.png}.
 */
@ExtendWith(SharedRunner.class)
class DigestBrowserTest {

    static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() throws IOException {
        Files.createDirectories(BrowserTest.SCREENSHOTS);
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDigestReadsOnAPhoneWithoutScrollingSideways(RunnerProcess runner) throws IOException {
        assertThat(runner.send("POST", "/_local/schedules/DigestFunction", Map.of(), "").statusCode()).isEqualTo(200);
        WebElement mail = BrowserTest.waitForMailTo(browser, runner, "campagne@nov.nl");
        assertThat(mail.findElement(By.tagName("h2")).getText()).startsWith("Mensen maken Nederland: overzicht van");
        String body = mail.findElement(By.tagName("iframe")).getDomAttribute("src");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(runner.origin() + body);

        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Overzicht van");
        assertThat(browser.findElements(By.tagName("h2"))).extracting(WebElement::getText)
                .containsExactly("Activiteiten", "Vrijwilligersprijzen", "Maatschappelijke Oproep", "Mail", "Privacy");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Nieuwe aanmeldingen", "Downloads");
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("sideways scrolling at 390 px").isLessThanOrEqualTo(0L);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), BrowserTest.SCREENSHOTS.resolve("digest-phone.png"),
                StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }
}
