package nl.mensenmakennederland.digest;

import static nl.mensenmakennederland.shared.Items.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.mensenmakennederland.shared.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every registration in the events table counted per event: created and cancelled in the
 * period, and due for deletion (TTL) before {@code weekAhead}. One parallel scan that returns
 * only each registration's event and times, no personal data. A scan rather than a query per
 * event: the digest counts nearly every registration anyway, so it reads about the same bytes in
 * a few large pages instead of hundreds of small requests, however many events there are.
 */
final class RegistrationTally {

    /** Counts of one event's registrations. */
    record Counts(long created, long cancelled, long due) {

        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(created + other.created, cancelled + other.cancelled, due + other.due);
        }
    }

    /** Parts of the table read at once, each page after page. */
    static final int SEGMENTS = 4;

    private final DynamoDbClient dynamo;
    private final String table;

    RegistrationTally(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The counts by event id; an event without registrations is absent. */
    Map<String, Counts> byEvent(Period period, Instant now, Instant weekAhead) {
        List<Future<Map<String, Counts>>> segments = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int segment = 0; segment < SEGMENTS; segment++) {
                int part = segment;
                segments.add(threads.submit(() -> segment(part, period, now, weekAhead)));
            }
            Map<String, Counts> byEvent = new HashMap<>();
            for (Future<Map<String, Counts>> segment : segments) {
                segment.get().forEach((eventId, counts) -> byEvent.merge(eventId, counts, Counts::plus));
            }
            return byEvent;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while counting registrations", interrupted);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
        }
    }

    /** One segment, counted page by page: no page is kept after it is counted. */
    private Map<String, Counts> segment(int segment, Period period, Instant now, Instant weekAhead) {
        Map<String, Counts> byEvent = new HashMap<>();
        dynamo.scanPaginator(r -> r.tableName(table).segment(segment).totalSegments(SEGMENTS)
                        .filterExpression("sk = :registration")
                        .expressionAttributeValues(Map.of(":registration", s("REG")))
                        .projectionExpression("eventId, createdAt, cancelledAt, expiresAt"))
                .items().forEach(registration -> byEvent.merge(Items.string(registration, "eventId"),
                        counts(registration, period, now, weekAhead), Counts::plus));
        return byEvent;
    }

    private static Counts counts(Map<String, AttributeValue> registration, Period period, Instant now, Instant weekAhead) {
        long expiresAt = Items.longValue(registration, "expiresAt");
        return new Counts(period.contains(Items.time(registration, "createdAt")) ? 1 : 0,
                period.contains(Items.time(registration, "cancelledAt")) ? 1 : 0,
                expiresAt >= now.getEpochSecond() && expiresAt < weekAhead.getEpochSecond() ? 1 : 0);
    }
}
