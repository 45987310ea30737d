package nl.mensenmakennederland.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTest {

    private static final Instant START = Instant.parse("2027-01-12T18:30:00Z");

    private static Event event(int capacity, int confirmed, Instant closesAt) {
        return new Event("kb-1", EventType.KENNISBOOST, "Kennisboost", null, START, START.plusSeconds(5400),
                "Online", true, null, 1, true, closesAt, new SeatLedger(capacity, confirmed, java.util.List.of(), 0));
    }

    @Test
    void registrationClosesWhenTheEventStartsUnlessAnEarlierMomentIsSet() {
        assertThat(event(50, 0, null).registrationOpen(START.minusSeconds(1))).isTrue();
        assertThat(event(50, 0, null).registrationOpen(START)).isFalse();
        Instant dayBefore = START.minusSeconds(86_400);
        assertThat(event(50, 0, dayBefore).registrationOpen(dayBefore.minusSeconds(1))).isTrue();
        assertThat(event(50, 0, dayBefore).registrationOpen(dayBefore.plusSeconds(1))).isFalse();
    }

    @Test
    void typesAreFoundByTheSlugTheWebsiteUses() {
        assertThat(EventType.fromSlug("week-van-het-vragen")).contains(EventType.WEEK_VAN_HET_VRAGEN);
        assertThat(EventType.fromSlug("Kennisboost")).isEmpty();
    }
}
