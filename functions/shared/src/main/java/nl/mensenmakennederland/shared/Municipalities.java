package nl.mensenmakennederland.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The official list of Dutch municipalities (CBS, shipped as {@code municipalities.tsv}), each
 * with its province. Lookups forgive case, accents and spacing ("sudwest fryslan" finds
 * "Súdwest-Fryslân") and answer the official spelling, so counts and exports group cleanly.
 */
public final class Municipalities {

    private static final class Official {
        /** Official name by lookup key. */
        static final Map<String, String> BY_KEY;
        /** Province by official name. */
        static final Map<String, String> PROVINCE;

        static {
            Map<String, String> byKey = new HashMap<>();
            Map<String, String> province = new HashMap<>();
            load(byKey, province);
            BY_KEY = Map.copyOf(byKey);
            PROVINCE = Map.copyOf(province);
        }
    }

    /** What most people call the two municipalities whose official names few people type. */
    private static final Map<String, String> COMMON_NAMES = Map.of(
            "den haag", "'s-Gravenhage",
            "den bosch", "'s-Hertogenbosch");

    private Municipalities() {}

    public static Optional<String> official(String name) {
        if (name == null || name.length() > 80) {
            return Optional.empty();
        }
        String key = key(name);
        String common = COMMON_NAMES.get(key);
        return Optional.ofNullable(common != null ? common : Official.BY_KEY.get(key));
    }

    /** The province of a municipality given by its official name ({@link #official}). */
    public static Optional<String> province(String officialName) {
        return Optional.ofNullable(officialName == null ? null : Official.PROVINCE.get(officialName));
    }

    public static int count() {
        return Official.BY_KEY.size();
    }

    private static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9()']+", " ").trim();
    }

    private static void load(Map<String, String> byKey, Map<String, String> province) {
        try (InputStream in = Municipalities.class.getResourceAsStream("/municipalities.tsv")) {
            if (in == null) {
                throw new IllegalStateException("municipalities.tsv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t"); // code, name, province
                String name = columns[1].trim();
                byKey.put(key(name), name);
                province.put(name, columns[2].trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
