package nl.mensenmakennederland.bench.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.mensenmakennederland.testing.SamTemplate;

/**
 * The deployment packages of template.yaml, made as {@code sam build} makes them for
 * {@code BuildMethod: makefile} (aws-lambda-builders' custom make workflow): the function's
 * {@code CodeUri} folder is copied to a scratch folder (all but {@code .aws-sam} and {@code .git}),
 * and there {@code make --makefile <CodeUri>/Makefile build-<LogicalId>} runs with
 * {@code ARTIFACTS_DIR} set to an empty folder. That folder is what SAM zips and Lambda unpacks
 * into the task root ({@code /var/task}).
 *
 * <p>Functions with the same {@code CodeUri} and the same recipe (the commands {@code make -n}
 * prints for their target) get the same package, built once; SAM itself would build it per
 * function, to the same result.
 */
public final class SamBuild {

    private static final Set<String> NOT_COPIED = Set.of(".aws-sam", ".git");
    private static final String PLACEHOLDER = "@ARTIFACTS_DIR@";

    /** One built package, the functions it serves and the log of its one build. */
    public record Package(Path taskRoot, Path codeUri, List<String> recipe, List<String> functions, Path buildLog) {}

    /** What decides the package: the folder and the commands its build runs. */
    private record Recipe(Path codeUri, List<String> commands) {}

    private SamBuild() {}

    /** Each function's package, by logical id. Builds log to {@code work/build-N.log}; earlier ones are removed. */
    public static Map<String, Package> build(SamTemplate template, Path work) {
        Folders.emptied(work);
        Path templateFolder = template.file().toAbsolutePath().getParent();
        Map<Recipe, List<String>> byRecipe = new LinkedHashMap<>();
        for (SamTemplate.Function function : template.functions()) {
            String id = function.logicalId();
            Object method = template.metadata(id).get("BuildMethod");
            if (!"makefile".equals(method)) {
                throw new IllegalStateException(id + ": BuildMethod " + method + " is not imitated here, only makefile");
            }
            Path codeUri = templateFolder.resolve(String.valueOf(template.functionProperty(id, "CodeUri"))).normalize();
            byRecipe.computeIfAbsent(new Recipe(codeUri, recipe(codeUri, id)), k -> new ArrayList<>()).add(id);
        }
        Map<String, Package> packages = new LinkedHashMap<>();
        int n = 0;
        for (var group : byRecipe.entrySet()) {
            Recipe recipe = group.getKey();
            Path log = work.resolve("build-" + ++n + ".log");
            Path taskRoot = make(recipe.codeUri(), group.getValue().get(0), work, n, log);
            Package built = new Package(taskRoot, recipe.codeUri(), recipe.commands(), List.copyOf(group.getValue()), log);
            group.getValue().forEach(id -> packages.put(id, built));
        }
        return packages;
    }

    /** The commands {@code make} would run for the function's target, with {@code ARTIFACTS_DIR} left as a placeholder. */
    static List<String> recipe(Path codeUri, String logicalId) {
        return run(codeUri, List.of("make", "-n", "--makefile", codeUri.resolve("Makefile").toString(), "build-" + logicalId),
                PLACEHOLDER, null);
    }

    private static Path make(Path codeUri, String logicalId, Path work, int n, Path log) {
        Path scratch = work.resolve("scratch-" + n);
        Path artifacts = work.resolve("package-" + n);
        copy(codeUri, scratch);
        try {
            Files.createDirectories(artifacts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(scratch, List.of("make", "--makefile", codeUri.resolve("Makefile").toString(), "build-" + logicalId),
                artifacts.toString(), log);
        return artifacts;
    }

    /** Runs a command with {@code ARTIFACTS_DIR} and JDK 25 (the one running this) for Maven; its output lines. */
    private static List<String> run(Path dir, List<String> command, String artifactsDir, Path log) {
        try {
            Path output = log != null ? log : Files.createTempFile("sam-build", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            String javaHome = System.getProperty("java.home");
            builder.environment().put("ARTIFACTS_DIR", artifactsDir);
            builder.environment().put("JAVA_HOME", javaHome);
            builder.environment().put("PATH", javaHome + "/bin:" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().merge("MAVEN_OPTS", "--sun-misc-unsafe-memory-access=allow", (a, b) -> a + " " + b);
            Process process;
            try {
                process = builder.start();
            } catch (IOException notFound) {
                throw new IllegalStateException("Cannot run " + command.get(0) + ": building as sam build does needs make, "
                        + "and functions/Makefile needs mvn, on the PATH", notFound);
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took over 10 minutes");
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            if (log == null) {
                Files.delete(output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " in " + dir + " failed (exit " + process.exitValue()
                        + "):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                if (relative.getNameCount() > 0 && NOT_COPIED.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
    }
}
