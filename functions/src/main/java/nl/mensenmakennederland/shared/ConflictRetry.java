package nl.mensenmakennederland.shared;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retries an optimistic write that lost a race, a bounded number of times with "full jitter"
 * backoff (a random wait up to an exponentially growing cap), so that a crowd of requests
 * for the same seats spreads out instead of colliding again in lockstep.
 */
public final class ConflictRetry {

    private final int maxAttempts;
    private final long baseMillis;
    private final long capMillis;

    public ConflictRetry(int maxAttempts, long baseMillis, long capMillis) {
        this.maxAttempts = maxAttempts;
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
    }

    public static ConflictRetry standard() {
        return new ConflictRetry(10, 20, 500);
    }

    /**
     * Calls {@code attempt} until it returns a value; an empty result means "lost the race,
     * nothing written". Empty when every attempt lost.
     */
    public <T> Optional<T> run(Supplier<Optional<T>> attempt) {
        for (int i = 0; i < maxAttempts; i++) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result;
            }
            sleep(ThreadLocalRandom.current().nextLong(Math.min(capMillis, baseMillis << Math.min(i, 20)) + 1));
        }
        return Optional.empty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while backing off", e);
        }
    }
}
