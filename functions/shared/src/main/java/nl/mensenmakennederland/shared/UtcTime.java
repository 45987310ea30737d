package nl.mensenmakennederland.shared;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as fixed-width UTC text ({@code 2026-03-12T19:00:00Z}), so that stored sort keys
 * order the same as time does ({@link Instant#toString()} varies its fraction digits).
 */
public final class UtcTime {

    private UtcTime() {}

    public static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
