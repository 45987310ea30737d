package nl.mensenmakennederland.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The campaign's sample events in {@code seed/events.json}, used by the tests, the benchmark and
 * the local run, placed on the calendar of whoever loads them. Each is written as the admins'
 * create-event form with its id, so the events job reads it with its own form.
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
    public static List<ObjectNode> events() {
        return events(SYSTEM_NOW);
    }

    /** The seed as it stands for someone at {@code now}: every event still takes registrations. */
    public static List<ObjectNode> events(Instant now) {
        List<ObjectNode> written = asWritten();
        long weeks = weeksToMove(written, now);
        return written.stream().map(event -> moved(event, weeks)).toList();
    }

    /** A sample event (JSON) with its UTC instants, its body's included, moved as the seed is for the system clock. */
    public static String moveDates(String json) {
        return moveDates(json, SYSTEM_NOW);
    }

    /** A sample event (JSON) with its UTC instants, its body's included, moved as the seed is for {@code now}. */
    public static String moveDates(String json, Instant now) {
        long weeks = weeksToMove(asWritten(), now);
        return UTC_INSTANT.matcher(json).replaceAll(found -> move(Instant.parse(found.group()), weeks).toString());
    }

    /** None while every event takes registrations until {@link #LEAD} after {@code now}; else the fewest weeks that make it so. */
    static long weeksToMove(List<ObjectNode> written, Instant now) {
        Instant firstClosing = written.stream().map(SeedData::registrationCloses).min(Comparator.naturalOrder()).orElseThrow();
        Instant needed = now.plus(LEAD);
        // An estimate in UTC weeks, never above the answer: moving in local time differs by at most the DST hour.
        long weeks = Math.max(0, Duration.between(firstClosing, needed).toDays() / 7);
        while (move(firstClosing, weeks).isBefore(needed)) {
            weeks++;
        }
        return weeks;
    }

    private static Instant registrationCloses(JsonNode event) {
        return Instant.parse(event.path(event.hasNonNull("registrationClosesAt") ? "registrationClosesAt" : "startsAt").asText());
    }

    private static Instant move(Instant instant, long weeks) {
        return instant.atZone(CAMPAIGN_ZONE).plusWeeks(weeks).toInstant();
    }

    private static ObjectNode moved(ObjectNode written, long weeks) {
        ObjectNode event = written.deepCopy();
        for (String field : List.of("startsAt", "endsAt", "registrationClosesAt")) {
            if (event.hasNonNull(field)) {
                event.put(field, move(Instant.parse(event.get(field).asText()), weeks).toString());
            }
        }
        return event;
    }

    private static List<ObjectNode> asWritten() {
        try {
            JsonNode root = Jackson.MAPPER.readTree(RepositoryRoot.path().resolve("seed/events.json").toFile());
            List<ObjectNode> events = new ArrayList<>();
            root.get("events").forEach(event -> events.add((ObjectNode) event));
            return events;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read seed/events.json", e);
        }
    }
}
