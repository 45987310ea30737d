package nl.mensenmakennederland.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import nl.mensenmakennederland.bench.lambda.DeploymentPackages;
import nl.mensenmakennederland.bench.lambda.Folders;

/**
 * The task roots the measured environments run, each laid out as Lambda unpacks a package into
 * {@code /var/task}: our jobs' packages as template.yaml names them, the naive reference's
 * shaded jar in {@code lib/}, the floor's classes at the top with its few jars in {@code lib/}.
 * {@code mvn package} builds the references; the floor's jar list comes from bench/runner's pom.
 */
record Artifacts(Map<String, Path> jobPackages, Path naiveTaskRoot, Path naiveJar, Path floorTaskRoot) {

    /** {@code jobs}: the unpacked packages; {@link #jobPackages} their zips by job name. */
    static Artifacts prepare(Path root, Path work, Collection<DeploymentPackages.Package> jobs) {
        Map<String, Path> jobPackages = new TreeMap<>();
        jobs.forEach(job -> jobPackages.put(job.zip().getFileName().toString().replace(".zip", ""), job.zip()));
        Path references = root.resolve("bench/references/target");
        Path naive = Folders.emptied(work.resolve("task-root-naive"));
        Path naiveJar = copy(shadedJar(references, "bench-references-"), naive.resolve("lib"));
        Path floor = Folders.emptied(work.resolve("task-root-floor"));
        copyTree(references.resolve("classes"), floor);
        classpathFile(root.resolve("bench/runner/target/floor.classpath")).forEach(jar -> copy(jar, floor.resolve("lib")));
        return new Artifacts(jobPackages, naive, naiveJar, floor);
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

    private static Path copy(Path file, Path folder) {
        try {
            Files.createDirectories(folder);
            return Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
