package nl.mensenmakennederland.shared;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Retries an optimistic write that lost a race, a bounded number of times with {@link Jitter}
 * between the attempts, so that a crowd of requests for the same seats spreads out instead of
 * colliding again in lockstep. A race is lost when a condition no longer held at commit, and
 * also when DynamoDB cancelled the transaction for a conflict with another one on the same item
 * ({@code TransactionConflict}): both mean nothing was written and a fresh read may succeed.
 */
public final class ConflictRetry {

    private final int maxAttempts;
    private final Duration base;
    private final Duration cap;

    public ConflictRetry(int maxAttempts, Duration base, Duration cap) {
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.cap = cap;
    }

    public static ConflictRetry standard() {
        return new ConflictRetry(10, Duration.ofMillis(20), Duration.ofMillis(500));
    }

    /**
     * Calls {@code attempt} until it returns a value; an empty result means "lost the race,
     * nothing written". Empty when every attempt lost.
     */
    public <T> Optional<T> run(Supplier<Optional<T>> attempt) {
        for (int i = 0; i < maxAttempts; i++) {
            if (i > 0) {
                sleep(Jitter.fullJitter(base, cap, i - 1));
            }
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result;
            }
        }
        return Optional.empty();
    }

    /**
     * The attempts of one write, for a loop that carries what a lost race taught it into the
     * next attempt: {@code for (var attempts = retry.attempts(); attempts.another(); )}.
     */
    public Attempts attempts() {
        return new Attempts();
    }

    /** Counts the attempts of one write and pauses before each but the first. */
    public final class Attempts {

        private int made;

        private Attempts() {}

        /** Whether another attempt may be made; pauses first unless it is the first. */
        public boolean another() {
            if (made == maxAttempts) {
                return false;
            }
            if (made > 0) {
                sleep(Jitter.fullJitter(base, cap, made - 1));
            }
            made++;
            return true;
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while backing off", e);
        }
    }
}
