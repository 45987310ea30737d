package nl.mensenmakennederland.oproep;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.PostPolicySigner;
import nl.mensenmakennederland.testing.ApiRequests;
import nl.mensenmakennederland.testing.EmulatorClients;
import nl.mensenmakennederland.testing.Faults;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.MotoServer;
import nl.mensenmakennederland.testing.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Oproep functions wired as template.yaml configures them, against an emulator with the seed
 * variants. Its DynamoDB client is its own, built afresh as a new execution environment builds
 * it, so that what one test's faults did to a client (its retry token bucket) does not reach the next.
 */
public final class OproepBackend {

    public final LocalAws aws;
    public final DynamoDbClient dynamoDb;
    public final String table;
    public final DownloadLinks links;
    public final DownloadCounter counter;
    public final ListVariantsHandler list;
    public final DownloadVariantHandler download;
    public final DownloadStatsHandler stats;
    public final ReplayMissedCountsHandler replay;
    public final StartVariantUploadHandler startUpload;
    public final PutVariantHandler putVariant;
    public final CreatePosterHandler poster;
    private final Clock clock;

    /** Attempts the SDK makes per call before the code sees a refusal (shared.AwsClients). */
    private static final int AWS_ATTEMPTS = 5;

    public OproepBackend(LocalAws aws, Clock clock) {
        this.aws = aws;
        this.clock = clock;
        this.dynamoDb = AwsClients.configure(DynamoDbClient.builder(), SamTemplate.REGION, EmulatorClients.CREDENTIALS,
                aws.endpoint()).build();
        Map<String, String> env = aws.template().function("DownloadVariantFunction").environment();
        this.table = env.get("OPROEP_TABLE");
        this.links = new DownloadLinks(aws.clients().presigner(), env.get("ASSETS_BUCKET"));
        this.counter = new DownloadCounter(dynamoDb, table, clock);
        this.list = new ListVariantsHandler(new VariantCatalog(dynamoDb, table), links);
        this.download = new DownloadVariantHandler(new DownloadDesk(dynamoDb, table, links, clock));
        this.stats = new DownloadStatsHandler(new DownloadStats(dynamoDb, table), clock);
        this.replay = new ReplayMissedCountsHandler(counter);
        String bucket = env.get("ASSETS_BUCKET");
        this.startUpload = new StartVariantUploadHandler(new VariantCatalog(dynamoDb, table), new VariantUploads(
                new PostPolicySigner(EmulatorClients.CREDENTIALS, SamTemplate.REGION, clock), bucket, aws.endpoint() + "/" + bucket));
        this.putVariant = new PutVariantHandler(new VariantCatalog(dynamoDb, table), new AssetFiles(aws.clients().s3(), bucket));
        this.poster = new CreatePosterHandler(new AssetFiles(aws.clients().s3(), bucket), links,
                new DownloadDesk(dynamoDb, table, links, clock), clock);
    }

    /** A wiped emulator with the seed variants, and the functions on it. */
    public static OproepBackend freshWithSeedVariants(LocalAws aws, Clock clock) {
        aws.reset();
        SeedVariants.load(aws);
        return new OproepBackend(aws, clock);
    }

    /** The same functions at another time (a new day), on the same tables. */
    public OproepBackend at(Clock clock) {
        return new OproepBackend(aws, clock);
    }

    /** A download as API Gateway hands it over, from one IP address and browser. */
    public static APIGatewayV2HTTPEvent downloadRequest(String variantId, Map<String, String> query, String ip, String userAgent) {
        return downloadRequest("GET", variantId, query, ip, userAgent, Map.of());
    }

    public static APIGatewayV2HTTPEvent downloadRequest(String method, String variantId, Map<String, String> query, String ip,
                                                        String userAgent, Map<String, String> headers) {
        Map<String, String> allHeaders = new HashMap<>(headers);
        if (userAgent != null) {
            allHeaders.put("user-agent", userAgent);
        }
        String path = "/oproep/variants/" + variantId + "/download";
        APIGatewayV2HTTPEvent event = ApiRequests.request(method + " /oproep/variants/{id}/download", path,
                Map.of("id", variantId), query, allHeaders, null);
        if (userAgent == null) {
            event.getHeaders().remove("user-agent");
        }
        event.getRequestContext().getHttp().setSourceIp(ip);
        return event;
    }

    public static APIGatewayV2HTTPEvent statsRequest(Map<String, String> query, String accept) {
        return ApiRequests.withJwtGroups(ApiRequests.request("GET /admin/oproep/stats", "/admin/oproep/stats", Map.of(), query,
                Map.of("accept", accept), null), "[admins]");
    }

    /**
     * One download whose count is queued as missed, as it happens under load: every attempt of its
     * first write throttled. A download without faults first makes sure the day's salt exists.
     */
    public void queueMissedDownload(MotoServer moto) {
        DownloadDesk desk = new DownloadDesk(dynamoDb, table, links, clock);
        DownloadDesk.Visitor visitor = new DownloadDesk.Visitor("198.51.100.200", "Mozilla/5.0 (fixture)", false);
        desk.download("regionaal-advertentie-a4", OrgType.ONBEKEND, java.util.Optional.empty(), visitor);
        try (var faults = moto.inject(Faults.seeded(7).throttledWrites(Faults.Share.all().times(AWS_ATTEMPTS)))) {
            var counted = desk.download("lokaal-poster-a3", OrgType.ONBEKEND, java.util.Optional.empty(), visitor);
            if (!(counted instanceof DownloadDesk.Result.Redirect redirect && redirect.counted() instanceof DownloadCounter.Outcome.Queued)) {
                throw new IllegalStateException("The download was not queued: " + counted);
            }
        }
    }

    /** Every item of the Oproep table, as an operator would export it. */
    public List<Map<String, AttributeValue>> everything() {
        return aws.clients().dynamoDb().scan(r -> r.tableName(table)).items();
    }
}
