package nl.mensenmakennederland.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The whole days (Amsterdam) a digest reports on, {@code firstDay} to {@code lastDay}: the days
 * since the last digest, up to yesterday. A day without a digest is caught up by the next one.
 */
public record Period(LocalDate firstDay, LocalDate lastDay) {

    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    public Period {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("A period ends before it starts");
        }
    }

    /** The period a digest made {@code today} covers, the last one having covered up to {@code lastCovered}. */
    public static Period before(LocalDate today, LocalDate lastCovered) {
        LocalDate yesterday = today.minusDays(1);
        LocalDate first = lastCovered == null || !lastCovered.isBefore(yesterday) ? yesterday : lastCovered.plusDays(1);
        return new Period(first, yesterday);
    }

    public Instant from() {
        return firstDay.atStartOfDay(AMSTERDAM).toInstant();
    }

    /** The end, exclusive: midnight after the last day. */
    public Instant to() {
        return lastDay.plusDays(1).atStartOfDay(AMSTERDAM).toInstant();
    }

    public boolean contains(Instant moment) {
        return moment != null && !moment.isBefore(from()) && moment.isBefore(to());
    }

    public int days() {
        return (int) (lastDay.toEpochDay() - firstDay.toEpochDay() + 1);
    }
}
