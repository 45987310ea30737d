package nl.mensenmakennederland.events;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where an event stands in time, by the slug the admins' listing shows and filters on. */
public enum EventPhase {
    /** Not started: what the public listing shows. */
    UPCOMING("upcoming"),
    /** Started, not ended. */
    RUNNING("running"),
    /** Ended. */
    PAST("past");

    private final String slug;

    EventPhase(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<EventPhase> fromSlug(String slug) {
        return Arrays.stream(values()).filter(phase -> phase.slug.equals(slug)).findFirst();
    }

    public static String slugs() {
        return Arrays.stream(values()).map(EventPhase::slug).collect(Collectors.joining(", "));
    }
}
