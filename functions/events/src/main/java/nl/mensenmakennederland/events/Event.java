package nl.mensenmakennederland.events;

import java.time.Instant;

/**
 * A campaign event and its seat ledger.
 *
 * @param onlineUrl where an online session takes place; only registrants see it
 */
public record Event(
        String id,
        EventType type,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        String location,
        boolean online,
        String onlineUrl,
        int maxSeatsPerRegistration,
        boolean waitlistEnabled,
        Instant registrationClosesAt,
        SeatLedger seats) {

    /** Registration closes at the configured moment, or else when the event starts. */
    public boolean registrationOpen(Instant now) {
        Instant closes = registrationClosesAt != null ? registrationClosesAt : startsAt;
        return now.isBefore(closes);
    }

    /** Upcoming until it starts (as the public listing counts it), then running until it ends, then past. */
    public EventPhase phase(Instant now) {
        if (!startsAt.isBefore(now)) {
            return EventPhase.UPCOMING;
        }
        return now.isBefore(endsAt) ? EventPhase.RUNNING : EventPhase.PAST;
    }

    public Event withSeats(SeatLedger next) {
        return new Event(id, type, title, description, startsAt, endsAt, location, online, onlineUrl,
                maxSeatsPerRegistration, waitlistEnabled, registrationClosesAt, next);
    }
}
