package nl.mensenmakennederland.events;

import java.util.Optional;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Request;

/** The query parameters the event listings filter on; an unknown value is refused with 400. */
final class EventFilters {

    private EventFilters() {}

    /** {@code ?type=}: one kind of event. */
    static Optional<EventType> type(Request request) {
        return request.query("type").map(slug -> EventType.fromSlug(slug).orElseThrow(() -> Problem.invalidParameter(
                "type", "Onbekend type '" + truncate(slug) + "'. Kies uit: " + EventType.slugs() + ".")));
    }

    /** {@code ?when=}: upcoming, running or past events. */
    static Optional<EventPhase> phase(Request request) {
        return request.query("when").map(slug -> EventPhase.fromSlug(slug).orElseThrow(() -> Problem.invalidParameter(
                "when", "Onbekend moment '" + truncate(slug) + "'. Kies uit: " + EventPhase.slugs() + ".")));
    }

    private static String truncate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
