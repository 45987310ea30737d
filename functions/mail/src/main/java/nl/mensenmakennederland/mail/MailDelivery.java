package nl.mensenmakennederland.mail;

import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;
import static nl.mensenmakennederland.shared.Items.time;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.Metrics;
import nl.mensenmakennederland.shared.Metrics.Metric;
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
 */
public final class MailDelivery {

    public enum Result { SENT, ALREADY_SENT, CLAIMED_ELSEWHERE }

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
    private final Clock clock;

    public MailDelivery(DynamoDbClient dynamo, Outbox outbox, SesV2Client ses, String sender, Clock clock) {
        this.dynamo = dynamo;
        this.outbox = outbox;
        this.ses = ses;
        this.sender = sender;
        this.clock = clock;
    }

    public Result deliver(OutboxMail mail) {
        Instant now = clock.instant();
        String claim = Ids.random();
        try {
            dynamo.updateItem(r -> r.tableName(outbox.table()).key(Outbox.key(mail.id()))
                    .updateExpression("SET claimedUntil = :until, claim = :claim")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(sentAt) "
                            + "AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)")
                    .expressionAttributeValues(Map.of(
                            ":until", n(now.plus(LEASE).getEpochSecond()),
                            ":now", n(now.getEpochSecond()),
                            ":claim", s(claim))));
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(outbox.table())
                    .key(Outbox.key(mail.id())).consistentRead(true)).item();
            boolean gone = item == null || item.isEmpty() || item.containsKey("sentAt");
            return gone ? Result.ALREADY_SENT : Result.CLAIMED_ELSEWHERE;
        }

        String messageId;
        try {
            messageId = send(ses, mail, compose(mail));
        } catch (RuntimeException sendFailed) {
            Metrics.count(Metric.MAIL_FAILED);
            release(mail, claim);
            throw sendFailed;
        }

        dynamo.updateItem(r -> r.tableName(outbox.table()).key(Outbox.key(mail.id()))
                .updateExpression("SET sentAt = :now, messageId = :messageId, expiresAt = :expires "
                        + "REMOVE " + ERASED + ", claimedUntil, claim")
                .conditionExpression("claim = :claim")
                .expressionAttributeNames(ERASED_NAMES)
                .expressionAttributeValues(Map.of(
                        ":now", time(clock.instant()),
                        ":messageId", s(messageId),
                        ":expires", n(now.plus(KEEP_SENT).getEpochSecond()),
                        ":claim", s(claim))));
        Log.info("mail.sent", "mailId", mail.id(), "regarding", mail.regarding());
        Metrics.count(Metric.MAIL_SENT);
        return Result.SENT;
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
        Result result = deliver(REHEARSAL);
        if (result != Result.ALREADY_SENT) {
            throw new IllegalStateException("Rehearsal claimed an outbox item: " + result);
        }
    }

    private String send(SesV2Client client, OutboxMail mail, byte[] raw) {
        return client.sendEmail(r -> r.fromEmailAddress(sender)
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
