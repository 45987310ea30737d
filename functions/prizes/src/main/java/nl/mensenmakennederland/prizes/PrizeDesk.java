package nl.mensenmakennederland.prizes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.shared.Env;
import nl.mensenmakennederland.shared.LambdaCredentials;
import nl.mensenmakennederland.shared.PostPolicySigner;
import nl.mensenmakennederland.shared.SigningKey;
import nl.mensenmakennederland.shared.SigningKeys;
import nl.mensenmakennederland.shared.outbox.Outbox;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The prize use cases wired together: entering, the upload check, the entrant's link (view,
 * withdraw), uploads in parts, and the jury's work.
 */
public record PrizeDesk(Entering entering, UploadCheck uploadCheck, EntryAccess access, ResumableUpload resumable,
                        Judging judging, EntryLinks links, EntryStore entries, Retention retention, Uploads uploads,
                        PresignedUrls urls, PrizeMails mails, VideoStore videos) {

    /** Configuration, as template.yaml sets it. */
    public record Settings(SubmissionWindow window, Instant juryDecidesAt, Duration keptAfterDecision, Duration winnersKept,
                           long maxBytes, long resumableFromBytes,
                           Duration maxDuration, Duration uploadValid, String siteOrigin, String bucket, String bucketUrl,
                           String region) {

        public static Settings fromEnvironment(Env env) {
            String bucket = env.required("UPLOADS_BUCKET");
            return new Settings(SubmissionWindow.fromEnvironment(env),
                    Instant.parse(env.required("PRIZES_JURY_DECIDES_AT")),
                    Duration.ofDays(env.integer("RETENTION_DAYS", 90)),
                    Duration.ofDays(env.integer("PRIZES_WINNER_RETENTION_DAYS", 1095)),
                    Long.parseLong(env.optional("PRIZES_MAX_UPLOAD_BYTES", Long.toString(Uploads.DEFAULT_MAX_BYTES))),
                    Long.parseLong(env.optional("PRIZES_RESUMABLE_FROM_BYTES", Long.toString(Uploads.DEFAULT_RESUMABLE_FROM_BYTES))),
                    Duration.ofSeconds(env.integer("PRIZES_MAX_VIDEO_SECONDS", 600)),
                    Duration.ofMinutes(env.integer("PRIZES_UPLOAD_MINUTES", 30)),
                    env.required("SITE_ORIGIN"), bucket, Uploads.bucketUrl(env, bucket), env.required("AWS_REGION"));
        }
    }

    public static PrizeDesk wire(Settings settings, DynamoDbClient dynamo, S3Client s3, String table, String outboxTable,
                                 Supplier<SigningKeys> keys, AwsCredentialsProvider credentials, Clock clock) {
        EntryStore entries = new EntryStore(dynamo, table, new Outbox(outboxTable));
        VideoStore videos = new VideoStore(s3, settings.bucket());
        EntryLinks links = new EntryLinks(keys, settings.siteOrigin());
        Retention retention = new Retention(settings.window(), settings.juryDecidesAt(), settings.keptAfterDecision(),
                settings.winnersKept());
        Uploads uploads = new Uploads(new PostPolicySigner(credentials, settings.region(), clock), settings.bucket(),
                settings.bucketUrl(), settings.maxBytes(), settings.resumableFromBytes(), settings.uploadValid());
        PresignedUrls presigned = new PresignedUrls(credentials, settings.region(), settings.bucketUrl(), clock, settings.uploadValid());
        PrizeMails mails = new PrizeMails(settings.siteOrigin(), settings.maxBytes(), settings.maxDuration());
        VideoSniffer sniffer = new VideoSniffer(settings.maxBytes(), settings.maxDuration().toMillis());
        return new PrizeDesk(new Entering(entries, links, uploads, retention, clock),
                new UploadCheck(entries, videos, sniffer, links, mails, retention, clock),
                new EntryAccess(entries, videos, links, retention, clock),
                new ResumableUpload(entries, links, s3, settings.bucket(), presigned, settings.maxBytes(), retention, clock),
                new Judging(entries, new ScoreStore(dynamo, table), presigned, videos, retention, clock),
                links, entries, retention, uploads, presigned, mails, videos);
    }

    /** The S3 client, built once per environment; path-style addresses when pointed at an emulator. */
    private static final class S3 {
        static final S3Client CLIENT = AwsClients.built(S3Client.class, AwsClients.configure(S3Client.builder())
                .forcePathStyle(Env.system().optional("AWS_ENDPOINT_URL", null) != null).build());
    }

    /** The desk as a function's environment (template.yaml) configures it. */
    public static PrizeDesk fromEnvironment() {
        Env env = Env.system();
        Settings settings = Settings.fromEnvironment(env);
        return wire(settings, AwsClients.dynamoDb(), S3.CLIENT, env.required("PRIZES_TABLE"), env.required("OUTBOX_TABLE"),
                SigningKey.fromEnvironment(), LambdaCredentials.fromEnvironment(), Clock.systemUTC());
    }
}
