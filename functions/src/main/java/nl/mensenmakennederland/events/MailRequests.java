package nl.mensenmakennederland.events;

import java.time.Instant;
import nl.mensenmakennederland.mail.MailRequest;
import nl.mensenmakennederland.shared.Ids;

/** The mails the registration use cases add to the outbox, all built here. */
final class MailRequests {

    private MailRequests() {}

    /** A mail of {@code kind} to the registrant about {@code event}; {@code manageUrl} where the mail shows one. */
    static MailRequest about(MailRequest.Kind kind, Registration registration, Event event, String manageUrl, Instant now) {
        return new MailRequest(Ids.random(), kind, registration.email(), registration.name(), registration.id(),
                new MailRequest.EventDetails(event.id(), event.title(), event.startsAt(), event.endsAt(),
                        event.location(), event.online(), event.onlineUrl()),
                registration.seats(), manageUrl, now);
    }
}
