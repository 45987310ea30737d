package nl.mensenmakennederland.bench;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import nl.mensenmakennederland.oproep.Audience;
import nl.mensenmakennederland.oproep.DownloadCounter;
import nl.mensenmakennederland.oproep.DownloadDesk;
import nl.mensenmakennederland.oproep.DownloadLinks;
import nl.mensenmakennederland.oproep.OrgType;
import nl.mensenmakennederland.oproep.Variant;
import nl.mensenmakennederland.oproep.VariantCatalog;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.testing.EmulatorClients;
import nl.mensenmakennederland.testing.Faults;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.OproepSeed;
import nl.mensenmakennederland.testing.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The oproep job's tables on the emulator, configured from the template as its functions are:
 * the seed variants stored for the functions to serve, and a download whose count could not be
 * written, queued, for the replay function to find.
 */
final class OproepJob {

    /** What the SDK tries per call (shared.AwsClients): refusing that many writes makes a count queue. */
    private static final int AWS_ATTEMPTS = 5;

    private OproepJob() {}

    static void seed(LocalAws aws) {
        VariantCatalog catalog = new VariantCatalog(aws.clients().dynamoDb(), aws.name("OproepTable"));
        OproepSeed.upload(aws).forEach(seed -> catalog.put(new Variant(seed.id(), seed.title(),
                Audience.ofCode(seed.audience()).orElseThrow(), seed.format(), seed.dimensions(), seed.fileType(),
                seed.sizeBytes(), seed.language(), seed.objectKey(), seed.previewKey(), seed.retired())));
    }

    static void queueMissedDownload(LocalAws aws) {
        Map<String, String> env = aws.template().function("DownloadVariantFunction").environment();
        DynamoDbClient dynamoDb = AwsClients.configure(DynamoDbClient.builder(), SamTemplate.REGION, EmulatorClients.CREDENTIALS,
                aws.endpoint()).build();
        DownloadDesk desk = new DownloadDesk(dynamoDb, env.get("OPROEP_TABLE"),
                new DownloadLinks(aws.clients().presigner(), env.get("ASSETS_BUCKET")), Clock.systemUTC());
        DownloadDesk.Visitor visitor = new DownloadDesk.Visitor("198.51.100.200", "Mozilla/5.0 (bench)", false);
        // A first download makes the day's salt and this visitor's unique, so that under the fault
        // only the count's write is refused, as often as the SDK tries.
        desk.download("regionaal-advertentie-a4", OrgType.ONBEKEND, Optional.empty(), visitor);
        try (var faults = aws.moto().orElseThrow().inject(Faults.seeded(7).throttledWrites(Faults.Share.all().times(AWS_ATTEMPTS)))) {
            var counted = desk.download("lokaal-poster-a3", OrgType.ONBEKEND, Optional.empty(), visitor);
            if (!(counted instanceof DownloadDesk.Result.Redirect redirect
                    && redirect.counted() instanceof DownloadCounter.Outcome.Queued)) {
                throw new IllegalStateException("The download was not queued: " + counted);
            }
        }
    }
}
