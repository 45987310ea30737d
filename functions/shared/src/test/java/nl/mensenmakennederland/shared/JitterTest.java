package nl.mensenmakennederland.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Backoff waits: within their bounds, and different in every execution environment restored
 * from one SnapStart snapshot. No snapshot can be taken here (no CRaC, no Firecracker), so a
 * restore is imitated the way it happens to the heap: the generator's state is copied
 * (serialized once, read back twice) and each copy draws.
 */
class JitterTest {

    @Test
    void aWaitIsBetweenZeroAndACapThatDoublesPerRetry() {
        Duration base = Duration.ofMillis(20);
        Duration cap = Duration.ofMillis(500);
        for (int retry = 0; retry < 8; retry++) {
            int r = retry;
            long ceiling = Math.min(500, 20L << retry);
            var waits = IntStream.range(0, 200).mapToLong(i -> Jitter.fullJitter(base, cap, r).toMillis()).summaryStatistics();
            assertThat(waits.getMin()).isNotNegative();
            assertThat(waits.getMax()).isLessThanOrEqualTo(ceiling).isGreaterThan(ceiling / 2);
        }
    }

    @Test
    void theSdksBackoffWaitsNothingBeforeTheFirstCallAndThenJitters() {
        var backoff = Jitter.backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(backoff.computeDelay(1)).isZero();
        assertThat(IntStream.range(0, 200).mapToObj(i -> backoff.computeDelay(2)))
                .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofMillis(100)));
    }

    @Test
    void copiesOfTheGeneratorAsRestoredFromOneSnapshotDrawDifferentWaits() throws Exception {
        List<Random> restored = copiesOf(Jitter.Source.RANDOM);

        assertThat(draws(restored.get(0))).isNotEqualTo(draws(restored.get(1)));
    }

    @Test
    void whereasCopiesOfAPlainRandomRepeatEachOther() throws Exception {
        List<Random> restored = copiesOf(new Random());

        assertThat(draws(restored.get(0))).isEqualTo(draws(restored.get(1)));
    }

    private static List<Long> draws(Random random) {
        return IntStream.range(0, 8).mapToObj(i -> random.nextLong(1_000)).toList();
    }

    private static List<Random> copiesOf(Random random) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(snapshot)) {
            out.writeObject(random);
        }
        return List.of(restore(snapshot.toByteArray()), restore(snapshot.toByteArray()));
    }

    private static Random restore(byte[] snapshot) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(snapshot))) {
            return (Random) in.readObject();
        }
    }
}
