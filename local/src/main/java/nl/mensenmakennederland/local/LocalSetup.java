package nl.mensenmakennederland.local;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import nl.mensenmakennederland.events.EventStore;
import nl.mensenmakennederland.oproep.OproepSeed;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.SamTemplate;
import nl.mensenmakennederland.testing.SeedData;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * What a deployment has before the first request, made afresh in the emulator on every start:
 * the template's tables and buckets, the sample events (placed ahead of today: a demo run in
 * any year shows a campaign to come, see SeedData), the Oproep's variants with small generated
 * files and previews in the assets bucket (OproepSeed), a random manage-link signing key in
 * Parameter Store, and the verified SES sender identity.
 */
final class LocalSetup {

    private LocalSetup() {}

    static void prepare(LocalAws aws, SsmClient ssm) {
        aws.reset();
        SeedData.loadEvents(new EventStore(aws.clients().dynamoDb(), aws.name("EventsTable")));
        OproepSeed.load(aws);
        SamTemplate template = aws.template();
        parameter(template, "TokenKeyParameter").ifPresent(name -> ssm.putParameter(r -> r.name(name)
                .type(ParameterType.SECURE_STRING).overwrite(true).value(randomKey())));
        // SES sends only from a verified identity; verifying the domain covers every address in it.
        parameter(template, "SenderAddress").ifPresent(sender -> {
            try {
                aws.clients().ses().createEmailIdentity(r -> r.emailIdentity(sender.substring(sender.indexOf('@') + 1)));
            } catch (AlreadyExistsException verifiedBefore) {
                // an external emulator keeps identities between runs
            }
        });
    }

    private static Optional<String> parameter(SamTemplate template, String name) {
        try {
            return Optional.of(template.parameter(name));
        } catch (IllegalArgumentException absent) {
            return Optional.empty();
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
