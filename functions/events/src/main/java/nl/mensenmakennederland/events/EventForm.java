package nl.mensenmakennederland.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.mensenmakennederland.shared.http.Problem;
import nl.mensenmakennederland.shared.http.Problem.FieldError;

/**
 * An event as admins create or change it, checked field by field. The id is the event's
 * readable slug; it is fixed once created.
 */
public record EventForm(
        EventType type,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        String location,
        boolean online,
        String onlineUrl,
        int capacity,
        int maxSeatsPerRegistration,
        boolean waitlist,
        Instant registrationClosesAt) {

    static final int MAX_CAPACITY = 10_000;
    static final int MAX_SEATS_PER_REGISTRATION = 50;

    public static EventForm parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        EventType type = EventType.fromSlug(body.path("type").asText("")).orElse(null);
        if (type == null) {
            errors.add(new FieldError("type", "Kies een type: " + EventType.slugs() + "."));
        }
        String title = text(body, "title");
        if (title == null || title.length() < 3 || title.length() > 140) {
            errors.add(new FieldError("title", "Geef een titel van 3 tot 140 tekens."));
        }
        String description = text(body, "description");
        if (description != null && description.length() > 2000) {
            errors.add(new FieldError("description", "De beschrijving mag maximaal 2000 tekens zijn."));
        }
        Instant startsAt = instant(body, "startsAt", errors);
        Instant endsAt = instant(body, "endsAt", errors);
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            errors.add(new FieldError("endsAt", "Het einde moet na het begin liggen."));
        }
        boolean online = body.path("online").asBoolean(false);
        String location = text(body, "location");
        if (location == null && !online) {
            errors.add(new FieldError("location", "Geef een locatie, of maak de activiteit online."));
        } else if (location != null && location.length() > 200) {
            errors.add(new FieldError("location", "De locatie mag maximaal 200 tekens zijn."));
        }
        String onlineUrl = text(body, "onlineUrl");
        if (onlineUrl != null && !isHttps(onlineUrl)) {
            errors.add(new FieldError("onlineUrl", "Geef een https-link naar de online sessie."));
        }
        int capacity = body.path("capacity").asInt(0);
        if (!body.path("capacity").isIntegralNumber() || capacity < 1 || capacity > MAX_CAPACITY) {
            errors.add(new FieldError("capacity", "Geef een capaciteit van 1 tot " + MAX_CAPACITY + " plaatsen."));
        }
        int maxSeats = body.path("maxSeatsPerRegistration").asInt(1);
        if (body.has("maxSeatsPerRegistration") && (!body.get("maxSeatsPerRegistration").isIntegralNumber()
                || maxSeats < 1 || maxSeats > MAX_SEATS_PER_REGISTRATION)) {
            errors.add(new FieldError("maxSeatsPerRegistration",
                    "Geef een maximum van 1 tot " + MAX_SEATS_PER_REGISTRATION + " plaatsen per aanmelding."));
        }
        Instant closesAt = body.hasNonNull("registrationClosesAt") ? instant(body, "registrationClosesAt", errors) : null;
        if (closesAt != null && startsAt != null && closesAt.isAfter(startsAt)) {
            errors.add(new FieldError("registrationClosesAt", "De aanmelding moet uiterlijk bij het begin sluiten."));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid("De activiteit is nog niet compleet", errors);
        }
        return new EventForm(type, title, description, startsAt, endsAt, location, online, onlineUrl, capacity,
                maxSeats, body.path("waitlist").asBoolean(false), closesAt);
    }

    /** A new event with this form's details and no registrations yet. */
    public Event toEvent(String id) {
        return withDetails(id, SeatLedger.empty(capacity));
    }

    /** The event with this form's details and the given ledger. */
    public Event withDetails(String id, SeatLedger seats) {
        return new Event(id, type, title, description, startsAt, endsAt, location, online, onlineUrl,
                maxSeatsPerRegistration, waitlist, registrationClosesAt, seats);
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        return node.asText().strip();
    }

    private static Instant instant(JsonNode body, String field, List<FieldError> errors) {
        String value = text(body, field);
        try {
            if (value != null) {
                return Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError(field, "Geef een tijdstip in UTC, zoals 2027-01-12T18:30:00Z."));
        return null;
    }

    private static boolean isHttps(String url) {
        try {
            URI uri = URI.create(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && url.length() <= 500;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
