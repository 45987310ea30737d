package nl.mensenmakennederland.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The classes a function's first request loads, recorded by the cold-start benchmark
 * ({@code bench/coldstart --record-classes}) into {@code priming/<handler class>.classes}, and
 * loaded here before a SnapStart checkpoint: harmless requests cannot reach everything a real
 * one does (the transaction of a registration, the SES call of a mail), but its classes can
 * still be loaded, linked and initialized before the snapshot instead of after every restore.
 *
 * <p>Only classes of the deployment package are recorded, never the JDK's, so nothing here
 * seeds per-environment randomness. A stale list is harmless: unknown names are skipped. Our
 * own records among them get their JSON serializers built, as their first answer would.
 */
final class RecordedClasses {

    private RecordedClasses() {}

    /** Loads what is recorded for {@code handler}; how many classes that was. */
    static int load(Class<?> handler) {
        String resource = "/priming/" + handler.getName() + ".classes";
        int loaded = 0;
        try (InputStream in = handler.getResourceAsStream(resource)) {
            if (in == null) {
                return 0;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String name = reader.readLine(); name != null; name = reader.readLine()) {
                if (!name.isBlank() && !name.startsWith("#") && load(name.trim(), handler.getClassLoader())) {
                    loaded++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }

    private static boolean load(String name, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(name, true, loader);
            if (type.isRecord() && name.startsWith("nl.mensenmakennederland.")) {
                Json.MAPPER.canSerialize(type);
            }
            return true;
        } catch (ClassNotFoundException | LinkageError stale) {
            return false;
        }
    }
}
