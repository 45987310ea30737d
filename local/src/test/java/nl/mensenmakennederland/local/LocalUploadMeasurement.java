package nl.mensenmakennederland.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.testing.TestVideos;
import nl.mensenmakennederland.testing.TestVideos.Kind;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How large a vlog goes up through the local runner, and how long it takes: the prize page in
 * headless Chromium uploads a real MP4 grown to each size given (MB), as an entrant would; the
 * check's own log line says what it read. A measurement, not a test (README, Prize vlogs):
 * after {@code ./mvnw -q -pl local -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt},
 * from the repository root: {@code java -cp local/target/test-classes:local/target/classes:$(cat local/target/test-classpath.txt)
 * nl.mensenmakennederland.local.LocalUploadMeasurement 200 1000}.
 */
final class LocalUploadMeasurement {

    /** The part size of an upload in parts (ResumableUpload.PART_BYTES). */
    private static final long PART_BYTES = 16L * 1024 * 1024;

    private LocalUploadMeasurement() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of("local", "target", "measurement"));
        try (RunnerProcess runner = RunnerProcess.start()) {
            ChromeDriver browser = HeadlessChromium.start();
            try {
                System.out.println("bytes\tparts\tupload s\tsubmit to verdict s\tverdict\tcheck bytesRead\treads");
                for (String megabytes : args) {
                    long bytes = Long.parseLong(megabytes) * 1_000_000L;
                    Path vlog = GrownVideo.write(TestVideos.make(Kind.MP4_INDEX_AT_END, 3), bytes, folder.resolve("vlog-" + megabytes + "mb.mp4"));
                    try {
                        measure(runner, browser, vlog, bytes);
                    } finally {
                        Files.delete(vlog);
                    }
                }
            } finally {
                browser.quit();
            }
        }
    }

    private static void measure(RunnerProcess runner, ChromeDriver browser, Path vlog, long bytes) throws Exception {
        browser.get(runner.origin() + PrizeEntryForm.PAGE);
        PrizeEntryForm form = new PrizeEntryForm(browser);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("file")));
        form.choose(vlog);
        form.fillIn("meting." + System.nanoTime() + "@example.org", "Zwijndrecht");
        form.noChildren();
        long started = System.nanoTime();
        form.submit();
        WebDriverWait patience = new WebDriverWait(browser, Duration.ofMinutes(30), Duration.ofMillis(100));
        String stored = patience.until(driver ->
                (String) browser.executeScript("return sessionStorage.getItem('vrijwilligersprijzen.upload')"));
        JsonNode upload = Json.MAPPER.readTree(stored);
        // textContent, not the visible text: the verdict may already have hidden the upload's heading.
        patience.until(driver -> "Je vlog is verstuurd".equals(driver.findElement(By.id("upload-titel")).getDomProperty("textContent")));
        double uploadSeconds = (System.nanoTime() - started) / 1e9;
        String verdict = patience.until(ExpectedConditions.visibilityOfElementLocated(By.id("uitkomst-titel"))).getText();
        double verdictSeconds = (System.nanoTime() - started) / 1e9;

        String entryId = upload.path("entryId").asText();
        JsonNode checked = runner.output().lines().filter(line -> line.contains("\"upload.checked\"") && line.contains(entryId))
                .map(line -> {
                    try {
                        return Json.MAPPER.readTree(line);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElseThrow(() -> new IllegalStateException("No check logged for " + entryId));
        long parts = upload.path("resumable").asBoolean() ? (bytes + PART_BYTES - 1) / PART_BYTES : 1;
        System.out.printf("%d\t%d\t%.1f\t%.1f\t%s\t%d\t%d%n", checked.path("bytes").asLong(), parts, uploadSeconds, verdictSeconds,
                verdict, checked.path("bytesRead").asLong(), checked.path("reads").asInt());
    }
}
