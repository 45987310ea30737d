package nl.mensenmakennederland.digest;

import java.util.Map;
import nl.mensenmakennederland.shared.trigger.ScheduledHandler;

/**
 * Every morning at 07:00 Amsterdam time (EventBridge Scheduler, template.yaml): the digest of
 * the days since the last one, to every admin address, once however often the schedule fires.
 */
public final class DigestHandler extends ScheduledHandler<Map<String, Object>> {

    private final MorningDigest digest;

    public DigestHandler() {
        this(MorningDigest.fromEnvironment());
        primeOnCheckpoint();
    }

    public DigestHandler(MorningDigest digest) {
        this.digest = digest;
    }

    /** The digest composed as it would be sent now: every table read, nothing written. */
    @Override
    protected void rehearse() {
        digest.preview();
    }

    @Override
    protected Map<String, Object> run() {
        return switch (digest.send()) {
            case MorningDigest.Sent sent -> Map.of("outcome", "sent", "lastDay", sent.period().lastDay().toString(),
                    "days", sent.period().days(), "mails", sent.mails());
            case MorningDigest.SkippedQuiet quiet -> Map.of("outcome", "skipped-quiet", "lastDay",
                    quiet.period().lastDay().toString(), "days", quiet.period().days());
            case MorningDigest.AlreadySent already -> Map.of("outcome", "already-sent", "lastDay", already.lastDay().toString());
        };
    }
}
