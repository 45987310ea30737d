package nl.mensenmakennederland.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import nl.mensenmakennederland.events.EventForm;
import nl.mensenmakennederland.events.EventStore;
import nl.mensenmakennederland.events.RegistrationDesk;
import nl.mensenmakennederland.events.RegistrationMails;
import nl.mensenmakennederland.events.RegistrationStore;
import nl.mensenmakennederland.shared.ConflictRetry;
import nl.mensenmakennederland.shared.ParameterStore;
import nl.mensenmakennederland.shared.SigningKey;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.testing.EmulatorClients;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SamTemplate;
import nl.mensenmakennederland.testing.SeedData;
import nl.mensenmakennederland.testing.SesIdentity;
import nl.mensenmakennederland.testing.SigningKeyParameter;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The events job's stores and registration desk on the emulator, configured from the template as
 * its functions are, for the fixtures to prepare what a function works on and for the checks of
 * what it did. {@link #prepare} gives the emulator what a deployment has: the seed events, a
 * signing key in Parameter Store, a verified sender.
 */
record EventsJob(EventStore events, RegistrationStore registrations, RegistrationDesk desk) {

    static EventsJob prepare(LocalAws aws) {
        Map<String, String> env = aws.template().function("RegisterFunction").environment();
        SigningKeyParameter.put(aws, env.get("TOKEN_KEY_PARAMETER"), SigningKeyParameter.newKey());
        SesIdentity.verify(aws, env.get("SENDER_ADDRESS"));
        EventStore events = new EventStore(aws.clients().dynamoDb(), env.get("EVENTS_TABLE"));
        SeedData.events().forEach(seed -> events.put(EventForm.parse(seed).toEvent(seed.get("id").asText())));
        RegistrationStore registrations = new RegistrationStore(aws.clients().dynamoDb(), env.get("EVENTS_TABLE"),
                new Outbox(env.get("OUTBOX_TABLE")));
        SigningKey key = new SigningKey(new ParameterStore(UrlConnectionHttpClient.create(), EmulatorClients.CREDENTIALS,
                SamTemplate.REGION, URI.create(aws.endpoint())), env.get("TOKEN_KEY_PARAMETER"));
        RegistrationDesk desk = new RegistrationDesk(events, registrations, key, Clock.systemUTC(), ConflictRetry.standard(),
                env.get("SITE_ORIGIN"), Duration.ofDays(Integer.parseInt(env.get("RETENTION_DAYS"))),
                new RegistrationMails(env.get("SENDER_ADDRESS")));
        return new EventsJob(events, registrations, desk);
    }
}
