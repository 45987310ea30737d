package nl.mensenmakennederland.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.events.Event;
import nl.mensenmakennederland.events.EventStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The events part: registrations and cancellations in the period, the waiting lists, sessions
 * filling up (90% and more), and what starts in the coming week. The registrations are counted
 * by {@link RegistrationTally} (their event and times only: no personal data), the per-event
 * figures come from the upcoming events' seat ledgers.
 */
final class EventActivity {

    /** From this share of the seats taken a session counts as filling up. */
    static final double FILLING_UP = 0.9;
    static final int MAX_DETAILS = 15;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.forLanguageTag("nl-NL"))
            .withZone(Period.AMSTERDAM);

    private final EventStore events;
    private final RegistrationTally registrations;

    EventActivity(DynamoDbClient dynamo, String table) {
        this.events = new EventStore(dynamo, table);
        this.registrations = new RegistrationTally(dynamo, table);
    }

    Activity read(Period period, Instant now, Map<String, Long> previous) {
        Instant weekAhead = now.plus(Duration.ofDays(7));
        Map<String, RegistrationTally.Counts> byEvent = registrations.byEvent(period, now, weekAhead);
        RegistrationTally.Counts all = byEvent.values().stream().reduce(RegistrationTally.Counts.NONE, RegistrationTally.Counts::plus);
        long waiting = 0;
        long filling = 0;
        long nextWeek = 0;
        List<String> details = new ArrayList<>();
        for (Event event : events.upcoming(now, Optional.empty())) {
            if (!event.startsAt().isAfter(now)) {
                continue;
            }
            RegistrationTally.Counts here = byEvent.getOrDefault(event.id(), RegistrationTally.Counts.NONE);
            int capacity = event.seats().capacity();
            int taken = event.seats().confirmedSeats();
            boolean fillingUp = capacity > 0 && taken >= FILLING_UP * capacity;
            boolean soon = event.startsAt().isBefore(weekAhead);
            waiting += event.seats().waitingCount();
            filling += fillingUp ? 1 : 0;
            nextWeek += soon ? 1 : 0;
            if ((here.created() > 0 || here.cancelled() > 0 || fillingUp || soon) && details.size() < MAX_DETAILS) {
                details.add(detail(event, here.created(), here.cancelled()));
            }
        }
        Figures figures = new Figures(previous)
                .add("events.registrations", "Nieuwe aanmeldingen", all.created())
                .add("events.cancellations", "Afmeldingen", all.cancelled())
                .add("events.waiting", "Op een wachtlijst", waiting)
                .add("events.filling", "Sessies 90% of meer vol", filling)
                .add("events.next-week", "Activiteiten in de komende week", nextWeek);
        return new Activity(new Section("Activiteiten", figures.list(), details), all.created() + all.cancelled() > 0, all.due());
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
}
