package nl.mensenmakennederland.mail;

import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;
import static nl.mensenmakennederland.shared.Items.time;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.Metrics;
import nl.mensenmakennederland.shared.Metrics.Metric;
import nl.mensenmakennederland.shared.SigningKeys;
import nl.mensenmakennederland.shared.outbox.MailProblem;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Sends one outbox mail at most once, however often it is delivered to us: claim the outbox
 * item (a lease, in case we die mid-way), send through SES, then mark it sent and erase its
 * personal data. A failed send gives the claim back and rethrows, so the stream retries it.
 * A mail to a suppressed address (it bounced or complained before) is not sent: its item is
 * marked suppressed and erased the same way, and its record says the person could not be mailed.
 * Every send names the configuration set, whose events come back as mail feedback, and carries
 * the tags that tie them to the record ({@link FeedbackTags}).
 */
public final class MailDelivery {

    public enum Result { SENT, SUPPRESSED, ALREADY_SENT, CLAIMED_ELSEWHERE }

    /**
     * Composed, never sent: "rehearsal" is not an id {@link Ids} makes, so no outbox item has it.
     * Dutch text and a calendar message, so every part of a real mail is composed once.
     */
    private static final OutboxMail REHEARSAL = new OutboxMail("rehearsal", "rehearsal@example.org",
            "Repetitie: één mail met alles erop en eraan", "Hoi,\n\nDit is een repetitie.\n",
            "<!doctype html><html lang=\"nl\"><body><p>Hoi,</p><p>Dit is een repetitie.</p></body></html>",
            List.of(new OutboxMail.Attachment("repetitie.ics", "text/calendar; charset=UTF-8; method=REQUEST",
                    "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8))),
            "rehearsal", Instant.parse("2026-12-01T09:00:00Z"));

    /** The personal data a sent mail's item no longer keeps (as placeholders: {@code to} is a reserved word). */
    private static final Map<String, String> ERASED_NAMES = Outbox.PERSONAL.stream()
            .collect(Collectors.toUnmodifiableMap(name -> "#" + name, name -> name));
    private static final String ERASED = String.join(", ", ERASED_NAMES.keySet());

    /** Longer than one send can take; after it, another attempt may take over. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** A sent mail's item is kept a week for support questions ("did it go out?"), without personal data. */
    static final Duration KEEP_SENT = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final Outbox outbox;
    private final SesV2Client ses;
    private final String sender;
    private final String configurationSet;
    private final Suppressions suppressions;
    private final MailProblems problems;
    private final MailCounts counts;
    private final Clock clock;

    private MailDelivery(DynamoDbClient dynamo, Env env, SesV2Client ses, Supplier<SigningKeys> keys, Clock clock) {
        this.dynamo = dynamo;
        this.outbox = new Outbox(env.required("OUTBOX_TABLE"));
        this.ses = ses;
        this.sender = env.required("SENDER_ADDRESS");
        this.configurationSet = env.required("MAIL_CONFIGURATION_SET");
        String state = env.required("MAIL_STATE_TABLE");
        this.suppressions = new Suppressions(dynamo, state, keys, suppressionRetention(env), clock);
        this.problems = new MailProblems(dynamo, env);
        this.counts = new MailCounts(dynamo, state);
        this.clock = clock;
    }

    /** As the template configures the mail functions ({@code env}: their environment). */
    public static MailDelivery of(Env env, DynamoDbClient dynamo, SesV2Client ses, Supplier<SigningKeys> keys, Clock clock) {
        return new MailDelivery(dynamo, env, ses, keys, clock);
    }

    /** How long an address stays suppressed after its last bounce or complaint ({@code MAIL_SUPPRESSION_DAYS}). */
    static Duration suppressionRetention(Env env) {
        return Duration.ofDays(env.integer("MAIL_SUPPRESSION_DAYS", 730));
    }

    Outbox outbox() {
        return outbox;
    }

    public Result deliver(OutboxMail mail) {
        Instant now = clock.instant();
        String claim = Ids.random();
        try {
            dynamo.updateItem(r -> r.tableName(outbox.table()).key(Outbox.key(mail.id()))
                    .updateExpression("SET claimedUntil = :until, claim = :claim")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(sentAt) AND attribute_not_exists(suppressedAt) "
                            + "AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)")
                    .expressionAttributeValues(Map.of(
                            ":until", n(now.plus(LEASE).getEpochSecond()),
                            ":now", n(now.getEpochSecond()),
                            ":claim", s(claim))));
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(outbox.table())
                    .key(Outbox.key(mail.id())).consistentRead(true)).item();
            boolean gone = item == null || item.isEmpty() || item.containsKey("sentAt") || item.containsKey("suppressedAt");
            return gone ? Result.ALREADY_SENT : Result.CLAIMED_ELSEWHERE;
        }

        String messageId;
        try {
            if (suppressions.isSuppressed(mail.to())) {
                return suppressed(mail, claim, now);
            }
            messageId = send(ses, mail, compose(mail));
        } catch (RuntimeException sendFailed) {
            Metrics.count(Metric.MAIL_FAILED);
            release(mail, claim);
            throw sendFailed;
        }

        done(mail, claim, "SET sentAt = :now, messageId = :messageId, ", Map.of(":messageId", s(messageId)),
                MailCounts.Kind.SENT);
        Log.info("mail.sent", "mailId", mail.id(), "regarding", mail.regarding());
        Metrics.count(Metric.MAIL_SENT);
        return Result.SENT;
    }

