package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admins' Oproep page (#/oproep) in headless Chromium: downloads made through the public API
 * appear in its tables and in chart.js's charts for the period, a period the API refuses shows the
 * API's message beside its field, and a grouping's CSV arrives in the browser's download folder.
 * A juror is refused in Dutch. axe-core finds no serious or critical violation in any state.
 * Screenshots: target/screenshots/admin-oproep-*.png.
 */
@ExtendWith({SharedRunner.class, BrowserPerClass.class})
class OproepPageBrowserTest {

    /** A reader's browser other than the tests' Chromium: a visitor of its own, so its uniques are this test's. */
    static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    /** Another reader, for the CSV: the Firefox reader's uniques stay the first test's whatever the order. */
    static final String SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
    static final String POSTER = "lokaal-poster-a3";
    static final String FRISIAN = "regionaal-advertentie-fy";

    static ChromeDriver browser;
    static Path downloads;

    @BeforeAll
    static void saveDownloadsAside(ChromeDriver chromium) throws IOException {
        browser = chromium;
        downloads = Files.createTempDirectory("oproep-downloads");
        browser.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    }

    private static JsonNode stats(RunnerProcess runner, String query) throws IOException {
        var response = runner.send("GET", "/admin/oproep/stats?" + query, Map.of("authorization", "Bearer " + runner.adminToken()), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    /** A grouping's row by key, as the API answers it now: downloads, uniques, automated (zeros when absent). */
    private static long[] counts(JsonNode report, String key) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("key").asText().equals(key)) {
                return new long[] {row.path("downloads").asLong(), row.path("uniques").asLong(), row.path("automated").asLong()};
            }
        }
        return new long[3];
    }

    private static long[] plus(long[] counts, long downloads, long uniques, long automated) {
        return new long[] {counts[0] + downloads, counts[1] + uniques, counts[2] + automated};
    }

    private static void download(RunnerProcess runner, String variant, String municipality, String userAgent) {
        var response = runner.send("GET", "/oproep/variants/" + variant + "/download?orgType=media&municipality="
                + URLEncoder.encode(municipality, StandardCharsets.UTF_8), Map.of("user-agent", userAgent), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    }

    private static void openOproep(RunnerProcess runner) {
        AdminSignIn.signIn(browser, runner, AdminSignIn.ADMIN, "oproep");
        awaitFigures();
    }

    /** Until the figures are shown and chart.js drew every chart. */
    private static void awaitFigures() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> (Boolean) browser.executeScript("""
                const canvases = [...document.querySelectorAll('#uitkomst .chart canvas')];
                return document.getElementById('status')?.textContent.startsWith('Downloads van')
                  && canvases.length > 0 && !!window.Chart && canvases.every(canvas => Chart.getChart(canvas));"""));
    }

    /** A table's row as a person reads it: the numbers after the row's heading, "1.234" as 1234. */
    private static List<Long> row(String table, String heading) {
        for (WebElement tr : browser.findElements(By.cssSelector("#" + table + " tbody tr"))) {
            if (tr.findElement(By.tagName("th")).getText().equals(heading)) {
                return tr.findElements(By.tagName("td")).stream().map(td -> Long.parseLong(td.getText().replace(".", ""))).toList();
            }
        }
        throw new AssertionError("No row " + heading + " in " + browser.findElement(By.id(table)).getText());
    }

    private static List<Long> asList(long[] counts) {
        return List.of(counts[0], counts[1], counts[2]);
    }

    /** What chart.js holds for the chart in {@code selector}: its labels and each dataset's label and numbers. */
    private static JsonNode chart(String selector) throws IOException {
        return Json.MAPPER.readTree((String) browser.executeScript("""
                const chart = Chart.getChart(document.querySelector(arguments[0]));
                return JSON.stringify({ type: chart.config.type, labels: chart.data.labels,
                  datasets: chart.data.datasets.map(d => ({ label: d.label, data: d.data })) });""", selector));
    }

    private static long point(JsonNode chart, String dataset, int index) {
        for (JsonNode set : chart.path("datasets")) {
            if (set.path("label").asText().equals(dataset)) {
                return set.path("data").path(index).asLong();
            }
        }
        throw new AssertionError("No dataset " + dataset + " in " + chart);
    }

    private static int labelIndex(JsonNode chart, String label) {
        for (int i = 0; i < chart.path("labels").size(); i++) {
            if (chart.path("labels").path(i).asText().equals(label)) {
                return i;
            }
        }
        throw new AssertionError("No label " + label + " in " + chart);
    }

    @Test
    void downloadsThroughTheApiShowInTheTablesAndChartsOfThePeriod(RunnerProcess runner) throws IOException {
        JsonNode period = stats(runner, "groupBy=variant");
        String today = period.path("to").asText();
        String todayOnly = "from=" + today + "&to=" + today + "&groupBy=variant";
        JsonNode variantsBefore = stats(runner, "groupBy=variant");
        JsonNode todayBefore = stats(runner, todayOnly);
        JsonNode municipalitiesBefore = stats(runner, "groupBy=municipality");
        JsonNode provincesBefore = stats(runner, "groupBy=province");
        JsonNode typesBefore = stats(runner, "groupBy=orgType");

        download(runner, POSTER, "Vlieland", FIREFOX);
        download(runner, POSTER, "Vlieland", FIREFOX);
        download(runner, FRISIAN, "Schiermonnikoog", FIREFOX);
        // A link checker fetching the file: counted apart, not as a reader.
        download(runner, FRISIAN, "Schiermonnikoog", "curl/8.5.0");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            try {
                return stats(runner, todayOnly).path("total").path("automated").asLong()
                        == todayBefore.path("total").path("automated").asLong() + 1
                        && stats(runner, todayOnly).path("total").path("downloads").asLong()
                        == todayBefore.path("total").path("downloads").asLong() + 3;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        openOproep(runner);

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Maatschappelijke Oproep: downloads");
        assertThat(browser.findElement(By.id("from")).getDomProperty("value")).isEqualTo(period.path("from").asText());
        assertThat(browser.findElement(By.id("to")).getDomProperty("value")).isEqualTo(today);
        // Uniques: the Firefox reader is new to both variants today, and filed where they first downloaded each.
        assertThat(row("tabel-municipality", "Vlieland")).isEqualTo(asList(plus(counts(municipalitiesBefore, "Vlieland"), 2, 1, 0)));
        assertThat(row("tabel-municipality", "Schiermonnikoog"))
                .isEqualTo(asList(plus(counts(municipalitiesBefore, "Schiermonnikoog"), 1, 1, 1)));
        assertThat(row("tabel-province", "Fryslân")).isEqualTo(asList(plus(counts(provincesBefore, "Fryslân"), 3, 2, 1)));
        assertThat(row("tabel-orgType", "Media")).isEqualTo(asList(plus(counts(typesBefore, "media"), 3, 2, 1)));
        String posterTitle = "Maatschappelijke Oproep: poster voor het buurthuis";
        String frisianTitle = "Maatskiplike Oprop: regionale krant (Frysk)";
        assertThat(row("tabel-variant", posterTitle)).isEqualTo(asList(plus(counts(variantsBefore, POSTER), 2, 1, 0)));
        assertThat(row("tabel-variant", frisianTitle)).as("the link checker counted apart")
                .isEqualTo(asList(plus(counts(variantsBefore, FRISIAN), 1, 1, 1)));

        // Today's row of the day table: a column per variant on offer in the period, then total, uniques, automated.
        List<String> columns = browser.findElements(By.cssSelector("#tabel-day thead th")).stream().map(WebElement::getText).toList();
        WebElement todayRow = browser.findElement(By.xpath("//table[@id='tabel-day']//tr[.//time[@datetime='" + today + "']]"));
        List<Long> todayCells = todayRow.findElements(By.tagName("td")).stream().map(td -> Long.parseLong(td.getText().replace(".", ""))).toList();
        assertThat(todayCells.get(columns.indexOf(posterTitle) - 1)).isEqualTo(counts(todayBefore, POSTER)[0] + 2);
        assertThat(todayCells.get(columns.indexOf(frisianTitle) - 1)).isEqualTo(counts(todayBefore, FRISIAN)[0] + 1);
        assertThat(todayCells.subList(todayCells.size() - 3, todayCells.size())).containsExactly(
                todayBefore.path("total").path("downloads").asLong() + 3, todayBefore.path("total").path("uniques").asLong() + 2,
                todayBefore.path("total").path("automated").asLong() + 1);
        assertThat(browser.findElement(By.id("totalen")).getText()).contains(
                "Downloads\n" + (variantsBefore.path("total").path("downloads").asLong() + 3));

        // The charts hold the same figures: a line per variant over the days, bars per municipality and province.
        JsonNode line = chart("[aria-labelledby=per-dag-kop] canvas");
        assertThat(line.path("type").asText()).isEqualTo("line");
        assertThat(line.path("labels").size()).isEqualTo(30);
        assertThat(point(line, posterTitle, 29)).isEqualTo(counts(todayBefore, POSTER)[0] + 2);
        assertThat(point(line, frisianTitle, 29)).isEqualTo(counts(todayBefore, FRISIAN)[0] + 1);
        JsonNode municipalities = chart("[data-grouping=municipality] canvas");
        assertThat(municipalities.path("type").asText()).isEqualTo("bar");
        assertThat(point(municipalities, "Downloads", labelIndex(municipalities, "Vlieland")))
                .isEqualTo(counts(municipalitiesBefore, "Vlieland")[0] + 2);
        assertThat(point(municipalities, "Unieke downloads", labelIndex(municipalities, "Vlieland")))
                .isEqualTo(counts(municipalitiesBefore, "Vlieland")[1] + 1);
        JsonNode provinces = chart("[data-grouping=province] canvas");
        assertThat(point(provinces, "Downloads", labelIndex(provinces, "Fryslân"))).isEqualTo(counts(provincesBefore, "Fryslân")[0] + 3);
        Axe.assertAccessible(browser, "admin-oproep-1280");
        FullPageScreenshot.save(browser, "admin-oproep-1280");

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> (Boolean) browser.executeScript(
                    "return [...document.querySelectorAll('.chart canvas')].every(c => c.getBoundingClientRect().right <= innerWidth);"));
            assertThat(FullPageScreenshot.sidewaysOverflow(browser)).as("sideways scrolling at 390 px: %s",
                    FullPageScreenshot.pastTheEdge(browser)).isLessThanOrEqualTo(0);
            Axe.assertAccessible(browser, "admin-oproep-390");
            FullPageScreenshot.save(browser, "admin-oproep-390");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    private static void typeDate(String field, LocalDate date) {
        // A date field takes its parts in the browser's own order (day-month-year in Dutch; headless Chromium
        // may keep American month-day-year), each part moving on to the next. Typing starts in the first part
        // only when the field takes focus: after an error the page had put the focus there.
        @SuppressWarnings("unchecked")
        List<String> order = (List<String>) browser.executeScript("""
                return new Intl.DateTimeFormat(undefined, { day: '2-digit', month: '2-digit', year: 'numeric' })
                  .formatToParts(new Date()).filter(part => part.type !== 'literal').map(part => part.type);""");
        Map<String, String> parts = Map.of("day", String.format("%02d", date.getDayOfMonth()),
                "month", String.format("%02d", date.getMonthValue()), "year", Integer.toString(date.getYear()));
        WebElement input = browser.findElement(By.id(field));
        browser.executeScript("arguments[0].blur();", input);
        input.sendKeys(String.join("", order.stream().map(parts::get).toList()));
        assertThat(input.getDomProperty("value")).as("typed into " + field).isEqualTo(date.toString());
    }

    private static String refusal(RunnerProcess runner, String query) throws IOException {
        var response = runner.send("GET", "/admin/oproep/stats?" + query, Map.of("authorization", "Bearer " + runner.adminToken()), null);
        assertThat(response.statusCode()).isEqualTo(400);
        return Json.MAPPER.readTree(response.body()).path("errors").path(0).path("message").asText();
    }

    @Test
    void aPeriodTheApiRefusesShowsItsMessageBesideTheField(RunnerProcess runner) throws IOException {
        openOproep(runner);
        LocalDate today = LocalDate.parse(browser.findElement(By.id("to")).getDomProperty("value"));

        typeDate("from", today);
        typeDate("to", today.minusDays(1));
        browser.findElement(By.cssSelector("#periode button[type=submit]")).click();

        String backwards = refusal(runner, "from=" + today + "&to=" + today.minusDays(1));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("from-error")).getText().equals(backwards));
        assertThat(backwards).isEqualTo("De begindatum ligt na de einddatum.");
        assertThat(browser.findElement(By.id("from")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("focus on the field to mend").isEqualTo("from");
        assertThat(browser.findElement(By.id("uitkomst")).getText()).as("the refusal in words, no figures of another period")
                .isEqualTo("Ongeldige parameter\n" + backwards);
        assertThat(browser.findElements(By.cssSelector("#uitkomst table"))).isEmpty();
        Axe.assertAccessible(browser, "admin-oproep-fout");
        FullPageScreenshot.save(browser, "admin-oproep-fout");

        typeDate("from", today.minusDays(100));
        typeDate("to", today);
        browser.findElement(By.cssSelector("#periode button[type=submit]")).click();
        String tooLong = refusal(runner, "from=" + today.minusDays(100) + "&to=" + today);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("from-error")).getText().equals(tooLong));
        assertThat(tooLong).contains("93 dagen");

        // Mended, the figures come back and the field's message goes.
        typeDate("from", today.minusDays(6));
        browser.findElement(By.cssSelector("#periode button[type=submit]")).click();
        awaitFigures();
        assertThat(browser.findElement(By.id("from-error")).getText()).isEmpty();
        assertThat(browser.findElement(By.id("from")).getDomAttribute("aria-invalid")).isNull();
        assertThat(browser.findElements(By.cssSelector("#tabel-day tbody tr"))).hasSize(7);
        assertThat(browser.getCurrentUrl()).endsWith("#/oproep/" + today.minusDays(6) + "/" + today);
    }

    @Test
    void aGroupingsCsvArrivesInTheDownloadFolderAsTheApiWritesIt(RunnerProcess runner) throws Exception {
        download(runner, POSTER, "Vlieland", SAFARI);
        openOproep(runner);
        String from = browser.findElement(By.id("from")).getDomProperty("value");
        String to = browser.findElement(By.id("to")).getDomProperty("value");
        Path file = downloads.resolve("oproep-downloads-municipality-" + from + "-" + to + ".csv");
        Files.deleteIfExists(file);

        browser.findElement(By.cssSelector("button[data-csv=municipality]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> Files.exists(file));
        var api = runner.send("GET", "/admin/oproep/stats?groupBy=municipality&from=" + from + "&to=" + to,
                Map.of("authorization", "Bearer " + runner.adminToken(), "accept", "text/csv"), null);
        assertThat(Files.readAllBytes(file)).as("the API's bytes, byte order mark and all")
                .isEqualTo(api.body().getBytes(StandardCharsets.UTF_8));
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("\uFEFFGemeente;Downloads;Unieke downloads;Automatisch (bots, previews)");
        List<Long> vlieland = row("tabel-municipality", "Vlieland");
        assertThat(csv.lines()).contains("Vlieland;" + vlieland.get(0) + ";" + vlieland.get(1) + ";" + vlieland.get(2));
        assertThat(browser.findElement(By.cssSelector("[data-grouping=municipality] .csv-problem")).getText()).isEmpty();
    }

    @Test
    void aJurorIsRefusedInDutch(RunnerProcess runner) throws IOException {
        WebElement refusal = AdminSignIn.refusedAt(browser, runner, AdminSignIn.JUROR, "oproep");

        assertThat(refusal.getText()).startsWith("Geen toegang").contains("Vraag het campagneteam om toegang.").doesNotContain("403");
        assertThat(browser.findElements(By.id("periode"))).as("no figures asked for").isEmpty();
        Axe.assertAccessible(browser, "admin-oproep-geen-toegang");
        FullPageScreenshot.save(browser, "admin-oproep-geen-toegang");
    }
}
