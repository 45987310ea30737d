package nl.mensenmakennederland.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's top folder: the nearest folder upwards that holds template.yaml. */
public final class RepositoryRoot {

    private RepositoryRoot() {}

    public static Path path() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No template.yaml above " + Path.of("").toAbsolutePath());
    }
}
