package nl.mensenmakennederland.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import nl.mensenmakennederland.testing.SeedData;

/** The campaign's seed events (testkit's {@link SeedData}) as this job stores them, read with its own create-event form. */
final class SeedEvents {

    private SeedEvents() {}

    static List<Event> at(Instant now) {
        return SeedData.events(now).stream().map(SeedEvents::event).toList();
    }

    /** Stores the seed as it stands at {@code now}: pass the fixed clock's instant of a test. */
    static void load(EventStore store, Instant now) {
        at(now).forEach(store::put);
    }

    private static Event event(JsonNode seed) {
        return EventForm.parse(seed).toEvent(seed.get("id").asText());
    }
}
