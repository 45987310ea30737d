package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every public page of the site, checked by axe-core in headless Chromium as a visitor sees it
 * (with its data loaded, and where a page changes, in its other states: field errors, the
 * outcome, a question). No serious or critical violation; the tables are in target/axe/.
 */
@ExtendWith({SharedRunner.class, BrowserPerClass.class})
class SiteAccessibilityTest {

    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void useBrowser(ChromeDriver chromium) {
        browser = chromium;
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @Test
    void theCalendar(RunnerProcess runner) {
        openCalendar(runner);
        Axe.assertAccessible(browser, "index");
    }

    @Test
    void theRegistrationFormItsErrorsAndItsOutcome(RunnerProcess runner) throws IOException {
        openRegistration(runner);
        Axe.assertAccessible(browser, "aanmelden");

        browser.findElement(By.cssSelector("#aanmelden button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fouten")));
        Axe.assertAccessible(browser, "aanmelden-fouten");

        browser.findElement(By.id("name")).sendKeys("Fatima El Amrani");
        browser.findElement(By.id("consent")).click();
        askAboutATypo("axe." + System.nanoTime() + "@gmial.com", "#aanmelden");
        Axe.assertAccessible(browser, "aanmelden-suggestie");

        browser.findElement(By.cssSelector("#email-suggestion button")).click();
        browser.findElement(By.cssSelector("#aanmelden button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst-titel")));
        Axe.assertAccessible(browser, "aanmelden-uitkomst");
    }

    @Test
    void theRegistrantsManagePageAndItsQuestion(RunnerProcess runner) throws IOException {
        HttpResponse<String> registered = runner.send("POST", "/events/" + runner.openEvent() + "/registrations",
                Map.of("content-type", "application/json"), """
                {"name": "Sanne de Vries", "email": "sanne.%d@example.org", "consent": true}""".formatted(System.nanoTime()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        checkManagePage(runner, registered, "Aangemeld", "annuleer", "beheer");
    }

    @Test
    void theCallsPage(RunnerProcess runner) {
        openCalls(runner);
        Axe.assertAccessible(browser, "oproep");
    }

    @Test
    void thePrizeEntryFormAndItsErrors(RunnerProcess runner) {
        openPrizeForm(runner);
        Axe.assertAccessible(browser, "vrijwilligersprijzen");

        new PrizeEntryForm(browser).submit();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fouten")));
        Axe.assertAccessible(browser, "vrijwilligersprijzen-fouten");

        askAboutATypo("brug@hotmial.com", "#inzending");
        Axe.assertAccessible(browser, "vrijwilligersprijzen-suggestie");
    }

    /** At a phone's width (390 px): other wrapping, other sizes; and nothing to scroll sideways. */
    @Test
    void thePagesAtAPhonesWidth(RunnerProcess runner) throws IOException {
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            openCalendar(runner);
            onAPhone("index-telefoon");
            openRegistration(runner);
            // A long address in the question must wrap, not push the page sideways.
            askAboutATypo("fatima.elamrani.vrijwilliger@gmial.com", "#aanmelden");
            onAPhone("aanmelden-suggestie-telefoon");
            openCalls(runner);
            onAPhone("oproep-telefoon");
            openPrizeForm(runner);
            onAPhone("vrijwilligersprijzen-telefoon");
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    private static void onAPhone(String page) {
        Axe.assertAccessible(browser, page);
        Long overflow = (Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("sideways scrolling on " + page).isLessThanOrEqualTo(0L);
    }

    @Test
    void theEntrantsPage(RunnerProcess runner) throws IOException {
        String consent = Json.MAPPER.readTree(runner.get("/prizes/round").body()).path("consent").path("version").asText();
        HttpResponse<String> entered = runner.send("POST", "/prizes/entries", Map.of("content-type", "application/json"), """
                {"initiative": "Taalcafé De Brug", "municipality": "Zwolle", "contactName": "Sanne de Vries",
                 "email": "sanne.%d@example.org", "title": "Iedereen aan tafel",
                 "description": "Elke dinsdag schuiven nieuwe buren aan bij ons taalcafé.",
                 "file": {"name": "IMG_4821.MOV", "size": 31247564, "contentType": "video/quicktime"},
                 "consent": {"version": "%s", "publication": true, "recognisablePeople": true, "minorsAppear": false}}"""
                .formatted(System.nanoTime(), consent));
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        checkManagePage(runner, entered, "Wacht op je vlog", "trek-in", "inzending");
    }

    private static void openCalendar(RunnerProcess runner) {
        browser.get(runner.origin() + "/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultaat"), "activiteiten gevonden"));
    }

    private static void openRegistration(RunnerProcess runner) throws IOException {
        browser.get(runner.origin() + "/aanmelden.html?activiteit=" + runner.openEvent());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("aanmelden")));
    }

    private static void openCalls(RunnerProcess runner) {
        browser.get(runner.origin() + "/oproep.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resultaat"), "varianten"));
    }

    private static void openPrizeForm(RunnerProcess runner) {
        browser.get(runner.origin() + PrizeEntryForm.PAGE);
        wait.until(driver -> !driver.findElement(By.id("consent-text")).getText().isEmpty());
    }

    /** Types the address into the form's email field and sends: the form asks whether another was meant. */
    private static void askAboutATypo(String email, String form) {
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.cssSelector(form + " button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("email-suggestion"), "Bedoelde je"));
    }

    /**
     * The page behind the manage link the API answered with, once it shows the record's status, and
     * after {@code button} asked whether to cancel or withdraw. The link names the site's origin:
     * it is opened on this runner.
     */
    private static void checkManagePage(RunnerProcess runner, HttpResponse<String> created, String status, String button,
            String page) throws IOException {
        String link = Json.MAPPER.readTree(created.body()).path("manageUrl").asText();
        browser.get(runner.origin() + link.substring(link.indexOf('/', link.indexOf("//") + 2)));
        wait.until(ExpectedConditions.textToBe(By.id("status"), status));
        Axe.assertAccessible(browser, page);

        browser.findElement(By.id(button)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bevestig")));
        Axe.assertAccessible(browser, page + "-bevestigen");
    }
}
