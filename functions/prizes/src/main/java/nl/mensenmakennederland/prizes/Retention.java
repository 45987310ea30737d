package nl.mensenmakennederland.prizes;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an entry is kept: up to the jury's decision ({@code juryDecidesAt}, after the
 * submission window), then {@code keptAfterDecision}; then its TTL removes it, its scores with
 * it, and its manage link expires. A winner's entry, the record of the consent to publish its
 * vlog, is kept {@code winnersKept} after the decision instead.
 */
public record Retention(SubmissionWindow window, Instant juryDecidesAt, Duration keptAfterDecision, Duration winnersKept) {

    public Retention {
        if (juryDecidesAt.isBefore(window.closesAt())) {
            throw new IllegalArgumentException("The jury decides before the submission window closes");
        }
    }

    public Instant entryExpiresAt() {
        return juryDecidesAt.plus(keptAfterDecision);
    }

    /** When an entry with this status is removed. */
    public Instant expiresAt(EntryStatus status) {
        return status == EntryStatus.WINNER ? juryDecidesAt.plus(winnersKept) : entryExpiresAt();
    }
}
