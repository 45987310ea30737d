package nl.mensenmakennederland.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The system's Chromium, headless, in a fresh profile, as the browser tests drive it. */
final class HeadlessChromium {

    private HeadlessChromium() {}

    static ChromeDriver start() throws IOException {
        SystemChromium system = SystemChromium.locate();
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(system.chromium().toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=nl-NL", "--user-data-dir=" + profile,
                // A volunteer's Chrome: with "HeadlessChrome" in its agent a download counts as automated, as it should.
                "--user-agent=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(system.chromedriver().toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
