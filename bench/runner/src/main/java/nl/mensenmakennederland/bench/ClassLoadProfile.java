package nl.mensenmakennederland.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a JVM's class loading went, from its {@code -Xlog:class+load} file: classes grouped by
 * package (three or four name segments), split at the mark the launcher loads right before the
 * first invocation.
 */
record ClassLoadProfile(int beforeFirst, int duringFirst, Map<String, Long> beforeByPackage,
                        Map<String, Long> duringByPackage, List<String> duringFirstLines) {

    private static final String MARK = "nl.mensenmakennederland.bench.launcher.FirstInvocationStarts";

    static ClassLoadProfile read(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log).stream()
                    .filter(line -> line.contains("[class,load]"))
                    .map(line -> line.substring(line.indexOf("[class,load]") + "[class,load]".length()).trim())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> classes = lines.stream().map(ClassLoadProfile::className).toList();
        int mark = classes.indexOf(MARK);
        List<String> before = classes.subList(0, Math.max(mark, 0));
        List<String> during = mark < 0 ? List.of() : classes.subList(mark + 1, classes.size());
        return new ClassLoadProfile(before.size(), during.size(), byPackage(before), byPackage(during),
                mark < 0 ? List.of() : lines.subList(mark + 1, lines.size()));
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

    private static Map<String, Long> byPackage(List<String> classes) {
        Map<String, Long> counts = classes.stream().collect(Collectors.groupingBy(ClassLoadProfile::group, Collectors.counting()));
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
