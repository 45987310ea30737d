package nl.mensenmakennederland.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.outbox.Outbox;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** For SnapStart priming: what a registration writes, rehearsed where nothing is written. */
final class RegistrationRehearsal {

    private RegistrationRehearsal() {}

    /**
     * The transaction of a registration, for a made-up event, sent through a client that never
     * reaches AWS ({@link AwsClients#offline}): the write path is warm before the snapshot and
     * nothing is written anywhere.
     */
    static void transaction(ManageLinks links) {
        RegistrationStore offline = new RegistrationStore(AwsClients.offline(DynamoDbClient.builder(), "{}"),
                "rehearsal", new Outbox("rehearsal"));
        Instant now = Instant.now();
        Event event = new Event("rehearsal", EventType.KENNISBOOST, "Rehearsal", null, now.plus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(30).plusHours(1)), null, true, "https://live.mensenmakennederland.nl/rehearsal",
                1, true, null, SeatLedger.empty(10));
        Registration registration = new Registration("rehearsal", event.id(), RegistrationStatus.CONFIRMED, 1,
                "Rehearsal", "rehearsal@example.org", null, null, now);
        offline.register(event, registration, List.of("rehearsal"),
                new RegistrationMails("rehearsal@example.org").compose(RegistrationMails.Kind.CONFIRMED, registration, event, null, now), Optional.empty(),
                links.expiresAt(event));
    }
}
