package nl.mensenmakennederland.digest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import nl.mensenmakennederland.oproep.OrgType;
import nl.mensenmakennederland.prizes.Rejection;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.MotoServer;
import nl.mensenmakennederland.testing.SamTemplate;

/**
 * How long the morning digest takes for a whole campaign, against moto: {@code events}
 * events with {@code registrations} registrations between them (made through the registration
 * desk over the past weeks, many yesterday), {@code entries} prize entries scored by six jurors,
 * and {@code downloads} Oproep downloads (all yesterday: the most counters one digest reads).
 * Times the digest's composition (the preview: every read, the mail) and one real send.
 * A measurement, not a test (README, The admins' morning digest): after
 * {@code ./mvnw -q -pl functions/digest -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt},
 * from the repository root: {@code java -cp functions/digest/target/test-classes:functions/digest/target/classes:$(cat functions/digest/target/test-classpath.txt)
 * nl.mensenmakennederland.digest.DigestMeasurement 300 20000 200 50000}.
 */
final class DigestMeasurement {

    static final Instant MORNING = Instant.parse("2027-02-10T06:00:00Z");
    static final LocalDate YESTERDAY = LocalDate.of(2027, 2, 9);

    private DigestMeasurement() {}

    /** The official names, from the list the functions ship. */
    private static List<String> municipalities() throws java.io.IOException {
        try (var in = DigestMeasurement.class.getResourceAsStream("/municipalities.tsv")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank()).map(line -> line.split("\t")[1]).toList();
        }
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(args[0]);
        int registrations = Integer.parseInt(args[1]);
        int entries = Integer.parseInt(args[2]);
        int downloads = Integer.parseInt(args[3]);
        Path log = Files.createDirectories(Path.of("functions", "digest", "target")).resolve("measurement-moto.log");
        try (LocalAws aws = new LocalAws(SamTemplate.load(), MotoServer.start(log))) {
            aws.reset();
            Campaign campaign = new Campaign(aws);
            Random random = new Random(20270210);
            long start = System.nanoTime();
            List<String> eventIds = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                String id = "kb-bench-" + i;
                // From three weeks ago to three months ahead; room for everyone registering.
                campaign.event(id, "Kennisboost " + i, MORNING.plus(Duration.ofDays(-21 + random.nextInt(111))).plusSeconds(11 * 3600),
                        2 * registrations / events + 10);
                eventIds.add(id);
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < registrations; i++) {
                String eventId = eventIds.get(random.nextInt(events));
                // A third yesterday, the rest over the four weeks before it (before their event started).
                Instant at = i % 3 == 0 ? Instant.parse("2027-02-09T08:00:00Z").plusSeconds(random.nextInt(12 * 3600))
                        : MORNING.minus(Duration.ofDays(2 + random.nextInt(26)));
                try {
                    names.add(campaign.register(eventId, "Deelnemer " + i, at));
                } catch (AssertionError closed) { // registered after its event started: left out
                    names.add(null);
                }
            }
            Collections.shuffle(names, random);
            for (int i = 0; i < registrations / 50; i++) { // one in fifty cancels, yesterday
                if (names.get(i) != null) {
                    campaign.cancel(names.get(i), Instant.parse("2027-02-09T20:00:00Z"));
                }
            }
            Instant kept = Instant.parse("2027-08-29T22:00:00Z");
            for (int i = 0; i < entries; i++) {
                Instant at = MORNING.minus(Duration.ofDays(1 + random.nextInt(40)));
                String id = campaign.entry("Vlog " + i, at, i % 10 == 9 ? Rejection.NOT_A_VIDEO : null, kept);
                for (int juror = 0; juror < 6 && i % 10 != 9; juror++) {
                    if (random.nextInt(3) > 0) {
                        campaign.score(id, "juror-" + juror, at.plus(Duration.ofDays(1)));
                    }
                }
            }
            List<String> municipalities = municipalities();
            OrgType[] orgTypes = OrgType.values();
            List<String> variants = List.of("affiche-a3", "affiche-a4", "social-vierkant", "social-staand", "flyer", "poster");
            for (int i = 0; i < downloads; i++) {
                campaign.download(variants.get(random.nextInt(variants.size())), YESTERDAY, orgTypes[random.nextInt(orgTypes.length)],
                        municipalities.get(random.nextInt(municipalities.size())), "visitor-" + random.nextInt(downloads / 2));
            }
            System.out.printf("populated in %.0f s: %d events, %d registrations, %d entries, %d downloads%n",
                    (System.nanoTime() - start) / 1e9, events, registrations, entries, downloads);

            // The digest's own client, counting what it asks DynamoDB and how many items come back.
            java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong items = new java.util.concurrent.atomic.AtomicLong();
            software.amazon.awssdk.services.dynamodb.DynamoDbClient counted = nl.mensenmakennederland.shared.AwsClients.configure(
                    software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder(), SamTemplate.REGION,
                    nl.mensenmakennederland.testing.EmulatorClients.CREDENTIALS, aws.endpoint())
                    .overrideConfiguration(o -> o.addExecutionInterceptor(new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                        @Override
                        public void afterExecution(software.amazon.awssdk.core.interceptor.Context.AfterExecution context,
                                                   software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                            requests.incrementAndGet();
                            if (context.response() instanceof software.amazon.awssdk.services.dynamodb.model.QueryResponse query) {
                                items.addAndGet(query.count());
                            } else if (context.response() instanceof software.amazon.awssdk.services.dynamodb.model.ScanResponse scan) {
                                items.addAndGet(scan.count());
                            }
                        }
                    })).build();
            MorningDigest digest = new MorningDigest(counted, campaign.tables(),
                    new MorningDigest.Settings(List.of("campagne@nov.example"), true, "https://www.mensenmakennederland.nl",
                            Duration.ofDays(90)), Clock.fixed(MORNING, ZoneOffset.UTC));
            List<Long> millis = new ArrayList<>();
            MorningDigest.Preview preview = null;
            for (int run = 0; run < 5; run++) {
                long t0 = System.nanoTime();
                preview = digest.preview();
                millis.add((System.nanoTime() - t0) / 1_000_000);
            }
            System.out.printf("one composition: %d DynamoDB requests, %d items read%n", requests.get() / 5, items.get() / 5);
            long t0 = System.nanoTime();
            MorningDigest.Outcome sent = digest.send();
            long sendMillis = (System.nanoTime() - t0) / 1_000_000;
            Collections.sort(millis);
            System.out.println("compose (preview) ms, 5 runs sorted: " + millis + "; median " + millis.get(2));
            System.out.println("send ms: " + sendMillis + " -> " + sent);
            System.out.println(preview.text());
        }
    }
}
