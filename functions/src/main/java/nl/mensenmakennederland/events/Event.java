package nl.mensenmakennederland.events;

import java.time.Instant;

/**
 * A campaign event and its seat ledger: {@code confirmedSeats} never exceeds {@code capacity};
 * who does not fit waits in line when the event keeps a waiting list. {@code version} guards
 * every change of the ledger (compare-and-set).
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
        int capacity,
        int maxSeatsPerRegistration,
        boolean waitlistEnabled,
        Instant registrationClosesAt,
        int confirmedSeats,
        int waitingCount,
        long version) {

    public int seatsLeft() {
        return Math.max(0, capacity - confirmedSeats);
    }

    /** Registration closes at the configured moment, or else when the event starts. */
    public boolean registrationOpen(Instant now) {
        Instant closes = registrationClosesAt != null ? registrationClosesAt : startsAt;
        return now.isBefore(closes);
    }
}
