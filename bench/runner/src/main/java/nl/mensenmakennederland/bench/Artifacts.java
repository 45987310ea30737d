package nl.mensenmakennederland.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jars the measured JVMs run: our deployable (the shaded functions jar), the naive
 * reference's shaded jar, the floor's few jars, and the launcher with the runtime's serializers.
 * {@code mvn package} builds them all; the classpath files come from bench/runner's pom.
 */
record Artifacts(Path functionsJar, Path naiveJar, Path referenceClasses, List<Path> floorJars, List<Path> launcher) {

    static Artifacts locate(Path root) {
        Path runner = root.resolve("bench/runner/target");
        List<Path> launcher = new ArrayList<>();
        launcher.add(runner.resolve("classes"));
        launcher.addAll(classpathFile(runner.resolve("launcher.classpath")));
        return new Artifacts(
                shadedJar(root.resolve("functions/target"), "functions-"),
                shadedJar(root.resolve("bench/references/target"), "bench-references-"),
                root.resolve("bench/references/target/classes"),
                classpathFile(runner.resolve("floor.classpath")),
                launcher);
    }

    List<Path> functionClasspath() {
        return join(List.of(functionsJar), launcher);
    }

    List<Path> naiveClasspath() {
        return join(List.of(naiveJar), launcher);
    }

    List<Path> floorClasspath() {
        return join(join(List.of(referenceClasses), floorJars), launcher);
    }

    private static List<Path> join(List<Path> a, List<Path> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** The jar shade wrote over the module's main artifact (not original-*, -tests, -sources). */
    private static Path shadedJar(Path target, String prefix) {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".jar") && !name.endsWith("-tests.jar")
                        && !name.endsWith("-sources.jar");
            }).findFirst().orElseThrow(() -> new IllegalStateException("No " + prefix + "*.jar in " + target
                    + ": build first (bench/coldstart does)"));
        } catch (IOException e) {
            throw new UncheckedIOException("No " + target + ": build first (bench/coldstart does)", e);
        }
    }

    private static List<Path> classpathFile(Path file) {
        try {
            return Arrays.stream(Files.readString(file).trim().split(":")).filter(s -> !s.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No " + file + ": build first (bench/coldstart does)", e);
        }
    }
}
