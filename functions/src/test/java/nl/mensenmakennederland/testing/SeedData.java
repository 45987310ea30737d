package nl.mensenmakennederland.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import nl.mensenmakennederland.events.Event;
import nl.mensenmakennederland.events.EventStore;
import nl.mensenmakennederland.events.EventType;
import nl.mensenmakennederland.events.SeatLedger;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.UtcTime;

/**
 * The campaign's sample events in {@code seed/events.json}, used by the tests, the benchmark and
 * the local run, placed on the calendar of whoever loads them.
 *
 * <p>The file's dates are the campaign as seen from {@link #WRITTEN_FOR}. Run years later, every
 * event would be past: closed, no longer listed, and every test registering for one would fail.
 * So the seed is moved by whole weeks, in Europe/Amsterdam time, until every event takes
 * registrations for at least {@link #LEAD} after "now"; ids, weekdays, times of day (as the site
 * and the mails show them) and the spacing stay as written. Sample events from {@code events/}
 * get the same move ({@link #moveDates}). Placed for a moment early enough (a test's fixed clock
 * at {@link #WRITTEN_FOR}), nothing moves: the file's dates are what the test sees.
 */
public final class SeedData {

    /** The moment the seed's dates were written for: placed for it, nothing moves. */
    public static final Instant WRITTEN_FOR = Instant.parse("2026-12-01T10:00:00Z");
    /** How long, at least, every seed event still takes registrations after the moment it is placed for. */
    public static final Duration LEAD = Duration.ofDays(7);

    private static final ZoneId CAMPAIGN_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Pattern UTC_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    /**
     * Code on the system clock (the local run, the benchmark, tests of the deployable package)
     * places the seed once per JVM, so that the seed and the sample events read later agree.
     */
    private static final Instant SYSTEM_NOW = Instant.now();

    private SeedData() {}

    /** The seed for code on the system clock: placed for the moment this JVM first used it. */
    public static List<Event> events() {
        return events(SYSTEM_NOW);
    }

    /** The seed as it stands for someone at {@code now}: every event still takes registrations. */
    public static List<Event> events(Instant now) {
        List<Event> written = asWritten();
        long weeks = weeksToMove(written, now);
        return written.stream().map(event -> moved(event, weeks)).toList();
    }

    /** Stores the seed for code on the system clock. */
    public static void loadEvents(EventStore store) {
        loadEvents(store, SYSTEM_NOW);
    }

    /** Stores the seed as it stands at {@code now}: pass the fixed clock's instant of a test. */
    public static void loadEvents(EventStore store, Instant now) {
        events(now).forEach(store::put);
    }

    /** A sample event (JSON) with its UTC instants, its body's included, moved as the seed is for the system clock. */
    public static String moveDates(String json) {
        return moveDates(json, SYSTEM_NOW);
    }

    /** A sample event (JSON) with its UTC instants, its body's included, moved as the seed is for {@code now}. */
    public static String moveDates(String json, Instant now) {
        long weeks = weeksToMove(asWritten(), now);
        return UTC_INSTANT.matcher(json).replaceAll(found -> UtcTime.format(move(Instant.parse(found.group()), weeks)));
    }

    /** None while every event takes registrations until {@link #LEAD} after {@code now}; else the fewest weeks that make it so. */
    static long weeksToMove(List<Event> written, Instant now) {
        Instant firstClosing = written.stream().map(SeedData::registrationCloses).min(Comparator.naturalOrder()).orElseThrow();
        Instant needed = now.plus(LEAD);
        // An estimate in UTC weeks, never above the answer: moving in local time differs by at most the DST hour.
        long weeks = Math.max(0, Duration.between(firstClosing, needed).toDays() / 7);
        while (move(firstClosing, weeks).isBefore(needed)) {
            weeks++;
        }
        return weeks;
    }

    private static Instant registrationCloses(Event event) {
        return event.registrationClosesAt() != null ? event.registrationClosesAt() : event.startsAt();
    }

    private static Instant move(Instant instant, long weeks) {
        return instant.atZone(CAMPAIGN_ZONE).plusWeeks(weeks).toInstant();
    }

    private static Event moved(Event e, long weeks) {
        return new Event(e.id(), e.type(), e.title(), e.description(), move(e.startsAt(), weeks), move(e.endsAt(), weeks),
                e.location(), e.online(), e.onlineUrl(), e.maxSeatsPerRegistration(), e.waitlistEnabled(),
                e.registrationClosesAt() == null ? null : move(e.registrationClosesAt(), weeks), e.seats());
    }

    private static List<Event> asWritten() {
        try {
            JsonNode root = Json.MAPPER.readTree(RepositoryRoot.path().resolve("seed/events.json").toFile());
            List<Event> events = new ArrayList<>();
            for (JsonNode e : root.get("events")) {
                events.add(new Event(
                        e.get("id").asText(),
                        EventType.fromSlug(e.get("type").asText()).orElseThrow(),
                        e.get("title").asText(),
                        e.path("description").asText(null),
                        Instant.parse(e.get("startsAt").asText()),
                        Instant.parse(e.get("endsAt").asText()),
                        e.path("location").asText(null),
                        e.path("online").asBoolean(false),
                        e.path("onlineUrl").asText(null),
                        e.path("maxSeatsPerRegistration").asInt(1),
                        e.path("waitlist").asBoolean(false),
                        e.hasNonNull("registrationClosesAt") ? Instant.parse(e.get("registrationClosesAt").asText()) : null,
                        SeatLedger.empty(e.get("capacity").asInt())));
            }
            return events;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read seed/events.json", e);
        }
    }
}
