package nl.mensenmakennederland.oproep;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.Log;
import nl.mensenmakennederland.shared.Metrics;
import nl.mensenmakennederland.shared.Metrics.Metric;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A download of the Oproep: finds the variant, counts the download, hands out the link. The
 * link matters more than the count ({@link DownloadCounter} queues what it cannot write), and
 * the variants are read at most once a {@link #VARIANTS_FRESH minute} per execution environment,
 * so a burst of downloads costs no reads and survives a short DynamoDB hiccup on the old list.
 */
public final class DownloadDesk {

    /** How long a retired or new variant may take to be refused or offered. */
    static final Duration VARIANTS_FRESH = Duration.ofMinutes(1);
    /** The id the toolkit poster is counted under, beside the variants. */
    public static final String POSTER = "poster";

    /**
     * Who asks, as far as counting needs: the IP address and user agent are only ever hashed,
     * in memory, under the day's key; {@code automated} says a machine asks ({@link AutomatedFetches}).
     */
    public record Visitor(String ip, String userAgent, boolean automated) {

        /** Without the IP address and user agent, should a visitor ever be logged or put in a message. */
        @Override
        public String toString() {
            return "Visitor[automated=" + automated + "]";
        }
    }

    /** What a download request comes to. */
    public sealed interface Result {
        /** No such variant, or retired. */
        record NotFound() implements Result {}
        /** The file's link, and what became of the count. */
        record Redirect(URI location, DownloadCounter.Outcome counted) implements Result {}
    }

    private record Listing(Instant readAt, Map<String, Variant> current) {}

    private final VariantCatalog catalog;
    private final DailySalts salts;
    private final DownloadCounter counter;
    private final DownloadLinks links;
    private final Clock clock;
    private volatile Listing listing;

    public DownloadDesk(DynamoDbClient dynamo, String table, DownloadLinks links, Clock clock) {
        this.catalog = new VariantCatalog(dynamo, table);
        this.salts = new DailySalts(dynamo, table);
        this.counter = new DownloadCounter(dynamo, table, clock);
        this.links = links;
        this.clock = clock;
    }

    public static DownloadDesk fromEnvironment() {
        return new DownloadDesk(AwsClients.dynamoDb(), Env.system().required("OPROEP_TABLE"), DownloadLinks.fromEnvironment(),
                Clock.systemUTC());
    }

    public Result download(String variantId, OrgType orgType, Optional<String> municipality, Visitor visitor) {
        Variant variant = current().get(variantId);
        if (variant == null) {
            return new Result.NotFound();
        }
        LocalDate day = CampaignDay.of(clock.instant());
        String fingerprint = visitor.automated() ? null : fingerprint(visitor, variantId, day);
        DownloadCounter.Outcome counted = counter.count(
                new Download(variantId, day, orgType, municipality.orElse(null), visitor.automated(), fingerprint));
        Metrics.count(visitor.automated() ? Metric.OPROEP_AUTOMATED_FETCH : Metric.OPROEP_DOWNLOADED);
        return new Result.Redirect(links.download(variant), counted);
    }

    /** A toolkit poster made: counted as a download of the variant {@value #POSTER}, with the municipality when the place is one. */
    public DownloadCounter.Outcome countPoster(OrgType orgType, Optional<String> municipality, Visitor visitor) {
        LocalDate day = CampaignDay.of(clock.instant());
        String fingerprint = visitor.automated() ? null : fingerprint(visitor, POSTER, day);
        DownloadCounter.Outcome counted = counter.count(
                new Download(POSTER, day, orgType, municipality.orElse(null), visitor.automated(), fingerprint));
        Metrics.count(visitor.automated() ? Metric.OPROEP_AUTOMATED_FETCH : Metric.OPROEP_DOWNLOADED);
        return counted;
    }

    /**
     * What a download does beyond reading, for SnapStart priming, against a DynamoDB client that
     * never reaches AWS: the day's key read, the visitor's marker and count written, the link
     * signed. Nothing is stored and nothing counted in the metrics.
     */
    void rehearse() {
        DynamoDbClient offline = AwsClients.offline(DynamoDbClient.builder(), OFFLINE_SALT);
        LocalDate day = CampaignDay.of(clock.instant());
        String fingerprint = new DailySalts(offline, "priming").of(day).sign("oproep-visitor", "priming");
        new DownloadCounter(offline, "priming", clock).count(
                new Download("priming", day, OrgType.ONBEKEND, "Utrecht", false, fingerprint));
        links.download(new Variant("priming", "Priming", Audience.LANDELIJK, "A4", "210 x 297 mm", "pdf", 1, "nl",
                "priming/priming.pdf", null, false));
    }

    /** Every offline call answers this: a stored salt for the key's read; the writes ignore it. */
    private static final String OFFLINE_SALT =
            "{\"Item\":{\"salt\":{\"B\":\"cHJpbWluZy1wcmltaW5nLXByaW1pbmctcHJpbWluZy0=\"}}}";

    /** The variants on offer, read again when the list is older than {@link #VARIANTS_FRESH}. */
    public List<Variant> variants() {
        return List.copyOf(current().values());
    }

    private Map<String, Variant> current() {
        Listing known = listing;
        Instant now = clock.instant();
        if (known != null && known.readAt().plus(VARIANTS_FRESH).isAfter(now)) {
            return known.current();
        }
        try {
            Map<String, Variant> read = catalog.current().stream()
                    .collect(Collectors.toUnmodifiableMap(Variant::id, Function.identity()));
            listing = new Listing(now, read);
            return read;
        } catch (SdkException unavailable) {
            if (known == null) {
                throw unavailable;
            }
            Log.warn("oproep.variants.stale", "errorType", unavailable.getClass().getSimpleName());
            return known.current();
        }
    }

    /**
     * The visitor's keyed hash for this variant and day: the same for their every download of it
     * today, unrelated to anything once the day's key is gone. Without the key (DynamoDB
     * refused it) there is none, and the download counts without telling whether it is unique.
     */
    private String fingerprint(Visitor visitor, String variantId, LocalDate day) {
        try {
            return salts.of(day).sign("oproep-visitor",
                    String.join("\n", visitor.ip() == null ? "" : visitor.ip(), visitor.userAgent() == null ? "" : visitor.userAgent(),
                            variantId, day.toString()));
        } catch (SdkException unavailable) {
            Log.warn("oproep.salt.unavailable", "errorType", unavailable.getClass().getSimpleName());
            return null;
        }
    }
}
