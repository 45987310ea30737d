package nl.mensenmakennederland.shared.trigger;

import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Priming;

/** SnapStart priming as every event-source handler has it: the SDK's warm-up, then the subclass's rehearsal. */
public abstract class PrimedHandler {

    /** What priming does beyond the SDK's warm-up: reads and offline rehearsals only, never a write or a mail. */
    protected void rehearse() {}

    /** Call from the production (no-argument) constructor: primes this handler before a SnapStart checkpoint. */
    protected final void primeOnCheckpoint() {
        Priming.beforeCheckpoint(getClass(), this::prime);
    }

    /** What priming runs: the SDK's warm-up of the clients this function built, then {@link #rehearse()}. */
    public final void prime() {
        AwsClients.warmUpBuilt();
        rehearse();
    }
}
