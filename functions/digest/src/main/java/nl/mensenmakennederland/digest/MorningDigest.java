package nl.mensenmakennederland.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The admins' morning digest: what happened since the last one, across events, prize vlogs, the
 * Oproep and the mail, with what is due for deletion, each figure beside the last digest's. Sent once per
 * period to every admin address through the outbox; a quiet period can be skipped.
 */
public final class MorningDigest {

    /** What a run came to. */
    public sealed interface Outcome {}

    public record Sent(Period period, int mails) implements Outcome {}

    /** Nothing happened in the period; its record is kept, no mail sent. */
    public record SkippedQuiet(Period period) implements Outcome {}

    /** This period's digest went out before (the schedule fired twice, or the run is a retry). */
    public record AlreadySent(LocalDate lastDay) implements Outcome {}

    /** Configuration, as template.yaml sets it. */
    public record Settings(List<String> recipients, boolean skipQuiet, String siteOrigin) {

        public static Settings fromEnvironment(Env env) {
            List<String> recipients = Arrays.stream(env.required("ADMIN_ADDRESSES").split(","))
                    .map(String::trim).filter(address -> !address.isEmpty()).toList();
            return new Settings(recipients, Boolean.parseBoolean(env.optional("DIGEST_SKIP_QUIET", "true")),
                    env.required("SITE_ORIGIN"));
        }
    }

    private final EventActivity events;
    private final PrizeActivity prizes;
    private final OproepActivity oproep;
    private final MailActivity mailActivity;
    private final DigestRecords records;
    private final DigestMail mail;
    private final Settings settings;
    private final Clock clock;

    public MorningDigest(DynamoDbClient dynamo, Map<String, String> tables, Settings settings, Clock clock) {
        this.events = new EventActivity(dynamo, tables.get("EVENTS_TABLE"));
        this.prizes = new PrizeActivity(dynamo, tables.get("PRIZES_TABLE"));
        this.oproep = new OproepActivity(dynamo, tables.get("OPROEP_TABLE"));
        this.mailActivity = new MailActivity(dynamo, tables.get("MAIL_STATE_TABLE"));
        this.records = new DigestRecords(dynamo, tables.get("MAIL_STATE_TABLE"), new Outbox(tables.get("OUTBOX_TABLE")));
        this.mail = new DigestMail(settings.siteOrigin());
        this.settings = settings;
        this.clock = clock;
    }

    /** The digest as a function's environment (template.yaml) configures it. */
    public static MorningDigest fromEnvironment() {
        Env env = Env.system();
        Map<String, String> tables = Map.of("EVENTS_TABLE", env.required("EVENTS_TABLE"),
                "PRIZES_TABLE", env.required("PRIZES_TABLE"), "OPROEP_TABLE", env.required("OPROEP_TABLE"),
                "MAIL_STATE_TABLE", env.required("MAIL_STATE_TABLE"), "OUTBOX_TABLE", env.required("OUTBOX_TABLE"));
        return new MorningDigest(AwsClients.dynamoDb(), tables, Settings.fromEnvironment(env), Clock.systemUTC());
    }

    /** Sends the digest of the days since the last one, once. */
    public Outcome send() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Period.AMSTERDAM);
        Optional<DigestRecords.Last> last = records.last();
        if (last.isPresent() && !last.get().lastDay().isBefore(today.minusDays(1))) {
            return new AlreadySent(last.get().lastDay());
        }
        Digest digest = compose(today, last, now);
        boolean skip = digest.quiet() && settings.skipQuiet();
        List<OutboxMail> mails = new ArrayList<>();
        if (!skip) {
            settings.recipients().forEach(recipient -> mails.add(mail.to(recipient, digest, now)));
        }
        if (!records.close(digest, mails, now)) {
            return new AlreadySent(digest.period().lastDay());
        }
        Log.info("digest.closed", "lastDay", digest.period().lastDay().toString(), "days", digest.period().days(),
                "mails", mails.size(), "quiet", digest.quiet());
        return skip ? new SkippedQuiet(digest.period()) : new Sent(digest.period(), mails.size());
    }

    /** The digest as it would be sent now, and its mail's subject, text and HTML. */
    public Preview preview() {
        Instant now = clock.instant();
        Digest digest = compose(LocalDate.ofInstant(now, Period.AMSTERDAM), records.last(), now);
        return new Preview(digest, mail.subject(digest), mail.text(digest), mail.html(digest));
    }

    public record Preview(Digest digest, String subject, String text, String html) {}

    private Digest compose(LocalDate today, Optional<DigestRecords.Last> last, Instant now) {
        Period period = Period.before(today, last.map(DigestRecords.Last::lastDay).orElse(null));
        Map<String, Long> previous = last.map(DigestRecords.Last::values).orElse(Map.of());
        long start = System.nanoTime();
        Activity eventActivity = events.read(period, now, previous);
        long eventsRead = System.nanoTime();
        Activity prizeActivity = prizes.read(period, now, previous);
        long prizesRead = System.nanoTime();
        Activity oproepActivity = oproep.read(period, previous);
        Activity mails = mailActivity.read(period, previous);
        // Which part a slow digest spends its time on, for the logs.
        Log.info("digest.composed", "eventsMs", (eventsRead - start) / 1_000_000, "prizesMs", (prizesRead - eventsRead) / 1_000_000,
                "oproepMs", (System.nanoTime() - prizesRead) / 1_000_000);
        Section privacy = new Section("Privacy", new Figures(previous)
                .add("privacy.registrations-due", "Aanmeldingen die deze week worden verwijderd", eventActivity.dueForDeletion())
                .add("privacy.entries-due", "Inzendingen die deze week worden verwijderd", prizeActivity.dueForDeletion())
                .list(), List.of());
        boolean happened = eventActivity.happened() || prizeActivity.happened() || oproepActivity.happened() || mails.happened();
        return new Digest(period, List.of(eventActivity.section(), prizeActivity.section(), oproepActivity.section(),
                mails.section(), privacy), !happened);
    }
}
