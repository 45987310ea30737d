package nl.mensenmakennederland.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The system's Chromium and its chromedriver, which the browser test drives (no browser
 * download), found on the {@code PATH} as {@code .ci/run} finds them. When either is missing the
 * browser test fails rather than skips (it is part of the suite), saying what to install.
 */
record SystemChromium(Path chromium, Path chromedriver) {

    /** A program the browser test runs, and the Debian package that provides it. */
    private record Program(String name, String debianPackage) {}

    private static final Program CHROMIUM = new Program("chromium", "chromium");
    private static final Program CHROMEDRIVER = new Program("chromedriver", "chromium-driver");

    static SystemChromium locate() {
        return locate(System.getenv().getOrDefault("PATH", ""));
    }

    /** Both programs on {@code searchPath}, or an AssertionError naming each missing one and the command that installs them. */
    static SystemChromium locate(String searchPath) {
        Optional<Path> chromium = find(CHROMIUM, searchPath);
        Optional<Path> chromedriver = find(CHROMEDRIVER, searchPath);
        if (chromium.isPresent() && chromedriver.isPresent()) {
            return new SystemChromium(chromium.get(), chromedriver.get());
        }
        List<Program> missing = new ArrayList<>();
        if (chromium.isEmpty()) {
            missing.add(CHROMIUM);
        }
        if (chromedriver.isEmpty()) {
            missing.add(CHROMEDRIVER);
        }
        throw new AssertionError("The browser test drives the system's Chromium through chromedriver. Not on the PATH ("
                + searchPath + "): " + String.join(", ", missing.stream()
                        .map(program -> program.name() + " (Debian package " + program.debianPackage() + ")").toList())
                + ". Install with: sudo apt-get install -y "
                + String.join(" ", missing.stream().map(Program::debianPackage).toList()) + " (.ci/run does this).");
    }

    private static Optional<Path> find(Program program, String searchPath) {
        for (String directory : searchPath.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program.name());
            if (!directory.isEmpty() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
