package nl.mensenmakennederland.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.mensenmakennederland.bench.lambda.RuntimeApiServer;

/**
 * Where a JVM's class loading went, from its {@code -Xlog:class+load} file (decorated with
 * {@code timenanos}, the clock {@link System#nanoTime()} reads on this machine): classes grouped
 * by package (three or four name segments), split at the moment the Runtime API handed out the
 * first event; those loaded until its response are the first invocation's.
 */
record ClassLoadProfile(int beforeFirst, int duringFirst, Map<String, Long> beforeByPackage,
                        Map<String, Long> duringByPackage, List<String> duringFirstLines) {

    static ClassLoadProfile read(Path log, RuntimeApiServer.Invocation first) {
        List<String> before = new ArrayList<>();
        List<String> during = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log)) {
                int tag = line.indexOf("[class,load]");
                if (!line.startsWith("[") || tag < 0) {
                    continue;
                }
                long nanos = Long.parseLong(line.substring(1, line.indexOf("ns]")));
                String entry = line.substring(tag + "[class,load]".length()).trim();
                if (nanos < first.sentNanos()) {
                    before.add(entry);
                } else if (nanos <= first.answeredNanos()) {
                    during.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClassLoadProfile(before.size(), during.size(), byPackage(before), byPackage(during), during);
    }

    /** The classes the first invocation loaded from {@code jar}, in loading order. */
    List<String> firstInvocationClassesFrom(Path jar) {
        String source = "source: " + jar.toUri();
        String plainSource = "source: " + jar;
        return duringFirstLines.stream()
                .filter(line -> line.contains(source) || line.contains(plainSource) || line.contains("source: file:" + jar))
                .map(ClassLoadProfile::className).toList();
    }

    private static String className(String line) {
        return line.split(" ")[0];
    }

    /** The biggest groups, e.g. {@code software.amazon.awssdk.core 412, ...}. */
    static String top(Map<String, Long> byPackage, int n) {
        return byPackage.entrySet().stream().limit(n)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static Map<String, Long> byPackage(List<String> lines) {
        Map<String, Long> counts = lines.stream().map(ClassLoadProfile::className)
                .collect(Collectors.groupingBy(ClassLoadProfile::group, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static String group(String className) {
        String[] parts = className.split("\\.");
        int depth = className.startsWith("software.amazon.awssdk.services.") ? 5
                : className.startsWith("software.amazon.awssdk.") || className.startsWith("nl.mensenmakennederland.") ? 4 : 3;
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(depth, parts.length - 1)));
    }
}
