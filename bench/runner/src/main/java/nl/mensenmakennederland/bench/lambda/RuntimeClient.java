package nl.mensenmakennederland.bench.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * The official runtime client ({@code com.amazonaws:aws-lambda-java-runtime-interface-client})
 * started as Lambda's managed {@code java25} runtime starts it: a JDK 25 with the runtime's own
 * flags, the client's jars as the classpath, and the handler as its argument. The function itself
 * is not on the classpath: the client loads it from its working directory, the task root.
 */
public final class RuntimeClient {

    public static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /**
     * The flags the managed runtime passes. {@code org.crac.Core.Compat} routes {@code org.crac}
     * registrations into the client's own CRaC context, whose hooks it runs in SnapStart mode;
     * without it no {@code beforeCheckpoint}/{@code afterRestore} hook would ever run.
     */
    public static final List<String> MANAGED_RUNTIME_FLAGS = List.of(
            "-XX:+UseSerialGC", "-Xshare:auto", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac", "-Djava.net.preferIPv4Stack=true");

    /** The client's switch to load its native HTTP client from a given file. */
    private static final String NATIVE_CLIENT_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final List<Path> classpath;
    private final Path nativeClient;

    private RuntimeClient(List<Path> classpath, Path nativeClient) {
        this.classpath = classpath;
        this.nativeClient = nativeClient;
    }

    /** The client's jars as bench/runner's build resolved them ({@code target/ric.classpath}). */
    public static RuntimeClient locate(Path repositoryRoot) {
        Path target = repositoryRoot.resolve("bench/runner/target");
        Path file = target.resolve("ric.classpath");
        List<Path> classpath;
        try {
            classpath = Arrays.stream(Files.readString(file).trim().split(":")).filter(s -> !s.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No " + file + ": build bench/runner first", e);
        }
        return new RuntimeClient(classpath, unpackNativeClient(classpath, target.resolve("ric-native")));
    }

    /** The command line of one execution environment: {@code java <flags> -cp <client> AWSLambda <handler>}. */
    public List<String> command(String handler, List<String> extraJvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(JAVA.toString());
        command.addAll(MANAGED_RUNTIME_FLAGS);
        command.add("-D" + NATIVE_CLIENT_PROPERTY + "=" + nativeClient);
        command.addAll(extraJvmOptions);
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(":")));
        command.add(MAIN);
        command.add(handler);
        return command;
    }

    /**
     * The client's native HTTP client for this machine, unpacked once. Left to itself, the client
     * unpacks it into the fixed file {@code /tmp/.libaws-lambda-jni.so} at every start, which JVMs
     * started side by side (or by another user) would overwrite under each other's feet.
     */
    private static Path unpackNativeClient(List<Path> classpath, Path folder) {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String name = "jni/libaws-lambda-jni.linux-" + (arch.equals("aarch64") ? "aarch_64" : "x86_64") + ".so";
        Path jar = classpath.stream().filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                .findFirst().orElseThrow(() -> new IllegalStateException("The runtime client is not in " + classpath));
        try (JarFile ric = new JarFile(jar.toFile())) {
            var entry = ric.getJarEntry(name);
            if (entry == null) {
                throw new IllegalStateException(jar + " has no " + name);
            }
            Files.createDirectories(folder);
            Path unpacked = folder.resolve(Path.of(name).getFileName());
            Path partial = Files.createTempFile(folder, "unpacking", ".so");
            try (InputStream in = ric.getInputStream(entry)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, unpacked, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return unpacked;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the runtime client's native client from " + jar, e);
        }
    }
}
