package nl.mensenmakennederland.events;

import static nl.mensenmakennederland.shared.Items.bool;
import static nl.mensenmakennederland.shared.Items.n;
import static nl.mensenmakennederland.shared.Items.s;
import static nl.mensenmakennederland.shared.Items.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.mensenmakennederland.shared.Items;
import nl.mensenmakennederland.shared.UtcTime;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Events in the events table: {@code pk=EVENT#<id>, sk=EVENT}; listed through {@code gsi1}
 * ({@code gsi1pk=EVENTS, gsi1sk=<startsAt>#<id>}), so events come sorted by start (then id).
 * One partition for all events is deliberate: the campaign has hundreds, not millions.
 * The event item also holds its seat ledger, waiting line included (see {@link RegistrationStore}).
 */
public final class EventStore {

    static final String EVENT_SK = "EVENT";
    private static final String LISTING = "EVENTS";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    private final DynamoDbClient dynamo;
    private final String table;

    public EventStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static Map<String, AttributeValue> key(String eventId) {
        return Map.of("pk", s("EVENT#" + eventId), "sk", s(EVENT_SK));
    }

    /** The event with its current seat ledger (a strongly consistent read). */
    public Optional<Event> find(String id) {
        if (!isValidId(id)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Events that have not started yet, by start time, optionally of one type. */
    public List<Event> upcoming(Instant now, Optional<EventType> type) {
        return listed(Optional.of(now), type);
    }

    /** Every event, past and closed ones too, by start time, optionally of one type. */
    public List<Event> all(Optional<EventType> type) {
        return listed(Optional.empty(), type);
    }

    /** The listing from {@code from} on (all of it when empty), page after page. */
    private List<Event> listed(Optional<Instant> from, Optional<EventType> type) {
        List<Event> events = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":listing", s(LISTING));
        from.ifPresent(start -> values.put(":from", s(UtcTime.format(start))));
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName("gsi1")
                .keyConditionExpression("gsi1pk = :listing" + (from.isPresent() ? " AND gsi1sk >= :from" : ""));
        if (type.isPresent()) {
            values.put(":type", s(type.get().slug()));
            query.filterExpression("#type = :type").expressionAttributeNames(Map.of("#type", "type"));
        }
        query.expressionAttributeValues(values);
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(query.exclusiveStartKey(startKey).build());
            page.items().forEach(item -> events.add(fromItem(item)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return events;
    }

    /** Stores an event as given, replacing any earlier one (seed data, tests). */
    public void put(Event event) {
        dynamo.putItem(r -> r.tableName(table).item(toItem(event)));
    }

    /** Stores a new event; false when the id is taken. */
    public boolean create(Event event) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(toItem(event)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /**
     * Replaces an event's details and capacity, if its ledger did not change since {@code read}
     * (compare-and-set on its version); false when it did.
     */
    public boolean update(Event read, Event changed) {
        Map<String, AttributeValue> item = toItem(changed.withSeats(new SeatLedger(changed.seats().capacity(),
                read.seats().confirmedSeats(), read.seats().line(), read.seats().version() + 1)));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("version = :read")
                    .expressionAttributeValues(Map.of(":read", n(read.seats().version()))));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    static Map<String, AttributeValue> toItem(Event event) {
        Map<String, AttributeValue> item = new HashMap<>(key(event.id()));
        item.put("gsi1pk", s(LISTING));
        item.put("gsi1sk", s(UtcTime.format(event.startsAt()) + "#" + event.id()));
        item.put("id", s(event.id()));
        item.put("type", s(event.type().slug()));
        item.put("title", s(event.title()));
        Items.putText(item, "description", event.description());
        item.put("startsAt", time(event.startsAt()));
        item.put("endsAt", time(event.endsAt()));
        Items.putText(item, "location", event.location());
        item.put("online", bool(event.online()));
        Items.putText(item, "onlineUrl", event.onlineUrl());
        item.put("maxSeatsPerRegistration", n(event.maxSeatsPerRegistration()));
        item.put("waitlist", bool(event.waitlistEnabled()));
        Items.putTime(item, "registrationClosesAt", event.registrationClosesAt());
        SeatLedger seats = event.seats();
        item.put("capacity", n(seats.capacity()));
        item.put("confirmedSeats", n(seats.confirmedSeats()));
        item.put("line", line(seats.line()));
        item.put("version", n(seats.version()));
        return item;
    }

    static Event fromItem(Map<String, AttributeValue> item) {
        return new Event(
                Items.string(item, "id"),
                EventType.fromSlug(Items.string(item, "type")).orElseThrow(),
                Items.string(item, "title"),
                Items.string(item, "description"),
                Items.time(item, "startsAt"),
                Items.time(item, "endsAt"),
                Items.string(item, "location"),
                Items.bool(item, "online"),
                Items.string(item, "onlineUrl"),
                Math.max(1, Items.integer(item, "maxSeatsPerRegistration")),
                Items.bool(item, "waitlist"),
                Items.time(item, "registrationClosesAt"),
                new SeatLedger(
                        Items.integer(item, "capacity"),
                        Items.integer(item, "confirmedSeats"),
                        line(item.get("line")),
                        Items.longValue(item, "version")));
    }

    /** The waiting line as stored: a list of {@code <registrationId>:<seats>}, first in line first. */
    static AttributeValue line(List<SeatLedger.Waiting> line) {
        return AttributeValue.fromL(line.stream().map(EventStore::lineEntry).toList());
    }

    static AttributeValue lineEntry(SeatLedger.Waiting waiting) {
        return s(waiting.registrationId() + ":" + waiting.seats());
    }

    private static List<SeatLedger.Waiting> line(AttributeValue stored) {
        if (stored == null || !stored.hasL()) {
            return List.of();
        }
        return stored.l().stream().map(entry -> {
            int colon = entry.s().lastIndexOf(':');
            return new SeatLedger.Waiting(entry.s().substring(0, colon), Integer.parseInt(entry.s().substring(colon + 1)));
        }).toList();
    }
}
