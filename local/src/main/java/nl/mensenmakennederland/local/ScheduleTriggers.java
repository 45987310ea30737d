package nl.mensenmakennederland.local;

import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /_local/schedules/<function>}: runs a scheduled function now, as its schedule would
 * (the morning digest, the sweeper, ...), and answers what the function returned. Same-origin
 * only, like the other local endpoints: a POST from another page cannot read the answer.
 */
final class ScheduleTriggers {

    static final String PATH = "/_local/schedules/";

    private final Map<String, ScheduleSource> schedules;

    ScheduleTriggers(Map<String, ScheduleSource> schedules) {
        this.schedules = Map.copyOf(schedules);
    }

    Optional<LocalResponse> post(String rawPath) {
        if (!rawPath.startsWith(PATH)) {
            return Optional.empty();
        }
        ScheduleSource schedule = schedules.get(rawPath.substring(PATH.length()));
        if (schedule == null) {
            return Optional.of(LocalResponse.of(404, "application/json", "{\"message\":\"No scheduled function by that name\"}"));
        }
        return Optional.of(LocalResponse.of(200, "application/json", schedule.fire()));
    }
}
