package nl.mensenmakennederland.digest;

import static nl.mensenmakennederland.shared.Items.s;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import nl.mensenmakennederland.events.Event;
import nl.mensenmakennederland.events.EventStore;
import nl.mensenmakennederland.shared.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The events part: registrations and cancellations in the period, the waiting lists, sessions
 * filling up (90% and more), and what starts in the coming week. Reads each event's
 * registrations through {@code gsi1} with only their times: no personal data.
 */
final class EventActivity {

    /** From this share of the seats taken a session counts as filling up. */
    static final double FILLING_UP = 0.9;
    static final int MAX_DETAILS = 15;
    /** Queries in flight at once: well within an on-demand table's burst, and the HTTP client's connections. */
    static final int PARALLEL_READS = 8;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.forLanguageTag("nl-NL"))
            .withZone(Period.AMSTERDAM);

    private final DynamoDbClient dynamo;
    private final String table;
    private final EventStore events;
    private final Duration retention;

    EventActivity(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.events = new EventStore(dynamo, table);
        this.retention = retention;
    }

    Activity read(Period period, Instant now, Map<String, Long> previous) {
        Instant weekAhead = now.plus(Duration.ofDays(7));
        // Back far enough for the events whose registrations reach the end of their retention this week.
        List<Event> recent = events.upcoming(period.from().minus(retention).minus(Duration.ofDays(45)), Optional.empty());
        long created = 0;
        long cancelled = 0;
        long waiting = 0;
        long filling = 0;
        long nextWeek = 0;
        long due = 0;
        List<String> details = new ArrayList<>();
        Map<String, List<Map<String, AttributeValue>>> registrations = registrationsOf(recent);
        for (Event event : recent) {
            long createdHere = 0;
            long cancelledHere = 0;
            for (Map<String, AttributeValue> registration : registrations.get(event.id())) {
                createdHere += period.contains(Items.time(registration, "createdAt")) ? 1 : 0;
                cancelledHere += period.contains(Items.time(registration, "cancelledAt")) ? 1 : 0;
                long expiresAt = Items.longValue(registration, "expiresAt");
                due += expiresAt >= now.getEpochSecond() && expiresAt < weekAhead.getEpochSecond() ? 1 : 0;
            }
            created += createdHere;
            cancelled += cancelledHere;
            if (!event.startsAt().isAfter(now)) {
                continue;
            }
            int capacity = event.seats().capacity();
            int taken = event.seats().confirmedSeats();
            boolean fillingUp = capacity > 0 && taken >= FILLING_UP * capacity;
            boolean soon = event.startsAt().isBefore(weekAhead);
            waiting += event.seats().waitingCount();
            filling += fillingUp ? 1 : 0;
            nextWeek += soon ? 1 : 0;
            if ((createdHere > 0 || cancelledHere > 0 || fillingUp || soon) && details.size() < MAX_DETAILS) {
                details.add(detail(event, createdHere, cancelledHere));
            }
        }
        Figures figures = new Figures(previous)
                .add("events.registrations", "Nieuwe aanmeldingen", created)
                .add("events.cancellations", "Afmeldingen", cancelled)
                .add("events.waiting", "Op een wachtlijst", waiting)
                .add("events.filling", "Sessies 90% of meer vol", filling)
                .add("events.next-week", "Activiteiten in de komende week", nextWeek);
        return new Activity(new Section("Activiteiten", figures.list(), details), created + cancelled > 0, due);
    }

    private String detail(Event event, long created, long cancelled) {
        int capacity = event.seats().capacity();
        int taken = event.seats().confirmedSeats();
        StringBuilder line = new StringBuilder(event.title()).append(" (").append(DAY.format(event.startsAt())).append("): ")
                .append(taken).append(" van ").append(capacity).append(" plaatsen");
        if (capacity > 0) {
            line.append(" (").append(Math.round(100.0 * taken / capacity)).append("%)");
        }
        if (event.seats().waitingCount() > 0) {
            line.append(", ").append(event.seats().waitingCount()).append(" op de wachtlijst");
        }
        if (created > 0) {
            line.append(", ").append(created).append(" nieuw");
        }
        if (cancelled > 0) {
            line.append(", ").append(cancelled).append(" afgemeld");
        }
        return line.toString();
    }

    /**
     * Every event's registrations by event id, {@value #PARALLEL_READS} queries at a time: a
     * campaign of hundreds of events is read in a fraction of the time one after the other takes.
     */
    private Map<String, List<Map<String, AttributeValue>>> registrationsOf(List<Event> events) {
        Semaphore permits = new Semaphore(PARALLEL_READS);
        Map<String, Future<List<Map<String, AttributeValue>>>> reads = new LinkedHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Event event : events) {
                reads.put(event.id(), threads.submit(() -> {
                    permits.acquire();
                    try {
                        return registrationsOf(event.id());
                    } finally {
                        permits.release();
                    }
                }));
            }
            Map<String, List<Map<String, AttributeValue>>> byEvent = new LinkedHashMap<>();
            for (Map.Entry<String, Future<List<Map<String, AttributeValue>>>> read : reads.entrySet()) {
                byEvent.put(read.getKey(), read.getValue().get());
            }
            return byEvent;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading registrations", interrupted);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
        }
    }

    /** An event's registrations, as counts need them: their times only. */
    private List<Map<String, AttributeValue>> registrationsOf(String eventId) {
        return dynamo.queryPaginator(r -> r.tableName(table).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("EVENT#" + eventId + "#REGS")))
                        .projectionExpression("createdAt, cancelledAt, expiresAt"))
                .items().stream().toList();
    }
}
