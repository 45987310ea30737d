package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admins' Overzicht page (#/overzicht) in headless Chromium: the morning digest's preview, its
 * subject and every figure as the API composes it, and the mail itself in a frame that runs no
 * scripts. A juror is refused in Dutch. axe-core finds no
 * serious or critical violation in any state. Screenshots: target/screenshots/admin-overzicht-*.png.
 */
@ExtendWith({SharedRunner.class, BrowserPerClass.class})
class OverzichtBrowserTest {

    private static JsonNode preview(RunnerProcess runner) throws IOException {
        var response = runner.send("GET", "/admin/digest/preview", Map.of("authorization", "Bearer " + runner.adminToken()), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    private static long figure(JsonNode preview, String key) {
        for (JsonNode section : preview.path("sections")) {
            for (JsonNode figure : section.path("figures")) {
                if (figure.path("key").asText().equals(key)) {
                    return figure.path("value").asLong();
                }
            }
        }
        throw new AssertionError("No figure " + key + " in " + preview);
    }

    /** A session in three days with one seat, taken, and one person waiting: the digest's "now" figures move. */
    private static void aFullSessionWithAWaitingLine(RunnerProcess runner) {
        String id = "wvhv-overzicht-" + System.currentTimeMillis();
        Instant starts = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String event = """
                {"id":"%s","type":"week-van-het-vragen","title":"Vragen in de buurt (overzicht)","description":"Oefenen met vragen.",
                 "startsAt":"%s","endsAt":"%s","location":"Buurthuis De Linde, Amersfoort","online":false,"capacity":1,
                 "maxSeatsPerRegistration":1,"waitlist":true,"registrationClosesAt":"%s"}"""
                .formatted(id, starts, starts.plus(2, ChronoUnit.HOURS), starts.minus(1, ChronoUnit.DAYS));
        var created = runner.send("POST", "/admin/events",
                Map.of("authorization", "Bearer " + runner.adminToken(), "content-type", "application/json"), event);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        for (String name : new String[] {"Anouk", "Bram"}) {
            var registered = runner.send("POST", "/events/" + id + "/registrations", Map.of("content-type", "application/json"),
                    """
                    {"name":"%s de Vries","email":"%s.%d@example.org","organisation":"Buurthuis De Linde",
                     "municipality":"Amersfoort","seats":1,"consent":true}""".formatted(name, name.toLowerCase(), System.nanoTime()));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        }
    }

    @Test
    void theDigestPreviewShowsTheSubjectTheFiguresAndTheMail(RunnerProcess runner, ChromeDriver browser) throws IOException {
        JsonNode before = preview(runner);
        aFullSessionWithAWaitingLine(runner);
        JsonNode expected = preview(runner);
        assertThat(figure(expected, "events.next-week")).isEqualTo(figure(before, "events.next-week") + 1);
        assertThat(figure(expected, "events.waiting")).isEqualTo(figure(before, "events.waiting") + 1);

        AdminSignIn.signIn(browser, runner, AdminSignIn.ADMIN, "overzicht");
        WebElement subject = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("onderwerp")));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ochtendoverzicht");
        assertThat(subject.getText()).isEqualTo(expected.path("subject").asText()).startsWith("Mensen maken Nederland: overzicht van");
        for (JsonNode section : expected.path("sections")) {
            WebElement part = browser.findElement(By.xpath("//section[h2[normalize-space()='" + section.path("title").asText() + "']]"));
            for (JsonNode figure : section.path("figures")) {
                WebElement row = part.findElement(By.xpath(".//tr[th[normalize-space()='" + figure.path("label").asText() + "']]"));
                assertThat(row.findElement(By.tagName("td")).getText()).as(figure.path("label").asText())
                        .isEqualTo(String.format(java.util.Locale.forLanguageTag("nl-NL"), "%,d", figure.path("value").asLong()));
            }
        }
        WebElement events = browser.findElement(By.xpath("//section[h2='Activiteiten']"));
        assertThat(events.findElement(By.xpath(".//tr[th='Activiteiten in de komende week']/td")).getText())
                .isEqualTo(Long.toString(figure(before, "events.next-week") + 1));
        assertThat(events.getText()).contains("Vragen in de buurt (overzicht)", "1 op de wachtlijst");

        WebElement frame = browser.findElement(By.id("mail"));
        assertThat(frame.getDomAttribute("sandbox")).as("the mail runs no scripts").doesNotContain("allow-scripts");
        browser.switchTo().frame(frame);
        try {
            assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Overzicht van");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Activiteiten in de komende week",
                    "Vragen in de buurt (overzicht)");
        } finally {
            browser.switchTo().defaultContent();
        }
        Axe.assertAccessible(browser, "admin-overzicht-1280");
        FullPageScreenshot.save(browser, "admin-overzicht-1280");

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            assertThat(FullPageScreenshot.sidewaysOverflow(browser)).as("sideways scrolling at 390 px: %s",
                    FullPageScreenshot.pastTheEdge(browser)).isLessThanOrEqualTo(0);
            assertThat((List<?>) browser.executeScript("""
                    return [...document.querySelectorAll('.table-wrap')].filter(wrap => wrap.scrollWidth > wrap.clientWidth)
                      .map(wrap => wrap.closest('section').querySelector('h2').textContent);"""))
                    .as("figure tables that scroll sideways at 390 px").isEmpty();
            Axe.assertAccessible(browser, "admin-overzicht-390");
            FullPageScreenshot.save(browser, "admin-overzicht-390");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void aJurorIsRefusedInDutch(RunnerProcess runner, ChromeDriver browser) throws IOException {
        WebElement refusal = AdminSignIn.refusedAt(browser, runner, AdminSignIn.JUROR, "overzicht");

        assertThat(refusal.getText()).startsWith("Geen toegang").contains("Vraag het campagneteam om toegang.").doesNotContain("403");
        assertThat(browser.findElements(By.id("onderwerp"))).as("no digest shown").isEmpty();
        Axe.assertAccessible(browser, "admin-overzicht-geen-toegang");
        FullPageScreenshot.save(browser, "admin-overzicht-geen-toegang");
    }
}
