package nl.mensenmakennederland.events;

import java.time.Instant;
import nl.mensenmakennederland.shared.outbox.MailProblem;

/**
 * One person's (or organisation's) registration for an event. After a cancellation the
 * personal fields are erased; what remains counts seats.
 *
 * @param mailProblem why a mail about it did not reach the person (the mail feedback writes it), or null
 */
public record Registration(
        String id,
        String eventId,
        RegistrationStatus status,
        int seats,
        String name,
        String email,
        String organisation,
        String municipality,
        Instant createdAt,
        MailProblem mailProblem) {

    /** A registration as a job writes it: no mail problem (yet). */
    public Registration(String id, String eventId, RegistrationStatus status, int seats, String name, String email,
                        String organisation, String municipality, Instant createdAt) {
        this(id, eventId, status, seats, name, email, organisation, municipality, createdAt, null);
    }
}
