package nl.mensenmakennederland.local;

import java.util.Optional;
import nl.mensenmakennederland.events.EventForm;
import nl.mensenmakennederland.events.EventStore;
import nl.mensenmakennederland.oproep.Audience;
import nl.mensenmakennederland.oproep.Variant;
import nl.mensenmakennederland.oproep.VariantCatalog;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.OproepSeed;
import nl.mensenmakennederland.testing.SamTemplate;
import nl.mensenmakennederland.testing.SeedData;
import nl.mensenmakennederland.testing.SesIdentity;
import nl.mensenmakennederland.testing.SigningKeyParameter;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;

/**
 * What a deployment has before the first request, made afresh in the emulator on every start:
 * the template's tables and buckets, the sample events (placed ahead of today: a demo run in
 * any year shows a campaign to come, see SeedData), the Oproep's variants with small generated
 * files and previews in the assets bucket (OproepSeed), a random manage-link signing key in
 * Parameter Store, and the verified SES sender identity.
 */
final class LocalSetup {

    private LocalSetup() {}

    static void prepare(LocalAws aws) {
        aws.reset();
        EventStore events = new EventStore(aws.clients().dynamoDb(), aws.name("EventsTable"));
        // Each seed event is written as the admins' create-event form: read it with that form.
        SeedData.events().forEach(seed -> events.put(EventForm.parse(seed).toEvent(seed.get("id").asText())));
        VariantCatalog variants = new VariantCatalog(aws.clients().dynamoDb(), aws.name("OproepTable"));
        OproepSeed.upload(aws).forEach(seed -> variants.put(new Variant(seed.id(), seed.title(),
                Audience.ofCode(seed.audience()).orElseThrow(), seed.format(), seed.dimensions(), seed.fileType(),
                seed.sizeBytes(), seed.language(), seed.objectKey(), seed.previewKey(), seed.retired())));
        SamTemplate template = aws.template();
        parameter(template, "TokenKeyParameter").ifPresent(name -> SigningKeyParameter.put(aws, name, SigningKeyParameter.newKey()));
        // SES sends only from a verified identity; verifying the domain covers every address in it.
        parameter(template, "SenderAddress").ifPresent(sender -> {
            try {
                SesIdentity.verify(aws, sender);
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
}
