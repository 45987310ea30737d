package nl.mensenmakennederland.digest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.testing.EmulatorClients;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.MotoServer;
import nl.mensenmakennederland.testing.SamTemplate;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * How long the morning digest takes for a whole campaign ({@link CampaignAtScale}), and how much
 * of that is the digest's own work. A measurement, not a test (README, The admins' morning
 * digest). Two runs in one:
 * <ol>
 *   <li>against moto: the registrations' parallel scan, each part of the digest, the whole
 *   preview and one send; each with its requests, how long they waited on moto, and the CPU time
 *   of this JVM meanwhile. Every answer is recorded.</li>
 *   <li>in a fresh JVM with the Lambda runtime's flags and a small heap, the same reads answered
 *   from the recording at once: the digest's own time, no server's.</li>
 * </ol>
 * Writes {@code bench/results/digest-<timestamp>.md}. After
 * {@code ./mvnw -q -pl functions/digest -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt},
 * from the repository root: {@code java -cp functions/digest/target/test-classes:functions/digest/target/classes:$(cat functions/digest/target/test-classpath.txt)
 * nl.mensenmakennederland.digest.DigestMeasurement 300 20000 200 50000}; the replay alone:
 * {@code ... DigestMeasurement replay functions/digest/target/digest-recording.bin <out.md> <TABLE=name>...}.
 */
final class DigestMeasurement {

    static final Instant MORNING = CampaignAtScale.MORNING;
    static final Period PERIOD = Period.before(LocalDate.ofInstant(MORNING, Period.AMSTERDAM), null);
    static final Instant WEEK_AHEAD = MORNING.plus(Duration.ofDays(7));
    /** The managed java25 runtime's flags (bench/runner's RuntimeClient), and a heap far below the function's memory. */
    static final List<String> LAMBDA_FLAGS = List.of("-XX:+UseSerialGC", "-Xshare:auto", "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1", "-Xmx64m");
    static final int REPLAYS = 5;

