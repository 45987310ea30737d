package nl.mensenmakennederland.events;

import java.util.OptionalInt;
import nl.mensenmakennederland.shared.UtcTime;

/** A registrant looking at their registration through the manage link. */
public final class Viewing {

    /** A registration as its owner sees it through the manage link. */
    public record RegistrationView(String registrationId, String status, int seats, Integer waitlistPosition,
                                   String name, String email, String organisation, String municipality,
                                   String createdAt, EventSummary event) {}

    public record EventSummary(String id, String title, String startsAt, String endsAt, String location,
                               boolean online, String onlineUrl) {}

    /** What opening the link came to; a refused link or unknown registration are {@link ManageLinks}' outcomes. */
    public sealed interface Outcome permits Viewed, NoSuchEvent, ManageLinks.Refused, ManageLinks.NoSuchRegistration {}

    public record Viewed(RegistrationView view) implements Outcome {}

    /** The registration's event is gone. */
    public record NoSuchEvent() implements Outcome {}

    private final EventStore events;
    private final ManageLinks links;

    public Viewing(EventStore events, ManageLinks links) {
        this.events = events;
        this.links = links;
    }

    /** The registration behind the link; the event's online link only once a seat is confirmed. */
    public Outcome view(String registrationId, String token) {
        return switch (links.open(registrationId, token)) {
            case ManageLinks.Refused refused -> refused;
            case ManageLinks.NoSuchRegistration none -> none;
            case ManageLinks.Opened opened -> events.find(opened.registration().eventId())
                    .<Outcome>map(event -> new Viewed(view(opened.registration(), event)))
                    .orElseGet(NoSuchEvent::new);
        };
    }

    private static RegistrationView view(Registration registration, Event event) {
        OptionalInt position = event.seats().positionOf(registration.id());
        boolean confirmed = registration.status() == RegistrationStatus.CONFIRMED;
        return new RegistrationView(registration.id(), registration.status().code(), registration.seats(),
                position.isPresent() ? position.getAsInt() : null,
                registration.name(), registration.email(), registration.organisation(), registration.municipality(),
                UtcTime.format(registration.createdAt()),
                new EventSummary(event.id(), event.title(), UtcTime.format(event.startsAt()), UtcTime.format(event.endsAt()),
                        event.location(), event.online(), confirmed ? event.onlineUrl() : null));
    }
}
