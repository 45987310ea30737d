package nl.mensenmakennederland.oproep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells downloads by people from fetches by machines: crawlers, link previewers and scanners
 * (by their user agent, listed in {@code oproep/automated-user-agents.txt}), requests that only
 * ask for the headers ({@code HEAD}), and prefetches a browser makes before anyone clicked
 * ({@code Purpose: prefetch}, {@code Sec-Purpose: prefetch}) or previews ({@code X-Purpose: preview}).
 * They are redirected like anyone, but counted apart, so the download counts stay what people did.
 */
public final class AutomatedFetches {

    private static final class Listed {
        static final List<String> FRAGMENTS = load();
    }

    private AutomatedFetches() {}

    /**
     * Whether a request is a machine's: {@code purpose} is the {@code Sec-Purpose}, {@code Purpose},
     * {@code X-Purpose} or {@code X-Moz} header (or null), {@code userAgent} may be null (no
     * browser sends none).
     */
    public static boolean isAutomated(String method, String userAgent, String purpose) {
        if ("HEAD".equalsIgnoreCase(method)) {
            return true;
        }
        String asked = purpose == null ? "" : purpose.toLowerCase(Locale.ROOT);
        if (asked.contains("prefetch") || asked.contains("preview")) {
            return true;
        }
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        for (String fragment : Listed.FRAGMENTS) {
            if (agent.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> load() {
        List<String> fragments = new ArrayList<>();
        try (InputStream in = AutomatedFetches.class.getResourceAsStream("/oproep/automated-user-agents.txt")) {
            if (in == null) {
                throw new IllegalStateException("oproep/automated-user-agents.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String fragment = line.strip().toLowerCase(Locale.ROOT);
                if (!fragment.isEmpty() && !fragment.startsWith("#")) {
                    fragments.add(fragment);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(fragments);
    }
}
