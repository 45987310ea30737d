package nl.mensenmakennederland.events;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The seats of one event: never more confirmed than the capacity; who does not fit waits in
 * the line, first come first served. Immutable: a change returns the next ledger.
 *
 * @param line    who waits, first in line first
 * @param version raised by every change, so that rare decisions that depend on the whole state
 *                (cancelling, promoting, changing the capacity) can be written compare-and-set
 */
public record SeatLedger(int capacity, int confirmedSeats, List<Waiting> line, long version) {

    /** What a new registration gets. */
    public sealed interface Placement {
        record Confirmed() implements Placement {}

        record Waitlisted(int position) implements Placement {}

        record Full() implements Placement {}
    }

    /** A registration waiting in line. */
    public record Waiting(String registrationId, int seats) {}

    /**
     * A place in the line, 1 being next, and the capacity from which it moves up: the seats
     * confirmed now and those of everyone up to and including it.
     */
    public record Turn(int position, Waiting waiting, int promotedFromCapacity) {}

    public SeatLedger {
        line = List.copyOf(line);
    }

    public static SeatLedger empty(int capacity) {
        return new SeatLedger(capacity, 0, List.of(), 0);
    }

    public int seatsLeft() {
        return Math.max(0, capacity - confirmedSeats);
    }

    public int waitingCount() {
        return line.size();
    }

    /** The seats the waiting line asks for, all together. */
    public int waitingSeats() {
        return line.stream().mapToInt(Waiting::seats).sum();
    }

    /**
     * Where a newcomer goes: confirmed when the placement rule {@link #confirmsNewcomer} says so,
     * else to the end of the line if the event has one.
     */
    public Placement place(int seats, boolean waitlistEnabled) {
        if (confirmsNewcomer(seats)) {
            return new Placement.Confirmed();
        }
        if (waitlistEnabled) {
            return new Placement.Waitlisted(line.size() + 1);
        }
        return new Placement.Full();
    }

    /**
     * The placement rule: a newcomer's seats are confirmed only while nobody waits and they fit.
     * A freed seat belongs to the line, even when the one in front needs more seats than are free.
     * The registration's conditional writes check this same rule at commit ({@code RegistrationStore}).
     */
    public boolean confirmsNewcomer(int seats) {
        return line.isEmpty() && confirmedSeats <= mostConfirmedToFit(seats);
    }

    /** The most seats that may be confirmed already for {@code seats} more to fit. */
    public int mostConfirmedToFit(int seats) {
        return capacity - seats;
    }

    /** The place in line of a registration, 1 being next. */
    public OptionalInt positionOf(String registrationId) {
        for (int i = 0; i < line.size(); i++) {
            if (line.get(i).registrationId().equals(registrationId)) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    /** The ledger after a confirmed registration gave back its seats. */
    public SeatLedger release(int seats) {
        return new SeatLedger(capacity, Math.max(0, confirmedSeats - seats), line, version + 1);
    }

    /** The ledger after a waiting registration left the line. */
    public SeatLedger leaveLine(String registrationId) {
        return new SeatLedger(capacity, confirmedSeats,
                line.stream().filter(w -> !w.registrationId().equals(registrationId)).toList(), version + 1);
    }

    /** The lowest capacity this ledger can take: one seat, and never below the seats already confirmed. */
    public int minimumCapacity() {
        return Math.max(1, confirmedSeats);
    }

    /** The waiting list cannot be switched off while people wait on it. */
    public boolean waitlistRequired() {
        return !line.isEmpty();
    }

    public SeatLedger withCapacity(int newCapacity) {
        if (newCapacity < minimumCapacity()) {
            throw new IllegalArgumentException("Capacity " + newCapacity + " is below the minimum of " + minimumCapacity());
        }
        return new SeatLedger(newCapacity, confirmedSeats, line, version + 1);
    }

    /**
     * The promotion rule: the line moves up strictly in order, each one as soon as the capacity
     * holds the confirmed seats, its own and those of everyone before it; so whoever does not fit
     * stops the line, and nobody is overtaken by a smaller group. {@link #promotable} applies it
     * to this capacity; the admins' view of an event shows it for any capacity.
     */
    public List<Turn> turns() {
        List<Turn> turns = new ArrayList<>();
        int needed = confirmedSeats;
        for (Waiting waiting : line) {
            needed += waiting.seats();
            turns.add(new Turn(turns.size() + 1, waiting, needed));
        }
        return turns;
    }

    /** Who moves up from the front of the line at this capacity ({@link #turns}); at most {@code limit} at a time. */
    public List<Waiting> promotable(int limit) {
        return turns().stream().takeWhile(turn -> turn.promotedFromCapacity() <= capacity)
                .limit(limit).map(Turn::waiting).toList();
    }

    /**
     * Whether the line is owed seats: some are free and the first in line fits. A change that
     * freed seats committed, but moving the line up did not get through (see
     * {@link WaitingLine#promote}); the next write to the event settles it.
     */
    public boolean promotionDue() {
        return !promotable(1).isEmpty();
    }

    /** The ledger after the first {@code promoted.size()} of the line got confirmed seats. */
    public SeatLedger promote(List<Waiting> promoted) {
        if (!line.subList(0, promoted.size()).equals(promoted)) {
            throw new IllegalArgumentException("Only the front of the line moves up");
        }
        int seats = promoted.stream().mapToInt(Waiting::seats).sum();
        if (seats > seatsLeft()) {
            throw new IllegalStateException("Promoting " + seats + " seats with " + seatsLeft() + " left");
        }
        return new SeatLedger(capacity, confirmedSeats + seats, line.subList(promoted.size(), line.size()),
                promoted.isEmpty() ? version : version + 1);
    }
}
