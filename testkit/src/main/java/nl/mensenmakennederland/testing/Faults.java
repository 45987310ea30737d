package nl.mensenmakennederland.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refusals for {@code tools/moto_serial_server.py} to inject, as real DynamoDB and SES refuse
 * under load (see that file): transactions cancelled for a conflict, writes throttled, mails
 * refused. Each applies to a share of its calls, optionally only after the first {@code after}
 * calls and at most {@code times} times, from a seeded random generator. Switched on with
 * {@link MotoServer#inject}.
 */
public final class Faults {

    private final Map<String, Object> config = new LinkedHashMap<>();

    private Faults(long seed) {
        config.put("seed", seed);
    }

    public static Faults seeded(long seed) {
        return new Faults(seed);
    }

    /** {@code TransactWriteItems} cancelled with {@code TransactionConflict}; nothing written. */
    public Faults transactionConflicts(Share share) {
        config.put("transactionConflicts", share.spec());
        return this;
    }

    /** Writes refused with HTTP 400 {@code ProvisionedThroughputExceededException}. */
    public Faults throttledWrites(Share share) {
        config.put("throttledWrites", share.spec());
        return this;
    }

    /** Writes refused with HTTP 400 {@code ThrottlingException}. */
    public Faults throttlingExceptions(Share share) {
        Map<String, Object> spec = new LinkedHashMap<>(share.spec());
        spec.put("error", "ThrottlingException");
        config.put("throttledWrites", spec);
        return this;
    }

    /** SES v2 sends refused with {@code status}: 429 (too many requests), 500 or 503 (an outage). */
    public Faults refusedSends(Share share, int status) {
        Map<String, Object> spec = new LinkedHashMap<>(share.spec());
        spec.put("status", status);
        config.put("refusedSends", spec);
        return this;
    }

    String json() {
        return Jackson.write(config);
    }

    /** Which of a fault's calls it refuses. */
    public record Share(double share, int after, Integer times) {

        public static Share of(double share) {
            return new Share(share, 0, null);
        }

        public static Share all() {
            return of(1.0);
        }

        /** Lets the first {@code calls} through before refusing. */
        public Share after(int calls) {
            return new Share(share, calls, times);
        }

        /** Refuses no more than {@code refusals} calls, then lets every call through ("recovers"). */
        public Share times(int refusals) {
            return new Share(share, after, refusals);
        }

        Map<String, Object> spec() {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("share", share);
            spec.put("after", after);
            if (times != null) {
                spec.put("times", times);
            }
            return spec;
        }
    }

    /** How many calls a fault saw and how many of them it refused. */
    public record Count(int calls, int injected) {}
}
