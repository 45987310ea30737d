package nl.mensenmakennederland.mail;

import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.SigningKeys;
import nl.mensenmakennederland.shared.outbox.MailProblem;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What SES's feedback on one of our mails changes: a bounce or a complaint marks the record the
 * mail was about; a permanent bounce or a complaint suppresses the address (a transient bounce,
 * a delay or a rejection of our content does not); each event is counted once per day and kind.
 * SNS and SQS deliver at least once: marking and suppressing write the same again, and the
 * count goes with a marker of the event in one transaction, so a repeat counts nothing.
 */
final class MailFeedback {

    /** What one event did. */
    enum Outcome { RECORDED, REPEATED }

    /** Longer than SQS keeps a message (14 days): a repeat cannot come later. */
    static final Duration KEEP_SEEN = Duration.ofDays(15);

    private final DynamoDbClient dynamo;
    private final Suppressions suppressions;
    private final MailProblems problems;
    private final MailCounts counts;
    private final Clock clock;

    private MailFeedback(DynamoDbClient dynamo, Env env, Supplier<SigningKeys> keys, Clock clock) {
        this.dynamo = dynamo;
        String state = env.required("MAIL_STATE_TABLE");
        this.suppressions = new Suppressions(dynamo, state, keys, MailDelivery.suppressionRetention(env), clock);
        this.problems = new MailProblems(dynamo, env);
        this.counts = new MailCounts(dynamo, state);
        this.clock = clock;
    }

    /** As the template configures the feedback function ({@code env}: its environment). */
    static MailFeedback of(Env env, DynamoDbClient dynamo, Supplier<SigningKeys> keys, Clock clock) {
        return new MailFeedback(dynamo, env, keys, clock);
    }

    Suppressions suppressions() {
        return suppressions;
    }

    Outcome record(SesEvent event) {
        MailProblem.Kind problem = switch (event.type()) {
            case BOUNCE -> MailProblem.Kind.BOUNCED;
            case COMPLAINT -> MailProblem.Kind.COMPLAINED;
            case REJECT -> MailProblem.Kind.REJECTED;
            case DELIVERY_DELAY -> null; // SES is still trying: nothing to tell the admins yet
        };
        if (problem != null && event.tags().namesARecord()) {
            problems.mark(event.tags().kind(), event.tags().recordId(), new MailProblem(problem, event.at()));
        }
        if (event.permanent()) {
            Suppressions.Reason reason = event.type() == SesEvent.Type.COMPLAINT ? Suppressions.Reason.COMPLAINED
                    : Suppressions.Reason.BOUNCED;
            event.recipients().forEach(address -> suppressions.suppress(address, reason, event.at()));
        }
        return countOnce(event);
    }

    private Outcome countOnce(SesEvent event) {
        MailCounts.Kind kind = switch (event.type()) {
            case BOUNCE -> MailCounts.Kind.BOUNCED;
            case COMPLAINT -> MailCounts.Kind.COMPLAINED;
            case DELIVERY_DELAY -> MailCounts.Kind.DELAYED;
            case REJECT -> MailCounts.Kind.REJECTED;
        };
        TransactWriteItem seen = TransactWriteItem.builder().put(Put.builder().tableName(counts.table())
                .item(Map.of("pk", s("FEEDBACK#" + event.type() + "#" + event.messageId() + "#" + event.feedbackId()),
                        "sk", s("FEEDBACK"),
                        "expiresAt", n(clock.instant().plus(KEEP_SEEN).getEpochSecond())))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
        TransactWriteItem count = counts.add(kind, event.at());
        // The day's counts are one item: concurrent feedback meets there and DynamoDB cancels all but one.
        for (var attempts = ConflictRetry.standard().attempts(); attempts.another(); ) {
            try {
                dynamo.transactWriteItems(r -> r.transactItems(seen, count));
                return Outcome.RECORDED;
            } catch (TransactionCanceledException cancelled) {
                List<String> reasons = cancelled.hasCancellationReasons()
                        ? cancelled.cancellationReasons().stream().map(CancellationReason::code).toList() : List.of();
                if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.getFirst())) {
                    return Outcome.REPEATED;
                }
                if (!reasons.contains("TransactionConflict")) {
                    throw cancelled;
                }
            }
        }
        throw new IllegalStateException("The feedback's count kept conflicting; the queue delivers it again");
    }
}
