package nl.mensenmakennederland.local;

import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signs a browser in to the admin pages the way a person does: /intern/ sends it to the
 * (emulated) hosted sign-in, one picks an account and types an authenticator code, and the
 * pages come back signed in. Accounts are {@link LocalAccount#ALL}'s ids.
 */
final class AdminSignIn {

    static final String ADMIN = "beheerder";
    static final String JUROR = "jurylid-1";
    static final String OTHER_JUROR = "jurylid-2";

    private AdminSignIn() {}

    /** Signs in and opens {@code #/view} (e.g. "activiteiten"), waiting for the menu. */
    static void signIn(ChromeDriver browser, RunnerProcess runner, String account, String view) {
        signIn(browser, runner, account, view, false);
    }

    /**
     * Signs in as an account whose groups may not open {@code #/view}, and returns the page's
     * refusal (the view's alert) once it shows.
     */
    static WebElement refusedAt(ChromeDriver browser, RunnerProcess runner, String account, String view) {
        signIn(browser, runner, account, view);
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main [role=alert]")));
    }

    /** As {@link #signIn}, with a session of 5 seconds (to see what happens when it runs out). */
    static void signInBriefly(ChromeDriver browser, RunnerProcess runner, String account, String view) {
        signIn(browser, runner, account, view, true);
    }

    /** Forgets every sign-in of this browser, the hosted sign-in's session cookie (on its own path) too. */
    static void signOutEverywhere(ChromeDriver browser) {
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    private static void signIn(ChromeDriver browser, RunnerProcess runner, String account, String view, boolean briefly) {
        signOutEverywhere(browser);
        // A fresh document: the same address with another #view would only change the view.
        browser.get("about:blank");
        browser.get(runner.origin() + "/intern/#/" + view);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("account-" + account))).click();
        browser.findElement(By.id("mfa")).sendKeys("123456");
        browser.findElement(By.id(briefly ? "validity-short" : "validity-hour")).click();
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("uitloggen")));
    }
}
