package nl.mensenmakennederland.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One {@link HeadlessChromium} per test class, for its tests and {@code @BeforeAll} methods that
 * ask for a {@link ChromeDriver}; it quits after the class's last test.
 */
final class BrowserPerClass implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserPerClass.class);

    private record Browser(ChromeDriver driver) implements AutoCloseable {
        @Override
        public void close() {
            driver.quit();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ChromeDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext testClass = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        return testClass.getStore(NAMESPACE).getOrComputeIfAbsent(Browser.class, key -> {
            try {
                return new Browser(HeadlessChromium.start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Browser.class).driver();
    }

    /** What the browser shows now, as target/screenshots/{@code name}.png. */
    static void screenshot(TakesScreenshot browser, String name) throws IOException {
        Files.createDirectories(BrowserTest.SCREENSHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), BrowserTest.SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
