package nl.mensenmakennederland.events;

import java.time.Instant;
import nl.mensenmakennederland.shared.UtcTime;

/** An event as the website sees it (HTTP contract in the README). */
public record EventView(
        String id,
        String type,
        String title,
        String description,
        String startsAt,
        String endsAt,
        String location,
        boolean online,
        int capacity,
        int seatsLeft,
        boolean waitlist,
        int waiting,
        int maxSeatsPerRegistration,
        boolean registrationOpen) {

    public static EventView of(Event event, Instant now) {
        return new EventView(
                event.id(),
                event.type().slug(),
                event.title(),
                event.description(),
                UtcTime.format(event.startsAt()),
                UtcTime.format(event.endsAt()),
                event.location(),
                event.online(),
                event.seats().capacity(),
                event.seats().seatsLeft(),
                event.waitlistEnabled(),
                event.seats().waitingCount(),
                event.maxSeatsPerRegistration(),
                event.registrationOpen(now));
    }
}