    /** Not sent: the record says so first (a retry marks it again, harmlessly), then the item is closed and erased as after a send. */
    private Result suppressed(OutboxMail mail, String claim, Instant now) {
        FeedbackTags about = FeedbackTags.of(mail.id(), mail.regarding());
        if (about.namesARecord()) {
            problems.mark(about.kind(), about.recordId(), new MailProblem(MailProblem.Kind.SUPPRESSED, now));
        }
        done(mail, claim, "SET suppressedAt = :now, ", Map.of(), MailCounts.Kind.SUPPRESSED);
        Log.info("mail.suppressed", "mailId", mail.id(), "regarding", mail.regarding());
        Metrics.count(Metric.MAIL_SUPPRESSED);
        return Result.SUPPRESSED;
    }

    /**
     * Closes the claimed item (sent or suppressed) and erases its personal data, then counts it.
     * The count is not part of a transaction: every mail of the day adds to one item, and
     * transactions meeting on an item are cancelled for conflicts, which would fail a mail already
     * sent. A count that fails is logged and lost; the mail's state never is.
     */
    private void done(OutboxMail mail, String claim, String set, Map<String, AttributeValue> values, MailCounts.Kind kind) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":now", time(clock.instant()));
        all.put(":expires", n(clock.instant().plus(KEEP_SENT).getEpochSecond()));
        all.put(":claim", s(claim));
        dynamo.updateItem(r -> r.tableName(outbox.table()).key(Outbox.key(mail.id()))
                .updateExpression(set + "expiresAt = :expires REMOVE " + ERASED + ", claimedUntil, claim")
                .conditionExpression("claim = :claim")
                .expressionAttributeNames(ERASED_NAMES)
                .expressionAttributeValues(all));
        try {
            counts.count(kind, clock.instant());
        } catch (RuntimeException countFailed) {
            Log.warn("mail.count-failed", "mailId", mail.id(), "kind", kind.attribute());
        }
    }

    /**
     * For SnapStart priming: everything {@link #deliver} does except what changes anything. It
     * composes the mail and sends it through {@code offline}, a client whose HTTP client answers
     * by itself ({@link nl.mensenmakennederland.shared.AwsClients#offline}), and claims an outbox
     * item that cannot exist (the id is not one {@link Ids} makes), which DynamoDB refuses
     * without writing.
     */
    public void rehearse(SesV2Client offline) {
        send(offline, REHEARSAL, compose(REHEARSAL));
        suppressions.isSuppressed(REHEARSAL.to());
        Result result = deliver(REHEARSAL);
        if (result != Result.ALREADY_SENT) {
            throw new IllegalStateException("Rehearsal claimed an outbox item: " + result);
        }
    }

    private String send(SesV2Client client, OutboxMail mail, byte[] raw) {
        return client.sendEmail(r -> r.fromEmailAddress(sender)
                .configurationSetName(configurationSet)
                .emailTags(FeedbackTags.of(mail.id(), mail.regarding()).messageTags())
                .destination(d -> d.toAddresses(mail.to()))
                .content(c -> c.raw(raw2 -> raw2.data(SdkBytes.fromByteArray(raw))))).messageId();
    }

    private byte[] compose(OutboxMail mail) {
        return MimeMessage.build("Mensen maken Nederland <" + sender + ">", mail);
    }

    private void release(OutboxMail mail, String claim) {
        try {
            dynamo.updateItem(r -> r.tableName(outbox.table()).key(Outbox.key(mail.id()))
                    .updateExpression("REMOVE claimedUntil, claim")
                    .conditionExpression("claim = :claim")
                    .expressionAttributeValues(Map.of(":claim", s(claim))));
        } catch (RuntimeException releaseFailed) {
            // The lease runs out by itself; the retry then takes over.
            Log.warn("mail.release-failed", "mailId", mail.id());
        }
    }
}
