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
    /**
     * Every kind of registration mail composed once (Dutch dates and times, the calendar message):
     * the functions that write them compose them in the request now, so priming loads what that
     * needs (locale data, formatters) before the snapshot. Nothing is sent or stored.
     */
    static void mails() {
        Instant now = Instant.now();
        Event event = event(now);
        Registration registration = registration(event, now);
        RegistrationMails mails = new RegistrationMails("rehearsal@example.org");
        for (RegistrationMails.Kind kind : RegistrationMails.Kind.values()) {
            mails.compose(kind, registration, event, "https://www.mensenmakennederland.nl/beheer.html", now);
        }
    }

    static void transaction(ManageLinks links) {
        RegistrationStore offline = new RegistrationStore(AwsClients.offline(DynamoDbClient.builder(), "{}"),
                "rehearsal", new Outbox("rehearsal"));
        Instant now = Instant.now();
        Event event = event(now);
        Registration registration = registration(event, now);
        offline.register(event, registration, List.of("rehearsal"),
                new RegistrationMails("rehearsal@example.org").compose(RegistrationMails.Kind.CONFIRMED, registration, event, null, now), Optional.empty(),
                links.expiresAt(event));
    }

    private static Event event(Instant now) {
        return new Event("rehearsal", EventType.KENNISBOOST, "Rehearsal", null, now.plus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(30).plusHours(1)), null, true, "https://live.mensenmakennederland.nl/rehearsal",
                1, true, null, SeatLedger.empty(10));
    }

    private static Registration registration(Event event, Instant now) {
        return new Registration("rehearsal", event.id(), RegistrationStatus.CONFIRMED, 1,
                "Rehearsal", "rehearsal@example.org", null, null, now);
    }
}
