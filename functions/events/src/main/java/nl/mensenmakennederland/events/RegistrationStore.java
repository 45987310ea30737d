package nl.mensenmakennederland.events;

import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;
import static nl.mensenmakennederland.shared.Items.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.mensenmakennederland.events.SeatLedger.Waiting;
import nl.mensenmakennederland.shared.IdempotencyKeys;
import nl.mensenmakennederland.shared.Items;
import nl.mensenmakennederland.shared.outbox.MailProblem;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.shared.outbox.OutboxMail;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Registrations in the events table. Every change is one DynamoDB transaction that updates the
 * event's seat ledger, the registration and its bookkeeping, and adds the outbox mail: all of it
 * is stored or none of it.
 *
 * <p>The rush path does not compare-and-set: a confirmation adds its seats on condition that
 * the placement rule ({@link SeatLedger#confirmsNewcomer}) confirms them; joining the line
 * appends to the event's {@code line} list on condition that it does not. Those conditions are checked at commit, so
 * simultaneous sign-ups do not invalidate each other, and the line's order is commit order.
 * The rare changes that decide from the whole state (cancel, promote, capacity) write
 * compare-and-set on the ledger's {@code version}, which every change raises.
 *
 * <ul>
 *   <li>registration: {@code pk=REG#<id>, sk=REG}; listed per event via {@code gsi1pk=EVENT#<eventId>#REGS}</li>
 *   <li>one per address and event: {@code pk=EVENT#<eventId>, sk=EMAIL#<keyed hash of the address>} (under the
 *       key that was current at registration)</li>
 *   <li>answered requests by Idempotency-Key: {@code pk=EVENT#<eventId>, sk=IDEM#<hash of the key>}</li>
 * </ul>
 */
public final class RegistrationStore {

    /** How a transaction ended. */
    public enum Outcome { COMMITTED, LOST_RACE, ALREADY_REGISTERED, DUPLICATE_REQUEST }

    /** A transaction's outcome, with the event as it is now when the ledger refused. */
    public record Result(Outcome outcome, Optional<Event> currentEvent) {}

    /** Cancellation reasons that mean "nothing written, try again from a fresh read". */
    private static final Set<String> RACES = Set.of("None", "ConditionalCheckFailed", "TransactionConflict",
            "ThrottlingError", "ProvisionedThroughputExceeded");

    private final DynamoDbClient dynamo;
    private final String table;
    private final Outbox outbox;
    private final IdempotencyKeys answers;

    public RegistrationStore(DynamoDbClient dynamo, String table, Outbox outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.answers = new IdempotencyKeys(dynamo, table, "EVENT#");
    }

    /** The answers to registrations kept by Idempotency-Key, beside the event's other items. */
    public IdempotencyKeys answers() {
        return answers;
    }

    static Map<String, AttributeValue> key(String registrationId) {
        return Map.of("pk", s("REG#" + registrationId), "sk", s("REG"));
    }

    private static Map<String, AttributeValue> eventChild(String eventId, String sk) {
        return Map.of("pk", s("EVENT#" + eventId), "sk", s(sk));
    }

    public Optional<Registration> find(String registrationId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(registrationId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Registrations of an event, oldest first, for the admins (eventually consistent). */
    public List<Registration> ofEvent(String eventId) {
        List<Registration> registrations = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("EVENT#" + eventId + "#REGS"))))
                .items().forEach(item -> registrations.add(fromItem(item)));
        return registrations;
    }

    /** Registrations by id, in one strongly consistent batch read. */
    public Map<String, Registration> findAll(List<String> ids) {
        Map<String, Registration> found = new HashMap<>();
        Map<String, KeysAndAttributes> request = ids.isEmpty() ? Map.of() : Map.of(table, KeysAndAttributes.builder()
                .keys(ids.stream().map(RegistrationStore::key).toList()).consistentRead(true).build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> pending = request;
            var response = dynamo.batchGetItem(r -> r.requestItems(pending));
            response.responses().getOrDefault(table, List.of())
                    .forEach(item -> found.put(Items.string(item, "id"), fromItem(item)));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return found;
    }

    /**
     * Stores a new registration, confirmed or at the end of the line as its status says, with its
     * one-per-address marker, the answer for its Idempotency-Key (if given) and its mail.
     * {@code emailFingerprints}: the address's fingerprint under the current key, then under the
     * previous one, whose marker (from before a key rotation) must not exist either.
     */
    public Result register(Event read, Registration registration, List<String> emailFingerprints, OutboxMail mail,
                           Optional<IdempotencyKeys.Answer> answer, long expiresAt) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(registration.status() == RegistrationStatus.CONFIRMED
                ? confirmSeats(read, registration.seats()) : joinLine(read, registration));
        items.add(put(toItem(registration, expiresAt), "attribute_not_exists(pk)"));
        int emailIndex = items.size();
        items.add(put(emailMarker(read.id(), emailFingerprints.get(0), registration.id(), expiresAt), "attribute_not_exists(pk)"));
        for (String older : emailFingerprints.subList(1, emailFingerprints.size())) {
            items.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                    .key(eventChild(read.id(), "EMAIL#" + older)).conditionExpression("attribute_not_exists(pk)")
                    .build()).build());
        }
        int answerIndex = -1;
        if (answer.isPresent()) {
            answerIndex = items.size();
            items.add(answers.put(answer.get()));
        }
        items.add(outbox.put(mail));
        List<CancellationReason> reasons = write(items);
        if (reasons == null) {
            return new Result(Outcome.COMMITTED, Optional.empty());
        }
        if (answerIndex >= 0 && failedCondition(reasons, answerIndex)) {
            return new Result(Outcome.DUPLICATE_REQUEST, Optional.empty());
        }
        for (int i = emailIndex; i < emailIndex + emailFingerprints.size(); i++) {
            if (failedCondition(reasons, i)) {
                return new Result(Outcome.ALREADY_REGISTERED, Optional.empty());
            }
        }
        // The ledger's refusal carries the event as it is now, so the retry needs no extra read.
        Optional<Event> current = failedCondition(reasons, 0) && reasons.get(0).hasItem()
                ? Optional.of(EventStore.fromItem(reasons.get(0).item())) : Optional.empty();
        return new Result(Outcome.LOST_RACE, current);
    }

    /**
     * {@link SeatLedger#confirmsNewcomer} as DynamoDB checks it at commit. Conditions cannot add,
     * so the bound comes from the capacity read, and each write is on condition that the
     * capacity is still that ({@link #SAME_CAPACITY}).
     */
    private static final String CONFIRMS_NEWCOMER = "size(#line) = :zero AND confirmedSeats <= :limit";
    private static final String SAME_CAPACITY = "#capacity = :capacity";

    /** Adds seats, on condition (at commit) that the placement rule confirms them. */
    private TransactWriteItem confirmSeats(Event read, int seats) {
        return ledger(read.id(), "SET confirmedSeats = confirmedSeats + :seats ADD version :one",
                SAME_CAPACITY + " AND " + CONFIRMS_NEWCOMER,
                Map.of(":seats", n(seats), ":one", n(1), ":capacity", n(read.seats().capacity()),
                        ":limit", n(read.seats().mostConfirmedToFit(seats)), ":zero", n(0)));
    }

    /** Appends to the line, on condition (at commit) that the placement rule does not confirm the newcomer. */
    private TransactWriteItem joinLine(Event read, Registration registration) {
        return ledger(read.id(), "SET #line = list_append(#line, :entry) ADD version :one",
                SAME_CAPACITY + " AND NOT (" + CONFIRMS_NEWCOMER + ")",
                Map.of(":entry", AttributeValue.fromL(List.of(EventStore.lineEntry(
                                new Waiting(registration.id(), registration.seats())))),
                        ":one", n(1), ":capacity", n(read.seats().capacity()),
                        ":limit", n(read.seats().mostConfirmedToFit(registration.seats())), ":zero", n(0)));
    }

    /**
     * Cancels a registration: erases its personal data, frees its seats or its place in line,
     * lets its address register again, and confirms {@code promoted} from the front of the line.
     */
    public Outcome cancel(Event read, SeatLedger after, Registration registration, List<String> emailFingerprints,
                          List<Waiting> promoted, List<OutboxMail> mails, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(compareAndSet(read, after));
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(registration.id()))
                .updateExpression("SET #status = :cancelled, cancelledAt = :now "
                        + "REMOVE #name, email, organisation, municipality")
                .conditionExpression("#status = :current")
                .expressionAttributeNames(Map.of("#status", "status", "#name", "name"))
                .expressionAttributeValues(Map.of(
                        ":cancelled", s(RegistrationStatus.CANCELLED.code()),
                        ":current", s(registration.status().code()),
                        ":now", time(now)))
                .build()).build());
        for (String fingerprint : emailFingerprints) { // the marker is under whichever key was current at registration
            items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(eventChild(read.id(), "EMAIL#" + fingerprint)).build()).build());
        }
        addPromotions(items, promoted, now);
        mails.forEach(mail -> items.add(outbox.put(mail)));
        return write(items) == null ? Outcome.COMMITTED : Outcome.LOST_RACE;
    }

    /** Confirms {@code promoted} from the front of the line after seats were added. */
    public Outcome promote(Event read, SeatLedger after, List<Waiting> promoted, List<OutboxMail> mails, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(compareAndSet(read, after));
        addPromotions(items, promoted, now);
        mails.forEach(mail -> items.add(outbox.put(mail)));
        return write(items) == null ? Outcome.COMMITTED : Outcome.LOST_RACE;
    }

    private void addPromotions(List<TransactWriteItem> items, List<Waiting> promoted, Instant now) {
        for (Waiting waiting : promoted) {
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(waiting.registrationId()))
                    .updateExpression("SET #status = :confirmed, promotedAt = :now")
                    .conditionExpression("#status = :waitlisted")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":confirmed", s(RegistrationStatus.CONFIRMED.code()),
                            ":waitlisted", s(RegistrationStatus.WAITLISTED.code()),
                            ":now", time(now)))
                    .build()).build());
        }
    }

    /** Writes the whole next ledger, if nothing changed it since {@code read}. */
    private TransactWriteItem compareAndSet(Event read, SeatLedger after) {
        return ledger(read.id(), "SET #capacity = :capacity, confirmedSeats = :confirmed, #line = :line, version = :next",
                "version = :read",
                Map.of(":capacity", n(after.capacity()), ":confirmed", n(after.confirmedSeats()),
                        ":line", EventStore.line(after.line()), ":next", n(read.seats().version() + 1),
                        ":read", n(read.seats().version())));
    }

    private TransactWriteItem ledger(String eventId, String update, String condition, Map<String, AttributeValue> values) {
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(EventStore.key(eventId))
                .updateExpression(update)
                .conditionExpression(condition)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .expressionAttributeNames(names(update + " " + condition))
                .expressionAttributeValues(values)
                .build()).build();
    }

    /** The attribute names a ledger expression uses ({@code capacity} is a reserved word). */
    private static Map<String, String> names(String expressions) {
        Map<String, String> names = new HashMap<>();
        if (expressions.contains("#capacity")) {
            names.put("#capacity", "capacity");
        }
        if (expressions.contains("#line")) {
            names.put("#line", "line");
        }
        return names;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(condition).build()).build();
    }

    /**
     * Null when committed; otherwise why each item refused, when that is a condition that did not
     * hold or a race with another write (a transaction on the same item, or throttling on one of
     * them), after which a fresh read may succeed. Any other reason (an invalid item, a full item
     * collection) is not a race and is thrown.
     */
    private List<CancellationReason> write(List<TransactWriteItem> items) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
            return null;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
            if (!reasons.stream().allMatch(reason -> reason.code() == null || RACES.contains(reason.code()))) {
                throw cancelled;
            }
            return reasons;
        }
    }

    private static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    static Map<String, AttributeValue> toItem(Registration registration, long expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(registration.id()));
        item.put("gsi1pk", s("EVENT#" + registration.eventId() + "#REGS"));
        item.put("gsi1sk", s(Items.time(registration.createdAt()).s() + "#" + registration.id()));
        item.put("id", s(registration.id()));
        item.put("eventId", s(registration.eventId()));
        item.put("status", s(registration.status().code()));
        item.put("seats", n(registration.seats()));
        item.put("name", s(registration.name()));
        item.put("email", s(registration.email()));
        Items.putText(item, "organisation", registration.organisation());
        Items.putText(item, "municipality", registration.municipality());
        item.put("createdAt", time(registration.createdAt()));
        item.put("expiresAt", n(expiresAt));
        return item;
    }

    /** The marker that keeps one registration per address and event; it expires with the registration. */
    static Map<String, AttributeValue> emailMarker(String eventId, String fingerprint, String registrationId, long expiresAt) {
        return Map.of("pk", s("EVENT#" + eventId), "sk", s("EMAIL#" + fingerprint),
                "registrationId", s(registrationId), "expiresAt", n(expiresAt));
    }

    static Registration fromItem(Map<String, AttributeValue> item) {
        return new Registration(
                Items.string(item, "id"),
                Items.string(item, "eventId"),
                RegistrationStatus.fromCode(Items.string(item, "status")),
                Items.integer(item, "seats"),
                Items.string(item, "name"),
                Items.string(item, "email"),
                Items.string(item, "organisation"),
                Items.string(item, "municipality"),
                Items.time(item, "createdAt"),
                MailProblem.of(item).orElse(null));
    }
}