    private DigestMeasurement() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("replay")) {
            Map<String, String> tables = new HashMap<>();
            for (int i = 3; i < args.length; i++) {
                tables.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
            }
            Files.writeString(Path.of(args[2]), replay(RecordedDynamo.load(Path.of(args[1])), tables));
            return;
        }
        int events = Integer.parseInt(args[0]);
        int registrations = Integer.parseInt(args[1]);
        int entries = Integer.parseInt(args[2]);
        int downloads = Integer.parseInt(args[3]);
        Path target = Files.createDirectories(Path.of("functions", "digest", "target"));
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "### Morning digest, %s UTC%n%n", Instant.now().toString().substring(0, 16).replace('T', ' ')));
        report.append(String.format(Locale.ROOT, "Machine: %d cores, JDK %s; moto_server (tools/moto_serial_server.py, one request at a time) on loopback. "
                        + "Campaign: %d events, %d registrations, %d prize entries, %d downloads; the digest of %s at %s.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.runtime.version"), events, registrations, entries,
                downloads, PERIOD.lastDay(), MORNING));
        List<String> problems = new ArrayList<>();
        try (LocalAws aws = new LocalAws(SamTemplate.load(), MotoServer.start(target.resolve("measurement-moto.log")))) {
            aws.reset();
            Campaign campaign = new Campaign(aws);
            long start = System.nanoTime();
            CampaignAtScale.Expected expected = new CampaignAtScale(campaign).populate(events, registrations, entries, downloads);
            double populated = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "populated in %.0f s: %s%n", populated, expected);
            report.append(String.format(Locale.ROOT, "**Populated** in %.0f s (registrations and download counters by BatchWriteItem, "
                    + "two writers; events, cancellations, entries and scores by the jobs' classes): %d registrations made, %d of them "
                    + "yesterday, %d cancelled yesterday, %d entries yesterday, %d downloads yesterday. Items: %s.%n%n",
                    populated, expected.registrations(), expected.registeredYesterday(), expected.cancelledYesterday(),
                    expected.entriesYesterday(), expected.downloads(), itemCounts(aws, campaign.tables())));
            report.append(eventsTableSizes(aws.clients().dynamoDb(), campaign.tables().get("EVENTS_TABLE")));

            RecordedDynamo recorded = new RecordedDynamo();
            RequestLog log = new RequestLog();
            DynamoDbClient dynamo = client(aws.endpoint(), recorded.recording(UrlConnectionHttpClient.create()), log);
            Parts parts = new Parts(dynamo, campaign.tables());
            Meter meter = new Meter(log);
            List<Meter.Reading> readings = new ArrayList<>();
            var scanned = meter.measure("registrations: parallel scan", parts::scan);
            readings.add(scanned.reading());
            check(problems, "registrations yesterday", total(scanned.value()).created(), expected.registeredYesterday());
            check(problems, "cancellations yesterday", total(scanned.value()).cancelled(), expected.cancelledYesterday());
            parts.each((name, part) -> readings.add(meter.measure(name, part).reading()));
            var preview = meter.measure("whole digest (preview)", parts::preview);
            readings.add(preview.reading());
            Map<String, Long> values = preview.value().digest().values();
            check(problems, "digest: registrations", values.get("events.registrations"), expected.registeredYesterday());
            check(problems, "digest: cancellations", values.get("events.cancellations"), expected.cancelledYesterday());
            check(problems, "digest: entries", values.get("prizes.entries"), expected.entriesYesterday());
            check(problems, "digest: downloads", values.get("oproep.downloads"), expected.downloads());
            Path recording = target.resolve("digest-recording.bin");
            recorded.save(recording);
            readings.add(meter.measure("send (compose, record, outbox)", parts::send).reading());
            report.append("**Against moto** (each once, in this order, in the JVM that populated; waited = the requests' time "
                    + "from leaving to their whole answer being in, summed, so parallel requests can add up to more than the wall time; "
                    + "JVM CPU = this process's CPU time meanwhile, moto's not included):\n\n");
            report.append(table(readings));
            report.append("\n**Without a server** (").append(REPLAYS).append(" rounds in a fresh JVM with the managed runtime's flags, ")
                    .append(String.join(" ", LAMBDA_FLAGS)).append(", every read answered at once from moto's recorded answers (")
                    .append(recorded.size()).append(" distinct requests); the first line is that JVM's first digest, the others the median ")
                    .append("round by wall time; finding a recorded answer costs the replay tens of microseconds a request):\n\n");
            report.append(replayInFreshJvm(recording, campaign.tables(), target));
            report.append("\nChecks: ").append(problems.isEmpty() ? "every figure as populated." : String.join("; ", problems))
                    .append("\n\nThe digest's text:\n\n```\n").append(preview.value().text()).append("```\n");
        }
        Path results = Files.createDirectories(Path.of("bench", "results"))
                .resolve("digest-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()) + ".md");
        Files.writeString(results, report);
        System.out.println("written: " + results);
        System.out.println(report);
        if (!problems.isEmpty()) {
            System.exit(1);
        }
    }

    /** The digest's parts, as {@link MorningDigest} composes them, each to be measured alone. */
    private static final class Parts {

        final DynamoDbClient dynamo;
        final Map<String, String> tables;

        Parts(DynamoDbClient dynamo, Map<String, String> tables) {
            this.dynamo = dynamo;
            this.tables = tables;
        }

        Map<String, RegistrationTally.Counts> scan() {
            return new RegistrationTally(dynamo, tables.get("EVENTS_TABLE")).byEvent(PERIOD, MORNING, WEEK_AHEAD);
        }

        void each(java.util.function.BiConsumer<String, Supplier<Object>> measure) {
            measure.accept("events part (scan + upcoming events)",
                    () -> new EventActivity(dynamo, tables.get("EVENTS_TABLE")).read(PERIOD, MORNING, Map.of()));
            measure.accept("prizes part", () -> new PrizeActivity(dynamo, tables.get("PRIZES_TABLE")).read(PERIOD, MORNING, Map.of()));
            measure.accept("Oproep part", () -> new OproepActivity(dynamo, tables.get("OPROEP_TABLE")).read(PERIOD, Map.of()));
            measure.accept("mail part", () -> new MailActivity(dynamo, tables.get("MAIL_STATE_TABLE")).read(PERIOD, Map.of()));
        }

        MorningDigest digest() {
            return new MorningDigest(dynamo, tables, new MorningDigest.Settings(List.of("campagne@nov.example"), true,
                    "https://www.mensenmakennederland.nl"), Clock.fixed(MORNING, ZoneOffset.UTC));
        }

        MorningDigest.Preview preview() {
            return digest().preview();
        }

        MorningDigest.Outcome send() {
            return digest().send();
        }
    }

    /** The replay, in this JVM: its report lines. */
    private static String replay(RecordedDynamo recorded, Map<String, String> tables) {
        RequestLog log = new RequestLog();
        Parts parts = new Parts(client("http://127.0.0.1:9", recorded.replaying(), log), tables);
        Meter meter = new Meter(log);
        List<Meter.Reading> first = List.of(meter.measure("whole digest (preview), first in this JVM", parts::preview).reading());
        Map<String, List<Meter.Reading>> rounds = new LinkedHashMap<>();
        for (int round = 0; round < REPLAYS; round++) {
            List<Meter.Reading> readings = new ArrayList<>();
            readings.add(meter.measure("registrations: parallel scan", parts::scan).reading());
            parts.each((name, part) -> readings.add(meter.measure(name, part).reading()));
            readings.add(meter.measure("whole digest (preview)", parts::preview).reading());
            readings.forEach(reading -> rounds.computeIfAbsent(reading.name(), name -> new ArrayList<>()).add(reading));
        }
        List<Meter.Reading> medians = new ArrayList<>(first);
        rounds.values().forEach(readings -> medians.add(readings.stream()
                .sorted(Comparator.comparingDouble(Meter.Reading::wallMillis)).toList().get(readings.size() / 2)));
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        return table(medians) + String.format(Locale.ROOT, "%nHeap limit of that JVM: %d MB.%n", heap / 1_000_000);
    }

    private static String replayInFreshJvm(Path recording, Map<String, String> tables, Path target) throws IOException, InterruptedException {
        Path out = target.resolve("digest-replay.md");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DigestMeasurement.class.getName(), "replay",
                recording.toString(), out.toString()));
        tables.forEach((name, table) -> command.add(name + "=" + table));
        Process replay = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(target.resolve("digest-replay.log").toFile()).start();
        System.out.println("replaying in process " + replay.pid());
        if (replay.waitFor() != 0) {
            return "The replay failed: see " + target.resolve("digest-replay.log") + "\n";
        }
        return Files.readString(out);
    }

    private static DynamoDbClient client(String endpoint, SdkHttpClient http, RequestLog log) {
        var builder = AwsClients.configure(DynamoDbClient.builder(), SamTemplate.REGION, EmulatorClients.CREDENTIALS, endpoint)
                .httpClient(http);
        builder.overrideConfiguration(builder.overrideConfiguration().toBuilder().addExecutionInterceptor(log).build());
        return builder.build();
    }

    private static String table(List<Meter.Reading> readings) {
        StringBuilder table = new StringBuilder("| what | wall s | requests | items returned | answers MB | waited s | longest wait s "
                + "| JVM CPU s | GC s | allocated MB |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Meter.Reading r : readings) {
            table.append(String.format(Locale.ROOT, "| %s | %.3f | %s | %d | %.2f | %.3f | %.3f | %.3f | %.3f | %.0f |%n", r.name(),
                    r.wallMillis() / 1000, r.requests().operations(), r.requests().items(), r.requests().bytes() / 1e6,
                    r.requests().waitMillis() / 1000, r.requests().longestWaitMillis() / 1000, r.cpuMillis() / 1000,
                    r.gcMillis() / 1000, r.allocatedMegabytes()));
        }
        return table.toString();
    }

    /** The events table's items by kind and what each way of reading the registrations costs in read units on DynamoDB. */
    private static String eventsTableSizes(DynamoDbClient dynamo, String table) {
        Map<String, long[]> kinds = new LinkedHashMap<>();
        Map<String, Long> registrationBytes = new HashMap<>();
        long[] all = new long[2];
        dynamo.scanPaginator(r -> r.tableName(table)).items().forEach(item -> {
            long size = ItemSizes.of(item);
            String sk = item.get("sk").s();
            String kind = sk.contains("#") ? sk.substring(0, sk.indexOf('#')) : sk;
            long[] sum = kinds.computeIfAbsent(kind, k -> new long[2]);
            sum[0]++;
            sum[1] += size;
            all[0]++;
            all[1] += size;
            if (sk.equals("REG")) {
                registrationBytes.merge(item.get("eventId").s(), size, Long::sum);
            }
        });
        double perEventUnits = registrationBytes.values().stream().mapToDouble(ItemSizes::readUnits).sum();
        StringBuilder text = new StringBuilder("**The events table** (sizes by DynamoDB's item-size rules, approximated): ");
        kinds.forEach((kind, sum) -> text.append(String.format(Locale.ROOT, "%s %d items, %.1f MB; ", kind, sum[0], sum[1] / 1e6)));
        text.append(String.format(Locale.ROOT, "in all %d items, %.1f MB. Read units (eventually consistent) on DynamoDB: one gsi1 query per "
                        + "event about %.0f (each query rounded up to 4 KB), the parallel scan about %.0f (every item read, whatever the "
                        + "filter keeps), i.e. about %d pages of 1 MB.%n%n",
                all[0], all[1] / 1e6, perEventUnits, all[1] / (double) ItemSizes.READ_UNIT_BYTES * 0.5, (all[1] + 999_999) / 1_000_000));
        return text.toString();
    }

    private static String itemCounts(LocalAws aws, Map<String, String> tables) {
        List<String> counts = new ArrayList<>();
        for (String table : List.of("EVENTS_TABLE", "PRIZES_TABLE", "OPROEP_TABLE")) {
            counts.add(table + " " + aws.clients().dynamoDb().describeTable(r -> r.tableName(tables.get(table))).table().itemCount());
        }
        return String.join(", ", counts);
    }

    private static RegistrationTally.Counts total(Map<String, RegistrationTally.Counts> byEvent) {
        return byEvent.values().stream().reduce(RegistrationTally.Counts.NONE, RegistrationTally.Counts::plus);
    }

    private static void check(List<String> problems, String what, Object found, Object expected) {
        if (!String.valueOf(found).equals(String.valueOf(expected))) {
            problems.add(what + ": " + found + ", expected " + expected);
        }
    }
}
