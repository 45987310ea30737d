package nl.mensenmakennederland.oproep;

import java.time.Clock;
import java.util.Map;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.trigger.ScheduledHandler;

/** Every few minutes: counts the downloads whose count could not be written at the time. */
public final class ReplayMissedCountsHandler extends ScheduledHandler<Map<String, Integer>> {

    private final DownloadCounter counter;

    public ReplayMissedCountsHandler() {
        this(new DownloadCounter(AwsClients.dynamoDb(), Env.system().required("OPROEP_TABLE"), Clock.systemUTC()));
        primeOnCheckpoint();
    }

    public ReplayMissedCountsHandler(DownloadCounter counter) {
        this.counter = counter;
    }

    /** The replay's read, nothing written: whether any count waits. */
    @Override
    protected void rehearse() {
        counter.anyQueued();
    }

    @Override
    protected Map<String, Integer> run() {
        int replayed = counter.replayMissed();
        Log.info("oproep.replay.done", "replayed", replayed);
        return Map.of("replayed", replayed);
    }
}
