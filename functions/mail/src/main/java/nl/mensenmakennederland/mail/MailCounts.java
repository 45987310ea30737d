package nl.mensenmakennederland.mail;

import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import nl.mensenmakennederland.shared.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * What happened to our mails per day, for the admins' digest: one item per Amsterdam day
 * ({@code pk=MAIL-COUNTS}, {@code sk=<yyyy-MM-dd>}) with a number per kind, raised by atomic
 * {@code ADD}: by the mailer right after it closed the outbox item (a retried delivery finds it
 * closed and counts nothing), by the feedback with a marker of the event in one transaction (a
 * repeated event counts nothing). One partition holds the whole campaign: a period is one Query.
 */
public final class MailCounts {

    /** What is counted; the attribute name is the lower-case name. */
    public enum Kind { SENT, SUPPRESSED, BOUNCED, COMPLAINED, DELAYED, REJECTED;

        String attribute() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String PK = "MAIL-COUNTS";
    /** The digest's days are Amsterdam days, as the Oproep's are. */
    static final ZoneId DAYS = ZoneId.of("Europe/Amsterdam");

    private final DynamoDbClient dynamo;
    private final String table;

    public MailCounts(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    String table() {
        return table;
    }

    /** Adds one of {@code kind} to the day of {@code at}: a part of the caller's transaction. */
    TransactWriteItem add(Kind kind, Instant at) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(LocalDate.ofInstant(at, DAYS)))
                .updateExpression("ADD #kind :one")
                .expressionAttributeNames(Map.of("#kind", kind.attribute()))
                .expressionAttributeValues(Map.of(":one", n(1)))
                .build()).build();
    }

    /** Adds one of {@code kind} to the day of {@code at}, by itself. */
    public void count(Kind kind, Instant at) {
        dynamo.updateItem(r -> r.tableName(table).key(key(LocalDate.ofInstant(at, DAYS)))
                .updateExpression("ADD #kind :one")
                .expressionAttributeNames(Map.of("#kind", kind.attribute()))
                .expressionAttributeValues(Map.of(":one", n(1))));
    }

    /** The counts of the days {@code from} to {@code to}, both included, added up (the digest's period): one Query. */
    public Map<Kind, Long> between(LocalDate from, LocalDate to) {
        Map<Kind, Long> totals = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            totals.put(kind, 0L);
        }
        dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :counts AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(":counts", s(PK), ":from", s(from.toString()), ":to", s(to.toString()))))
                .items().forEach(day -> totals.replaceAll((kind, total) -> total + Items.longValue(day, kind.attribute())));
        return totals;
    }

    /** One day's counts (zero for what did not happen). */
    Map<Kind, Long> on(LocalDate day) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(day)).consistentRead(true)).item();
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            counts.put(kind, item == null ? 0 : Items.longValue(item, kind.attribute()));
        }
        return counts;
    }

    private static Map<String, AttributeValue> key(LocalDate day) {
        return Map.of("pk", s(PK), "sk", s(day.toString()));
    }
}
