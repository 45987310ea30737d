package nl.mensenmakennederland.prizes;

import java.time.Duration;

/** The prize round as the entry form shows it before anyone enters: when, how large, how long, which consent. */
public record PrizeRound(SubmissionWindow window, long maxBytes, long resumableFromBytes, Duration maxDuration) {

    public static PrizeRound of(PrizeDesk.Settings settings) {
        return new PrizeRound(settings.window(), settings.maxBytes(), settings.resumableFromBytes(), settings.maxDuration());
    }
}
