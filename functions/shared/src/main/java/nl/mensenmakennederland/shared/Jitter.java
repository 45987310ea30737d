package nl.mensenmakennederland.shared;

import java.security.SecureRandom;
import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Random waits before a retry, "full jitter": anywhere from zero up to a cap that doubles with
 * each retry, so that many callers refused at the same moment do not come back in lockstep.
 *
 * <p>They must differ between the execution environments Lambda restores from one SnapStart
 * snapshot, which are refused together when a rush starts. A {@code java.util.Random} or
 * {@code ThreadLocalRandom} seeded before the checkpoint hands every restored copy the same
 * sequence, and so do the SDK's own backoff strategies (a {@code Random} built with the client,
 * or {@code ThreadLocalRandom}): the copies would wait exactly as long and collide again.
 * {@link SecureRandom} mixes fresh kernel entropy into every draw, and Lambda reseeds the kernel
 * on restore (its SnapStart documentation names it among the generators that stay unique).
 */
public final class Jitter {

    /** Made at the first wait, not when a client is built: most invocations never wait. */
    static final class Source {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    private Jitter() {}

    /** A wait of 0 to min(cap, base × 2^retry), the first retry being number 0. */
    public static Duration fullJitter(Duration base, Duration cap, int retry) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry, 30));
        return Duration.ofMillis(Source.RANDOM.nextLong(ceiling + 1));
    }

    /** The same as the SDK's backoff, whose attempt 1 is the first call (no wait) and 2 the first retry. */
    public static BackoffStrategy backoff(Duration base, Duration cap) {
        return attempt -> attempt <= 1 ? Duration.ZERO : fullJitter(base, cap, attempt - 2);
    }
}
