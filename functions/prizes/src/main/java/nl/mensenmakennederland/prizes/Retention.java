package nl.mensenmakennederland.prizes;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an entry is kept: the round's submission window, then {@code keptAfterClose}
 * (the jury's decision falls inside it); then its TTL removes it and its manage link expires.
 */
public record Retention(SubmissionWindow window, Duration keptAfterClose) {

    public Instant entryExpiresAt() {
        return window.closesAt().plus(keptAfterClose);
    }
}
