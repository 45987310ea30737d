package nl.mensenmakennederland.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.Ids;
import nl.mensenmakennederland.shared.SigningKeys;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.testing.BatchWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Confirmed registrations written in bulk, item for item as the registration desk writes them:
 * the stores' own item builders make the registration, its address marker (under the current
 * key) and the event's ledger with the seats added. For the digest's tests and measurement,
 * which need thousands; the desk's transactions one by one take far longer on moto. Lives in
 * the events package to use those builders; cancel through the desk, with {@link #token}.
 */
public final class BulkRegistrations {

    /** A newcomer taking one seat at {@code createdAt}. */
    public record Planned(String eventId, String name, String email, String organisation, Instant createdAt) {}

    private final String table;
    private final EventStore events;
    private final ManageLinks links;
    private final BatchWrites writes;

    public BulkRegistrations(DynamoDbClient dynamo, String table, String outboxTable, SigningKeys keys, Duration retention) {
        this.table = table;
        this.events = new EventStore(dynamo, table);
        this.links = new ManageLinks(() -> keys, Clock.systemUTC(), new RegistrationStore(dynamo, table, new Outbox(outboxTable)),
                "https://www.mensenmakennederland.nl", retention);
        this.writes = new BatchWrites(dynamo, 2);
    }

    /**
     * Writes them all confirmed (refused when an event's seats do not hold them, where the desk
     * would open its waiting line): their registration ids, in the order given.
     */
    public List<String> write(List<Planned> planned) {
        Map<String, List<Integer>> byEvent = new LinkedHashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            byEvent.computeIfAbsent(planned.get(i).eventId(), id -> new ArrayList<>()).add(i);
        }
        String[] ids = new String[planned.size()];
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        byEvent.forEach((eventId, indexes) -> {
            Event event = events.find(eventId).orElseThrow(() -> new IllegalArgumentException("No event " + eventId));
            SeatLedger seats = event.seats();
            if (!seats.line().isEmpty() || seats.confirmedSeats() + indexes.size() > seats.capacity()) {
                throw new IllegalArgumentException(eventId + " has no seats for " + indexes.size() + " more");
            }
            long expiresAt = links.expiresAt(event);
            for (int i : indexes) {
                Planned registration = planned.get(i);
                ids[i] = Ids.random();
                items.add(RegistrationStore.toItem(new Registration(ids[i], eventId, RegistrationStatus.CONFIRMED, 1, registration.name(),
                        registration.email(), registration.organisation(), "Utrecht", registration.createdAt()), expiresAt));
                items.add(RegistrationStore.emailMarker(eventId, links.fingerprints(registration.email()).getFirst(), ids[i], expiresAt));
            }
            items.add(EventStore.toItem(event.withSeats(new SeatLedger(seats.capacity(), seats.confirmedSeats() + indexes.size(),
                    seats.line(), seats.version() + indexes.size()))));
        });
        writes.put(table, items);
        return List.of(ids);
    }

    /** A manage link's token for a registration, as its mail carries it. */
    public String token(String registrationId) {
        return links.token(registrationId);
    }
}
