package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in to the admin pages in a browser: through the emulated hosted sign-in with the
 * authorization code and PKCE, tokens kept in memory only, refused without MFA, a clear page
 * when the session ran out, and sign-out; axe-core finds no serious or critical violation on any
 * of these pages.
 */
@ExtendWith({SharedRunner.class, BrowserPerClass.class})
class AdminSignInBrowserTest {

    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void useBrowser(ChromeDriver chromium) {
        browser = chromium;
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private static void screenshot(String name) throws IOException {
        BrowserPerClass.screenshot(browser, name);
    }

    @Test
    void anAdminSignsInAndNoTokenIsStoredInTheBrowser(RunnerProcess runner) throws IOException {
        AdminSignIn.signOutEverywhere(browser);
        browser.get(runner.origin() + "/intern/");
        wait.until(ExpectedConditions.urlContains(HostedSignIn.AUTHORIZE));
        assertThat(browser.getCurrentUrl()).contains("code_challenge_method=S256", "redirect_uri=");
        Axe.assertAccessible(browser, "intern-inloggen");
        screenshot("intern-01-inloggen");

        AdminSignIn.signIn(browser, runner, AdminSignIn.ADMIN, "");

        assertThat(browser.getCurrentUrl()).as("the code left the address bar").doesNotContain("code=");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welkom");
        assertThat(browser.findElement(By.id("menu")).getText()).contains("beheerder@nov.nl", "Uitloggen");
        Object stored = browser.executeScript("return JSON.stringify(Object.assign({}, localStorage))"
                + " + JSON.stringify(Object.assign({}, sessionStorage)) + document.cookie;");
        assertThat(String.valueOf(stored)).as("tokens live in memory only").doesNotContain("eyJ");
        Axe.assertAccessible(browser, "intern-start");
        screenshot("intern-02-start");
    }

    @Test
    void anAdminWithoutMfaIsSentBackToTheSignIn(RunnerProcess runner) {
        AdminSignIn.signOutEverywhere(browser);
        browser.get(runner.origin() + "/intern/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account-zonder-mfa"))).click();
        browser.findElement(By.id("mfa")).sendKeys("123456");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        String alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]"))).getText();
        assertThat(alert).contains("geen authenticator-app gekoppeld");
        assertThat(browser.getCurrentUrl()).contains(HostedSignIn.AUTHORIZE);
        assertThat(browser.findElements(By.id("account-beheerder"))).as("the sign-in again").hasSize(1);
        Axe.assertAccessible(browser, "intern-inloggen-geweigerd");
    }

    @Test
    void anExpiredSessionShowsAClearPageAndOneClickSignsInAgain(RunnerProcess runner) throws IOException {
        AdminSignIn.signInBriefly(browser, runner, AdminSignIn.ADMIN, "");

        // The 5-second session runs out; the next step in the pages (here: moving to another view) finds it over.
        new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(500)).until(driver -> {
            browser.executeScript("location.hash = '#/' + Date.now();");
            return !browser.findElements(By.id("opnieuw-inloggen")).isEmpty();
        });
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Je sessie is verlopen");
        Axe.assertAccessible(browser, "intern-verlopen");
        screenshot("intern-03-verlopen");

        // The hosted sign-in still knows this browser: one click and no password, as with Cognito.
        browser.findElement(By.id("opnieuw-inloggen")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("uitloggen")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welkom");
    }

    @Test
    void signingOutEndsTheSessionHereAndAtTheSignIn(RunnerProcess runner) throws IOException {
        AdminSignIn.signIn(browser, runner, AdminSignIn.ADMIN, "");

        browser.findElement(By.id("uitloggen")).click();

        wait.until(ExpectedConditions.urlContains("/intern/afgemeld.html"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Je bent uitgelogd");
        Axe.assertAccessible(browser, "intern-afgemeld");
        screenshot("intern-04-afgemeld");
        browser.findElement(By.linkText("Opnieuw inloggen")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account-beheerder")));
        assertThat(browser.getCurrentUrl()).as("asked who one is again").contains(HostedSignIn.AUTHORIZE);
    }
}
