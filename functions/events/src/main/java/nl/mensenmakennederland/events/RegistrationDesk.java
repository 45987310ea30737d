package nl.mensenmakennederland.events;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.SigningKey;
import nl.mensenmakennederland.shared.SigningKeys;
import nl.mensenmakennederland.shared.outbox.Outbox;

/**
 * The registration use cases wired together: signing up, the owner's view and cancellation
 * through the manage link, and the waiting line that moves up into freed seats.
 */
public record RegistrationDesk(Registering registering, Viewing viewing, Cancelling cancelling,
                               WaitingLine waitingLine, ManageLinks links) {

    public RegistrationDesk(EventStore events, RegistrationStore registrations, Supplier<SigningKeys> keys, Clock clock,
                            ConflictRetry retry, String siteOrigin, Duration retention, RegistrationMails mails) {
        ManageLinks links = new ManageLinks(keys, clock, registrations, siteOrigin, retention);
        WaitingLine line = new WaitingLine(events, registrations, links, mails, clock, retry);
        this(new Registering(events, registrations, links, mails, line, clock, retry), new Viewing(events, links),
                new Cancelling(events, registrations, links, mails, line, clock, retry), line, links);
    }

    /** The desk as a function's environment (template.yaml) configures it. */
    public static RegistrationDesk fromEnvironment() {
        Env env = Env.system();
        return new RegistrationDesk(
                new EventStore(AwsClients.dynamoDb(), env.required("EVENTS_TABLE")),
                new RegistrationStore(AwsClients.dynamoDb(), env.required("EVENTS_TABLE"), new Outbox(env.required("OUTBOX_TABLE"))),
                SigningKey.fromEnvironment(),
                Clock.systemUTC(),
                ConflictRetry.standard(),
                env.required("SITE_ORIGIN"),
                Duration.ofDays(env.integer("RETENTION_DAYS", 90)),
                new RegistrationMails(env.required("SENDER_ADDRESS")));
    }
}
