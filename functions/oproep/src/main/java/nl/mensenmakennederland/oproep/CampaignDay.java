package nl.mensenmakennederland.oproep;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Downloads are counted per day as the organisers live it: the calendar day in the Netherlands. */
final class CampaignDay {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private CampaignDay() {}

    static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** When the day is over, in epoch seconds: the expiry of what is only needed during the day. */
    static long endEpochSecond(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toEpochSecond();
    }
}
