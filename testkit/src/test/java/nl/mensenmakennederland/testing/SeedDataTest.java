package nl.mensenmakennederland.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed stays usable whenever the tests run: placed ahead of "now", as a person would read it unchanged. */
class SeedDataTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    static final List<Seed> WRITTEN = seed(SeedData.WRITTEN_FOR);

    /** A seed event's dates, and the rest of what it says. */
    record Seed(String id, Instant startsAt, Instant endsAt, Instant registrationClosesAt, ObjectNode rest) {}

    private static List<Seed> seed(Instant now) {
        return SeedData.events(now).stream().map(event -> {
            ObjectNode rest = event.deepCopy();
            rest.remove(List.of("startsAt", "endsAt", "registrationClosesAt"));
            return new Seed(event.get("id").asText(), time(event, "startsAt"), time(event, "endsAt"),
                    time(event, "registrationClosesAt"), rest);
        }).toList();
    }

    private static Instant time(JsonNode event, String field) {
        return event.hasNonNull(field) ? Instant.parse(event.get(field).asText()) : null;
    }

    private static Instant opensUntil(Seed event) {
        return event.registrationClosesAt() != null ? event.registrationClosesAt() : event.startsAt();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-01T10:00:00Z", "2026-12-31T23:00:00Z", "2027-01-05T18:29:59Z"})
    void whileEveryEventStillTakesRegistrationsForAWeekNothingMoves(String moment) throws IOException {
        Instant now = Instant.parse(moment);
        JsonNode file = Jackson.MAPPER.readTree(RepositoryRoot.path().resolve("seed/events.json").toFile());

        List<Seed> placed = seed(now);

        assertThat(placed).hasSize(file.get("events").size());
        for (int i = 0; i < placed.size(); i++) {
            assertThat(placed.get(i).startsAt().toString()).isEqualTo(file.get("events").get(i).get("startsAt").asText());
        }
        String sample = Files.readString(RepositoryRoot.path().resolve("events/admin-update-event.json"));
        assertThat(SeedData.moveDates(sample, now)).isEqualTo(sample);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-01-05T18:30:01Z", "2027-01-13T12:30:00Z", "2027-03-29T01:30:00Z", "2028-06-01T12:00:00Z",
            "2031-10-26T00:30:00Z", "2040-02-29T23:59:59Z", "2099-12-31T12:00:00Z"})
    void laterEveryEventTakesRegistrationsAtLeastAWeekAndTheFirstNoMoreThanAWeekLonger(String moment) {
        Instant now = Instant.parse(moment);

        List<Seed> placed = seed(now);

        assertThat(placed).allSatisfy(event -> assertThat(opensUntil(event)).isAfterOrEqualTo(now.plus(SeedData.LEAD)));
        Instant first = placed.stream().map(SeedDataTest::opensUntil).min(Comparator.naturalOrder()).orElseThrow();
        assertThat(first).isBefore(now.plus(SeedData.LEAD).plus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2028-06-01T12:00:00Z", "2031-10-26T00:30:00Z", "2099-12-31T12:00:00Z"})
    void movedByWholeWeeksKeepingIdsWeekdaysTimesOfDayAndSpacingAsAmsterdamSeesThem(String moment) {
        List<Seed> placed = seed(Instant.parse(moment));
        long weeks = ChronoUnit.WEEKS.between(WRITTEN.getFirst().startsAt().atZone(AMSTERDAM),
                placed.getFirst().startsAt().atZone(AMSTERDAM));

        assertThat(weeks).isPositive();
        assertThat(placed).extracting(Seed::id).isEqualTo(WRITTEN.stream().map(Seed::id).toList());
        for (int i = 0; i < WRITTEN.size(); i++) {
            Seed before = WRITTEN.get(i);
            Seed after = placed.get(i);
            ZonedDateTime start = before.startsAt().atZone(AMSTERDAM);
            assertThat(after.startsAt().atZone(AMSTERDAM)).as(before.id()).isEqualTo(start.plusWeeks(weeks));
            assertThat(after.startsAt().atZone(AMSTERDAM).getDayOfWeek()).isEqualTo(start.getDayOfWeek());
            assertThat(after.startsAt().atZone(AMSTERDAM).toLocalTime()).isEqualTo(start.toLocalTime());
            assertThat(after.endsAt().atZone(AMSTERDAM).toLocalTime()).isEqualTo(before.endsAt().atZone(AMSTERDAM).toLocalTime());
            if (before.registrationClosesAt() != null) {
                assertThat(after.registrationClosesAt().atZone(AMSTERDAM))
                        .isEqualTo(before.registrationClosesAt().atZone(AMSTERDAM).plusWeeks(weeks));
            }
            assertThat(after.rest()).as("all but the dates, as written").isEqualTo(before.rest());
        }
    }

    @Test
    void aSampleEventsDatesMoveWithTheSeedEventTheyDescribe() throws IOException {
        Instant now = Instant.parse("2031-10-26T00:30:00Z");
        Map<String, Seed> placed = seed(now).stream().collect(Collectors.toMap(Seed::id, Function.identity()));
        String sample = Files.readString(RepositoryRoot.path().resolve("events/admin-update-event.json"));

        JsonNode moved = Jackson.MAPPER.readTree(Jackson.MAPPER.readTree(SeedData.moveDates(sample, now)).get("body").asText());

        // The sample changes wvhv-2027-03-16-utrecht keeping its times: they still match the moved seed event.
        Seed utrecht = placed.get("wvhv-2027-03-16-utrecht");
        assertThat(Instant.parse(moved.get("startsAt").asText())).isEqualTo(utrecht.startsAt());
        assertThat(Instant.parse(moved.get("endsAt").asText())).isEqualTo(utrecht.endsAt());
        assertThat(Instant.parse(moved.get("registrationClosesAt").asText())).isEqualTo(utrecht.registrationClosesAt());
    }
}
