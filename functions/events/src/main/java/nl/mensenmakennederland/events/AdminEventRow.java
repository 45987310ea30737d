package nl.mensenmakennederland.events;

import java.time.Instant;
import nl.mensenmakennederland.shared.UtcTime;

/**
 * An event as the admins' table shows it, past and closed ones too (HTTP contract in the README).
 *
 * @param waiting              registrations on the waiting list
 * @param waitingSeats         the seats they ask for together
 * @param registrationClosesAt as set on the event; without it registration closes when the event starts
 * @param phase                {@link EventPhase#slug()}
 */
public record AdminEventRow(
        String id,
        String type,
        String title,
        String startsAt,
        String endsAt,
        String location,
        boolean online,
        int capacity,
        int confirmedSeats,
        int seatsLeft,
        boolean waitlist,
        int waiting,
        int waitingSeats,
        int maxSeatsPerRegistration,
        String registrationClosesAt,
        boolean registrationOpen,
        String phase) {

    public static AdminEventRow of(Event event, Instant now) {
        SeatLedger seats = event.seats();
        return new AdminEventRow(
                event.id(),
                event.type().slug(),
                event.title(),
                UtcTime.format(event.startsAt()),
                UtcTime.format(event.endsAt()),
                event.location(),
                event.online(),
                seats.capacity(),
                seats.confirmedSeats(),
                seats.seatsLeft(),
                event.waitlistEnabled(),
                seats.waitingCount(),
                seats.waitingSeats(),
                event.maxSeatsPerRegistration(),
                event.registrationClosesAt() == null ? null : UtcTime.format(event.registrationClosesAt()),
                event.registrationOpen(now),
                event.phase(now).slug());
    }
}
