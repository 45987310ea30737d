package nl.mensenmakennederland.events;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The campaign's kinds of event, by the slug the website filters on. */
public enum EventType {
    KENNISBOOST("kennisboost"),
    WEEK_VAN_HET_VRAGEN("week-van-het-vragen"),
    EXPEDITIE("expeditie");

    private final String slug;

    EventType(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<EventType> fromSlug(String slug) {
        for (EventType type : values()) {
            if (type.slug.equals(slug)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static String slugs() {
        return Arrays.stream(values()).map(EventType::slug).collect(Collectors.joining(", "));
    }
}
