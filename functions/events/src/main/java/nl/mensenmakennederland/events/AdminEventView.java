package nl.mensenmakennederland.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/**
 * One event as its admin page shows it: the table's row, the rest of its form, and what a
 * capacity change would do to its waiting line, from the rule the change itself applies
 * ({@link SeatLedger#turns}). The line is given by place and seats only: no one's name.
 *
 * @param minimumCapacity  the lowest capacity a change may set (below it: 409)
 * @param waitlistRequired whether the waiting list must stay on (people wait on it; switching it off: 409)
 * @param waitingLine      first in line first
 */
public record AdminEventView(
        @JsonUnwrapped AdminEventRow event,
        String description,
        String onlineUrl,
        int minimumCapacity,
        boolean waitlistRequired,
        List<WaitingTurn> waitingLine) {

    /** A place in the line: with a capacity of {@code promotedFromCapacity} or more, it gets its seats. */
    public record WaitingTurn(int position, int seats, int promotedFromCapacity) {}

    public static AdminEventView of(Event event, Instant now) {
        SeatLedger seats = event.seats();
        return new AdminEventView(
                AdminEventRow.of(event, now),
                event.description(),
                event.onlineUrl(),
                seats.minimumCapacity(),
                seats.waitlistRequired(),
                seats.turns().stream()
                        .map(turn -> new WaitingTurn(turn.position(), turn.waiting().seats(), turn.promotedFromCapacity()))
                        .toList());
    }
}
