package nl.mensenmakennederland.bench.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.mensenmakennederland.testing.SamTemplate;

/**
 * The deployment packages template.yaml names: each function's {@code CodeUri} is its job's zip
 * ({@code functions/<job>/target/<job>.zip}, made by {@code ./mvnw package}), which {@code sam
 * deploy} uploads as it is and Lambda unpacks into the task root ({@code /var/task}). Here each
 * zip is unpacked once, the same way, for every function that names it.
 */
public final class DeploymentPackages {

    /** One job's package: the zip, the task root it unpacks to, and the functions that run it. */
    public record Package(Path zip, Path taskRoot, List<String> functions) {}

    private DeploymentPackages() {}

    /** Each function's package, by logical id, unpacked under {@code work}. */
    public static Map<String, Package> unpack(SamTemplate template, Path work) {
        Folders.emptied(work);
        Path templateFolder = template.file().toAbsolutePath().getParent();
        Map<Path, List<String>> byZip = new LinkedHashMap<>();
        for (SamTemplate.Function function : template.functions()) {
            String id = function.logicalId();
            Path zip = templateFolder.resolve(String.valueOf(template.functionProperty(id, "CodeUri"))).normalize();
            if (!zip.toString().endsWith(".zip")) {
                throw new IllegalStateException(id + ": CodeUri " + zip + " is not a job's package (functions/<job>/target/<job>.zip)");
            }
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException(id + ": no " + zip + " yet: `./mvnw package` builds the jobs' packages");
            }
            byZip.computeIfAbsent(zip, k -> new ArrayList<>()).add(id);
        }
        Map<String, Package> packages = new LinkedHashMap<>();
        for (var job : byZip.entrySet()) {
            String name = job.getKey().getFileName().toString().replace(".zip", "");
            Package unpacked = new Package(job.getKey(), unzip(job.getKey(), work.resolve(name)), List.copyOf(job.getValue()));
            job.getValue().forEach(id -> packages.put(id, unpacked));
        }
        return packages;
    }

    private static Path unzip(Path zip, Path taskRoot) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            Files.createDirectories(taskRoot);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = taskRoot.resolve(entry.getName()).normalize();
                if (!target.startsWith(taskRoot)) {
                    throw new IllegalStateException(zip + ": " + entry.getName() + " would land outside the task root");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
            return taskRoot;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + zip, e);
        }
    }
}
