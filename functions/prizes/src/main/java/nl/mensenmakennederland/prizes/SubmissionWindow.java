package nl.mensenmakennederland.prizes;

import java.time.Instant;
import nl.mensenmakennederland.shared.Env;

/** When entries are taken: from {@code opensAt} up to (not including) {@code closesAt}, both configured. */
public record SubmissionWindow(Instant opensAt, Instant closesAt) {

    public SubmissionWindow {
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("The submission window closes before it opens");
        }
    }

    public static SubmissionWindow fromEnvironment(Env env) {
        return new SubmissionWindow(Instant.parse(env.required("PRIZES_OPEN_AT")), Instant.parse(env.required("PRIZES_CLOSE_AT")));
    }

    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
