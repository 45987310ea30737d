package nl.mensenmakennederland.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer without Chromium reads when the browser test fails. */
class SystemChromiumTest {

    @TempDir
    Path bin;

    private Path program(String name) throws IOException {
        return Files.createFile(bin.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    @Test
    void withNeitherTheMessageNamesBothProgramsAndTheCommandThatInstallsThem() {
        assertThatThrownBy(() -> SystemChromium.locate(bin.toString()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("chromium (Debian package chromium), chromedriver (Debian package chromium-driver)")
                .hasMessageContaining("sudo apt-get install -y chromium chromium-driver");
    }

    @Test
    void withoutTheDriverOnlyTheDriverIsNamed() throws IOException {
        program("chromium");

        assertThatThrownBy(() -> SystemChromium.locate(bin.toString()))
                .hasMessageContaining("chromedriver (Debian package chromium-driver)")
                .hasMessageNotContaining("chromium (Debian package chromium)")
                .hasMessageEndingWith("sudo apt-get install -y chromium-driver (.ci/run does this).");
    }

    @Test
    void aFileThatIsNotExecutableDoesNotCount() throws IOException {
        program("chromedriver");
        Files.createFile(bin.resolve("chromium"));

        assertThatThrownBy(() -> SystemChromium.locate("/nonexistent:" + bin))
                .hasMessageContaining("chromium (Debian package chromium)")
                .hasMessageEndingWith("sudo apt-get install -y chromium (.ci/run does this).");
    }

    @Test
    void bothAreFoundOnThePathInItsOrder() throws IOException {
        Path chromium = program("chromium");
        Path chromedriver = program("chromedriver");

        assertThat(SystemChromium.locate("/nonexistent:" + bin + ":/usr/bin"))
                .isEqualTo(new SystemChromium(chromium, chromedriver));
    }
}
