package nl.mensenmakennederland.events;

import java.time.Instant;

/**
 * One person's (or organisation's) registration for an event. After a cancellation the
 * personal fields are erased; what remains counts seats.
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
        Instant createdAt) {}
