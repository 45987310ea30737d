package nl.mensenmakennederland.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.mensenmakennederland.events.Event;
import nl.mensenmakennederland.events.EventStore;
import nl.mensenmakennederland.events.EventType;
import nl.mensenmakennederland.events.SeatLedger;
import nl.mensenmakennederland.shared.Json;

/** The campaign's sample events in {@code seed/events.json}, used by the tests and the local run. */
public final class SeedData {

    private SeedData() {}

    public static List<Event> events() {
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

    public static void loadEvents(EventStore store) {
        events().forEach(store::put);
    }
}
