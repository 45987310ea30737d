package nl.mensenmakennederland.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import nl.mensenmakennederland.bench.lambda.ContainerCredentialsEndpoint;
import nl.mensenmakennederland.bench.lambda.DeploymentPackages;
import nl.mensenmakennederland.bench.lambda.ExecutionEnvironment.Credentials;
import nl.mensenmakennederland.bench.lambda.ExecutionEnvironment.Init;
import nl.mensenmakennederland.bench.lambda.ExecutionEnvironment;
import nl.mensenmakennederland.bench.lambda.RuntimeApiServer;
import nl.mensenmakennederland.bench.lambda.RuntimeClient;
import nl.mensenmakennederland.events.Event;
import nl.mensenmakennederland.events.RegistrationStatus;
import nl.mensenmakennederland.oproep.DownloadStats;
import nl.mensenmakennederland.oproep.Variant;
import nl.mensenmakennederland.oproep.VariantCatalog;
import nl.mensenmakennederland.shared.Json;
import nl.mensenmakennederland.shared.outbox.MailProblem;
import nl.mensenmakennederland.shared.outbox.Outbox;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.MotoServer;
import nl.mensenmakennederland.testing.RepositoryRoot;
import nl.mensenmakennederland.testing.SamTemplate;
import nl.mensenmakennederland.testing.SentMails;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function of template.yaml run the way Lambda runs it: its job's package, the zip its
 * {@code CodeUri} names ({@code ./mvnw package} builds it), unpacked as the task root, a fresh JDK 25 per function running
 * the official runtime client ({@code aws-lambda-java-runtime-interface-client}) with the managed
 * runtime's flags and the template's {@code JAVA_TOOL_OPTIONS}, against a Runtime API served here,
 * invoked with its sample event from {@code events/}. Each function twice:
 * <ul>
 * <li>as a <b>SnapStart</b> version: no access keys, only the container credentials endpoint and
 * its token; the runtime runs the priming hooks, is restored, runs the restore hooks, then gets
 * the event; the credentials must be fetched again after the restore and used from then on;
 * <li>as <b>{@code $LATEST}</b>: initialised on demand, with access keys, no priming.
 * </ul>
 * Each must do its real work: the documented answer, and the row or the mail behind it.
 */
class RuntimeClientTest {

    private static final Duration LIMIT = Duration.ofSeconds(90);
    /**
     * Each package's budget (README, How it is built): 12 MB, except the poster's, which carries
     * pdfbox (kept whole, 4.2 MB) beside the Oproep's code and S3.
     */
    private static final Map<String, Long> PACKAGE_BUDGET_BYTES = Map.of(
            "events", 12_000_000L, "mail", 12_000_000L, "oproep", 12_000_000L, "posters", 16_000_000L,
            "prizes", 12_000_000L, "digest", 12_000_000L);
    /** The module each package is built from: its code, beside shared. */
    private static final Map<String, String> MODULE = Map.of(
            "events", "events", "mail", "mail", "oproep", "oproep", "posters", "oproep", "prizes", "prizes", "digest", "digest");
    /** Our code in a package beside its module's and shared: the digest reads with the jobs' own classes. */
    private static final Map<String, List<String>> READS_WITH = Map.of("digest", List.of("events", "oproep", "prizes", "mail"));
    /** The SDK services each package's code calls, and nothing else in it. */
    private static final Map<String, List<String>> SDK_SERVICES = Map.of(
            "events", List.of("dynamodb"), "mail", List.of("dynamodb", "sesv2"), "oproep", List.of("dynamodb", "s3"),
            "posters", List.of("dynamodb", "s3"), "prizes", List.of("dynamodb", "s3"), "digest", List.of("dynamodb"));

    private static Path work;
    private static SamTemplate template;
    private static LocalAws aws;
    private static EventsJob backend;
    private static PrizesJob prizes;
    private static Map<String, DeploymentPackages.Package> packages;
    private static RuntimeClient client;
    private static SignedRequestLog signed;
    private static SampleEvents samples;
    private static Fixtures fixtures;

    @BeforeAll
    static void buildThePackagesAndStartTheEmulator() throws IOException {
        Assumptions.assumeTrue(MotoServer.installed(), "moto_server is not on the PATH");
        Path root = RepositoryRoot.path();
        work = Files.createDirectories(root.resolve("bench/runner/target/runtime-client-test"));
        template = SamTemplate.load();
        packages = DeploymentPackages.unpack(template, work.resolve("packages"));
        client = RuntimeClient.locate(root);
        aws = new LocalAws(template, MotoServer.start(work.resolve("moto_server.log")));
        aws.reset();
        backend = EventsJob.prepare(aws);
        OproepJob.seed(aws);
        prizes = PrizesJob.prepare(aws);
        signed = new SignedRequestLog(aws.endpoint());
        samples = new SampleEvents(root.resolve("events"));
        fixtures = new Fixtures(aws, backend, prizes);
        Files.createDirectories(work.resolve("logs"));
    }

    @AfterAll
    static void stop() {
        if (signed != null) {
            signed.close();
        }
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void everyFunctionOfTheTemplateHasItsWorkCheckedHere() {
        assertThat(WORK.keySet()).containsExactlyInAnyOrderElementsOf(
                template.functions().stream().map(SamTemplate.Function::logicalId).toList());
    }

    @Test
    void everyFunctionNamesARequestHandlerInItsPackageThatLambdaCanConstruct() throws Exception {
        // Loaded from the package's jar alone (no parent but the JDK's): the jar must hold all it needs.
        for (SamTemplate.Function function : template.functions()) {
            DeploymentPackages.Package built = packages.get(function.logicalId());
            try (URLClassLoader taskRoot = new URLClassLoader(
                    new URL[] {built.taskRoot().resolve("lib").resolve(built.zip().getFileName().toString().replace(".zip", ".jar")).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                Class<?> handler = Class.forName(function.handlerClass(), false, taskRoot);
                assertThat(Class.forName("com.amazonaws.services.lambda.runtime.RequestHandler", false, taskRoot)
                        .isAssignableFrom(handler)).as("%s implements RequestHandler", function.handler()).isTrue();
                assertThat(function.handler()).endsWith("::handleRequest");
                handler.getConstructor();
            }
        }
    }

    @Test
    void eachJobIsOnePackageOfItsOwnCodeSharedAndOnlyTheSdkServicesItCalls() throws IOException {
        Map<String, DeploymentPackages.Package> jobs = new TreeMap<>();
        packages.values().forEach(p -> jobs.put(p.zip().getFileName().toString().replace(".zip", ""), p));
        assertThat(jobs.keySet()).containsExactlyInAnyOrderElementsOf(PACKAGE_BUDGET_BYTES.keySet());
        for (var job : jobs.entrySet()) {
            String name = job.getKey();
            DeploymentPackages.Package built = job.getValue();
            String module = MODULE.get(name);
            assertThat(built.zip()).as("built by ./mvnw package")
                    .isEqualTo(RepositoryRoot.path().resolve("functions/" + module + "/target/" + name + ".zip"));
            assertThat(Files.size(built.zip())).as("%s package, bytes", name).isLessThanOrEqualTo(PACKAGE_BUDGET_BYTES.get(name));
            assertThat(built.functions()).as("every function of the job runs it")
                    .allSatisfy(id -> assertThat(template.functionProperty(id, "Handler").toString())
                            .startsWith("nl.mensenmakennederland." + module + "."));
            try (Stream<Path> files = Files.walk(built.taskRoot())) {
                assertThat(files.filter(Files::isRegularFile).map(f -> built.taskRoot().relativize(f).toString()))
                        .as("the task root Lambda unpacks").containsExactly("lib/" + name + ".jar");
            }
            try (JarFile jar = new JarFile(built.taskRoot().resolve("lib/" + name + ".jar").toFile())) {
                Set<String> packagesInJar = jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class"))
                        .map(n -> n.substring(0, n.lastIndexOf('/'))).collect(Collectors.toSet());
                Set<String> ours = packagesInJar.stream().filter(p -> p.startsWith("nl/mensenmakennederland/"))
                        .map(p -> p.split("/")[2]).collect(Collectors.toSet());
                List<String> expected = new java.util.ArrayList<>(List.of(module, "shared"));
                expected.addAll(READS_WITH.getOrDefault(name, List.of()));
                assertThat(ours).as("%s: its module's code and shared", name).containsExactlyInAnyOrderElementsOf(expected);
                Set<String> services = packagesInJar.stream().filter(p -> p.startsWith("software/amazon/awssdk/services/"))
                        .map(p -> p.split("/")[4]).collect(Collectors.toSet());
                assertThat(services).as("%s: SDK services", name)
                        .containsExactlyInAnyOrderElementsOf(SDK_SERVICES.get(name));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> asASnapStartVersionWithContainerCredentialsRenewedAfterTheRestore() {
        return template.functions().stream().map(f -> DynamicTest.dynamicTest(f.logicalId(), () -> {
            Invoked invoked = invoke(f, Init.SNAP_START, Credentials.CONTAINER);
            ExecutionEnvironment.Run run = invoked.run();

            assertThat(run.restoreNanos()).as("asked to be restored").isPresent();
            assertThat(run.log()).as("priming ran").anyMatch(line -> line.contains("\"priming.done\""))
                    .noneMatch(line -> line.contains("\"priming.failed\"") || line.contains("\"priming.unexpected\""));
            assertThat(run.credentialRequestsRefused()).as("credential requests without the token").isZero();
            long restore = run.restoreNanos().getAsLong();
            if (!callsAws(f)) {
                assertThat(run.credentialFetchesBeforeRestore() + run.credentialFetchesAfterRestore()).as("credential fetches").isZero();
                assertThat(signed.between(run.startNanos(), invoked.endNanos())).as("AWS requests").isEmpty();
                return;
            }
            assertThat(run.log()).as("credentials renewed after the restore").anyMatch(line -> line.contains("\"restore.done\""));
            assertThat(run.credentialFetchesBeforeRestore()).as("credential fetches before the restore").isEqualTo(1);
            assertThat(run.credentialFetchesAfterRestore()).as("credential fetches after the restore").isEqualTo(1);
            assertThat(signed.between(run.startNanos(), restore)).as("AWS requests while priming")
                    .isNotEmpty().allSatisfy(r -> assertThat(r.accessKeyId()).isEqualTo(ContainerCredentialsEndpoint.KEY_BEFORE_RESTORE));
            assertThat(signed.between(restore, invoked.endNanos())).as("AWS requests after the restore")
                    .isNotEmpty().allSatisfy(r -> assertThat(r.accessKeyId()).isEqualTo(ContainerCredentialsEndpoint.KEY_AFTER_RESTORE));
        }));
    }

    @TestFactory
    Stream<DynamicTest> asLatestWithAccessKeys() {
        return template.functions().stream().map(f -> DynamicTest.dynamicTest(f.logicalId(), () -> {
            Invoked invoked = invoke(f, Init.ON_DEMAND, Credentials.ACCESS_KEYS);
            ExecutionEnvironment.Run run = invoked.run();

            assertThat(run.restoreNanos()).as("no restore on demand").isEmpty();
            assertThat(run.log()).as("no priming on demand").noneMatch(line -> line.contains("\"priming."));
            assertThat(run.credentialFetchesBeforeRestore() + run.credentialFetchesAfterRestore() + run.credentialRequestsRefused())
                    .as("requests to a credentials endpoint").isZero();
            var requests = assertThat(signed.between(run.startNanos(), invoked.endNanos())).as("AWS requests");
            if (callsAws(f)) {
                requests.isNotEmpty().allSatisfy(r -> assertThat(r.accessKeyId()).isEqualTo(ExecutionEnvironment.STATIC_ACCESS_KEY));
            } else {
                requests.isEmpty();
            }
        }));
    }

    private record Invoked(ExecutionEnvironment.Run run, long endNanos) {}

    /** Functions that answer from their configuration alone: no credentials, no AWS request (FunctionRolesTest: no grant). */
    private static final Set<String> WITHOUT_AWS = Set.of("PrizeRoundFunction");

    private static boolean callsAws(SamTemplate.Function f) {
        return !WITHOUT_AWS.contains(f.logicalId());
    }


    /** Runs the function in a fresh environment with one invocation of its sample event and checks its work. */
    private static Invoked invoke(SamTemplate.Function f, Init init, Credentials credentials) {
        Work expected = WORK.get(f.logicalId());
        assertThat(expected).as("what %s must do is checked in RuntimeClientTest.WORK", f.logicalId()).isNotNull();
        Path sample = samples.forFunction(f).orElseThrow(() -> new AssertionError("No sample event in events/ for " + f.logicalId()));
        String event = fixtures.forFunction(f.logicalId(), SampleEvents.trigger(f)).prepare(SampleEvents.content(sample));
        JsonNode eventJson = json(event);
        Object before = expected.before().apply(eventJson);

        // The template's environment, the prize round placed around now (as the seed is placed ahead of now).
        ExecutionEnvironment.Function function = prizes.withWindow(ExecutionEnvironment.Function.of(template,
                f.logicalId(), packages.get(f.logicalId()).taskRoot()));
        ExecutionEnvironment.Run run = ExecutionEnvironment.run(client, function, init, credentials, signed.endpoint(), 1,
                i -> event, List.of(), work.resolve("logs/" + f.logicalId() + "-" + init + ".log"), LIMIT);
        long end = System.nanoTime();

        assertThat(run.complete(1)).as("%s answered its invocation without errors: %s", f.logicalId(), run.diagnosis()).isTrue();
        assertThat(run.unexpectedRequests()).as("requests to paths the Runtime API does not have").isEmpty();
        RuntimeApiServer.Invocation invocation = run.invocations().get(0);
        JsonNode response = json(invocation.response());
        expected.check().verify(eventJson, response, before);
        System.out.printf("runtime client | %-27s | %-10s | %-40s | credential fetches before/after restore %d/%d%n",
                f.logicalId(), init, answer(response), run.credentialFetchesBeforeRestore(), run.credentialFetchesAfterRestore());
        return new Invoked(run, end);
    }

    /**
     * What a function must have done: {@code before} reads, ahead of the invocation, what the
     * check compares with (a count, a version); {@code check} looks at the answer and the state behind it.
     */
    private record Work(Function<JsonNode, Object> before, Check check) {

        interface Check {
            void verify(JsonNode event, JsonNode response, Object before);
        }

        static Work http(int status, BiConsumer<JsonNode, JsonNode> eventAndBody) {
            return new Work(event -> null, (event, response, before) -> {
                assertThat(response.path("statusCode").asInt()).as("status of %s", response).isEqualTo(status);
                eventAndBody.accept(event, body(response));
            });
        }
    }

    /** By logical id: every function of the template must be here. */
    private static final Map<String, Work> WORK = new LinkedHashMap<>();

    static {
        WORK.put("ListEventsFunction", Work.http(200, (event, body) ->
                assertThat(body.path("events")).as("upcoming events").isNotEmpty()));
        WORK.put("GetEventFunction", Work.http(200, (event, body) ->
                assertThat(body.path("id").asText()).isEqualTo(pathId(event))));
        WORK.put("RegisterFunction", Work.http(201, (event, body) -> {
            var stored = backend.registrations().find(body.path("registrationId").asText()).orElseThrow();
            assertThat(stored.email()).isEqualTo(json(event.path("body").asText()).path("email").asText());
            assertThat(stored.status().code()).isEqualTo(body.path("status").asText());
        }));
        WORK.put("GetRegistrationFunction", Work.http(200, (event, body) ->
                assertThat(body.path("registrationId").asText()).isEqualTo(pathId(event))));
        WORK.put("CancelRegistrationFunction", Work.http(200, (event, body) -> {
            assertThat(body.path("status").asText()).isEqualTo("cancelled");
            assertThat(backend.registrations().find(pathId(event)).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        }));
        WORK.put("CreateEventFunction", Work.http(201, (event, body) -> {
            JsonNode asked = json(event.path("body").asText());
            assertThat(backend.events().find(asked.path("id").asText()).orElseThrow().title()).isEqualTo(asked.path("title").asText());
        }));
        WORK.put("UpdateEventFunction", new Work(event -> storedEvent(event).seats().version(), (event, response, version) -> {
            assertThat(response.path("statusCode").asInt()).as("status of %s", response).isEqualTo(200);
            Event stored = storedEvent(event);
            assertThat(stored.seats().capacity()).isEqualTo(json(event.path("body").asText()).path("capacity").asInt());
            assertThat(stored.seats().version()).as("the event was written").isEqualTo((long) version + 1);
        }));
        WORK.put("ListAdminEventsFunction", Work.http(200, (event, body) ->
                assertThat(body.path("events")).as("every event, past ones too").hasSize(backend.events().all(Optional.empty()).size())));
        WORK.put("GetAdminEventFunction", Work.http(200, (event, body) -> {
            Event stored = storedEvent(event);
            assertThat(body.path("id").asText()).isEqualTo(stored.id());
            assertThat(body.path("minimumCapacity").asInt()).isEqualTo(stored.seats().minimumCapacity());
            assertThat(body.path("waitingLine").findValuesAsText("promotedFromCapacity")).as("the line, place by place")
                    .isEqualTo(stored.seats().turns().stream().map(turn -> String.valueOf(turn.promotedFromCapacity())).toList());
        }));
        WORK.put("ListRegistrationsFunction", Work.http(200, (event, body) -> {
            // The sample asks for the CSV: a header line, then one line per registration of the event.
            assertThat(body.asText()).startsWith("\uFEFF").hasLineCount(1 + backend.registrations().ofEvent(pathId(event)).size());
        }));
        WORK.put("WaitlistSettlerFunction", new Work(event -> fixtures.owedTo(), (event, response, owedTo) -> {
            assertThat(response.path("settled").asInt()).as("lines settled: %s", response).isEqualTo(1);
            assertThat(backend.registrations().find((String) owedTo).orElseThrow().status()).as("the one waiting moved up")
                    .isEqualTo(RegistrationStatus.CONFIRMED);
        }));
        WORK.put("ListVariantsFunction", Work.http(200, (event, body) -> {
            assertThat(body.path("variants")).as("variants on offer").hasSize(6);
            assertThat(fetched(body.path("variants").path(0).path("preview").asText())).startsWith(0x89, 'P', 'N', 'G');
        }));
        WORK.put("DownloadVariantFunction", new Work(event -> oproepToday(DownloadStats.GroupBy.VARIANT).downloads(),
                (event, response, before) -> {
                    assertThat(response.path("statusCode").asInt()).as("status of %s", response).isEqualTo(302);
                    String location = response.path("headers").path("location").asText();
                    String objectKey = new VariantCatalog(aws.clients().dynamoDb(), aws.name("OproepTable")).find(pathId(event))
                            .orElseThrow().objectKey();
                    assertThat(location).contains("/" + objectKey + "?").contains("X-Amz-Signature=");
                    assertThat(new String(fetched(location), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                    assertThat(oproepToday(DownloadStats.GroupBy.VARIANT).downloads()).as("downloads counted").isEqualTo((long) before + 1);
                }));
        WORK.put("DownloadStatsFunction", Work.http(200, (event, body) -> {
            // The sample asks for the last 30 days by province as CSV: its total row carries the stored counts.
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
            DownloadStats.Totals total = new DownloadStats(aws.clients().dynamoDb(), aws.name("OproepTable"))
                    .report(today.minusDays(29), today, DownloadStats.GroupBy.PROVINCE).total();
            assertThat(body.asText()).startsWith("\uFEFFProvincie;").endsWith(";" + total.downloads() + ";" + total.uniques()
                    + ";" + total.automated() + "\r\n");
        }));
        WORK.put("StartVariantUploadFunction", Work.http(201, (event, body) -> {
            String key = body.path("objectKey").asText();
            assertThat(key).startsWith("variants/" + pathId(event) + "/").endsWith(".pdf");
            assertThat(body.path("upload").path("fields").path("key").asText()).isEqualTo(key);
            assertThat(body.path("upload").path("fields").path("x-amz-signature").asText()).hasSize(64);
            assertThat(body.path("newVariant").asBoolean()).isFalse();
        }));
        WORK.put("PutVariantFunction", Work.http(200, (event, body) -> {
            Variant stored = new VariantCatalog(aws.clients().dynamoDb(), aws.name("OproepTable")).find(pathId(event)).orElseThrow();
            assertThat(stored.objectKey()).as("the upload is the variant's file now")
                    .isEqualTo(json(event.path("body").asText()).path("objectKey").asText());
            assertThat(stored.sizeBytes()).as("its size, as S3 has it").isEqualTo(body.path("sizeBytes").asLong()).isPositive();
        }));
        WORK.put("CreatePosterFunction", new Work(event -> oproepToday(DownloadStats.GroupBy.VARIANT).downloads(),
                (event, response, before) -> {
                    assertThat(response.path("statusCode").asInt()).as("status of %s", response).isEqualTo(201);
                    JsonNode made = body(response);
                    assertThat(made.path("text").asText()).isEqualTo("Mensen maken Zwijndrecht groener");
                    assertThat(new String(fetched(made.path("pdf").asText()), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                            .isEqualTo("%PDF-");
                    assertThat(fetched(made.path("png").asText())).startsWith(0x89, 'P', 'N', 'G');
                    assertThat(oproepToday(DownloadStats.GroupBy.VARIANT).downloads()).as("the poster counted")
                            .isEqualTo((long) before + 1);
                }));
        WORK.put("ReplayMissedCountsFunction", new Work(event -> oproepToday(DownloadStats.GroupBy.DAY).downloads(),
                (event, response, before) -> {
                    assertThat(response.path("replayed").asInt()).as("counts replayed: %s", response).isEqualTo(1);
                    assertThat(oproepToday(DownloadStats.GroupBy.DAY).downloads()).as("the queued download counted")
                            .isEqualTo((long) before + 1);
                }));
        WORK.put("CreateEntryFunction", Work.http(201, (event, body) -> {
            var stored = prizes.desk().entries().find(body.path("entryId").asText()).orElseThrow();
            assertThat(stored.title()).isEqualTo(json(event.path("body").asText()).path("title").asText());
            assertThat(stored.status().code()).isEqualTo("awaiting-upload");
            assertThat(body.path("upload").path("fields").path("key").asText()).isEqualTo("entries/" + stored.id() + "/video");
            assertThat(body.path("upload").path("fields").path("x-amz-signature").asText()).hasSize(64);
        }));
        WORK.put("PrizeRoundFunction", Work.http(200, (event, body) -> {
            assertThat(body.path("consent").path("version").asText()).isEqualTo("2027-01");
            assertThat(body.path("maxBytes").asLong()).isEqualTo(2L * 1024 * 1024 * 1024);
        }));
        WORK.put("GetEntryFunction", Work.http(200, (event, body) -> {
            assertThat(body.path("entryId").asText()).isEqualTo(pathId(event));
            assertThat(body.path("consent").path("version").asText()).isEqualTo("2027-01");
        }));
        WORK.put("WithdrawEntryFunction", Work.http(200, (event, body) -> {
            assertThat(body.path("status").asText()).isEqualTo("withdrawn");
            assertThat(prizes.desk().entries().find(pathId(event))).as("the entry is deleted").isEmpty();
            assertThat(prizes.desk().entries().withdrawnAt(pathId(event))).as("the moment is kept").isPresent();
        }));
        WORK.put("BeginUploadFunction", Work.http(200, (event, body) -> {
            assertThat(body.path("uploadId").asText()).isNotBlank();
            assertThat(body.path("missing")).as("a URL per part").hasSize(body.path("parts").asInt());
            assertThat(prizes.desk().entries().upload(pathId(event))).as("the upload is noted").isPresent();
        }));
        WORK.put("UploadProgressFunction", Work.http(200, (event, body) ->
                assertThat(body.path("uploaded").findValuesAsText("partNumber")).as("the part S3 has").containsExactly("1")));
        WORK.put("CompleteUploadFunction", Work.http(200, (event, body) -> {
            assertThat(aws.clients().s3().headObject(r -> r.bucket(prizes.desk().uploads().bucket())
                    .key(nl.mensenmakennederland.prizes.Uploads.objectKey(pathId(event)))).contentLength())
                    .as("the object S3 made of the parts").isEqualTo(body.path("bytes").asLong());
            assertThat(prizes.desk().entries().upload(pathId(event))).isEmpty();
        }));
        WORK.put("AbortUploadFunction", Work.http(200, (event, body) -> {
            assertThat(body.path("status").asText()).isEqualTo("aborted");
            assertThat(prizes.desk().entries().upload(pathId(event))).isEmpty();
            assertThat(aws.clients().s3().listMultipartUploads(r -> r.bucket(prizes.desk().uploads().bucket())
                    .prefix(nl.mensenmakennederland.prizes.Uploads.objectKey(pathId(event)))).uploads()).as("S3 dropped it").isEmpty();
        }));
        WORK.put("ListJuryEntriesFunction", Work.http(200, (event, body) ->
                assertThat(body.path("entries")).as("the entries before the jury in Utrecht").isNotEmpty()
                        .allSatisfy(entry -> assertThat(entry.path("municipality").asText()).isEqualTo("Utrecht"))));
        WORK.put("GetJuryEntryFunction", Work.http(200, (event, body) -> {
            assertThat(body.path("entryId").asText()).isEqualTo(pathId(event));
            assertThat(body.path("watchUrl").asText()).contains("X-Amz-Signature=");
            assertThat(body.path("otherScoresHidden").asText()).as("a juror who did not score it").isNotBlank();
        }));
        WORK.put("ScoreEntryFunction", Work.http(200, (event, body) -> {
            assertThat(body.path("yourScore").path("marks").path("welcome").asInt()).isEqualTo(5);
            assertThat(prizes.desk().judging().ranking().stream().filter(r -> r.entry().id().equals(pathId(event)))
                    .findFirst().orElseThrow().count()).as("the score stored").isEqualTo(1);
        }));
        WORK.put("PrizeRankingFunction", new Work(event -> prizes.desk().judging().ranking().size(), (event, response, entries) -> {
            assertThat(response.path("statusCode").asInt()).as("status of %s", response).isEqualTo(200);
            String csv = response.path("body").asText();
            assertThat(csv).startsWith("\uFEFFplaats;inzending;");
            assertThat(csv.split("\r\n")).as("a row per entry before the jury").hasSize(1 + (int) entries);
        }));
        WORK.put("DecideEntryFunction", Work.http(200, (event, body) -> {
            assertThat(body.path("status").asText()).isEqualTo("nominated");
            assertThat(prizes.desk().entries().find(pathId(event)).orElseThrow().status().code()).isEqualTo("nominated");
        }));
        WORK.put("DigestFunction", new Work(event -> null, (event, response, nothing) ->
                assertThat(response.path("outcome").asText()).as("the digest's run: %s", response)
                        .isIn("sent", "skipped-quiet", "already-sent")));
        WORK.put("DigestPreviewFunction", Work.http(200, (event, body) -> {
            assertThat(body.path("subject").asText()).startsWith("Mensen maken Nederland: overzicht van ");
            assertThat(body.path("html").asText()).contains("<meta name=\"viewport\"");
        }));
        WORK.put("CheckUploadFunction", new Work(event -> null, (event, response, nothing) -> {
            assertThat(response.path("batchItemFailures")).as("batch item failures").isEmpty();
            String key = java.net.URLDecoder.decode(json(event.path("Records").get(0).path("body").asText())
                    .path("Records").get(0).path("s3").path("object").path("key").asText(), java.nio.charset.StandardCharsets.UTF_8);
            var entry = prizes.desk().entries().find(nl.mensenmakennederland.prizes.Uploads.entryIdOf(key).orElseThrow()).orElseThrow();
            assertThat(entry.status().code()).as("the video was checked").isEqualTo("submitted");
            assertThat(entry.video().durationMillis()).isBetween(2_900L, 3_200L);
        }));
        WORK.put("MailerFunction", new Work(event -> SentMails.to(aws, recipient(event)).size(), (event, response, sentBefore) -> {
            assertThat(response.path("batchItemFailures")).as("batch item failures").isEmpty();
            assertThat(SentMails.to(aws, recipient(event))).as("mails to the recipient").hasSize((int) sentBefore + 1);
            String mailId = newImage(event).path("id").path("S").asText();
            assertThat(aws.clients().dynamoDb().getItem(r -> r.tableName(aws.name("OutboxTable")).key(Outbox.key(mailId))).item())
                    .as("the outbox item is marked sent").containsKey("sentAt");
        }));
        WORK.put("MailFeedbackFunction", new Work(event -> suppressions(), (event, response, before) -> {
            assertThat(response.path("batchItemFailures")).as("batch item failures").isEmpty();
            assertThat(backend.registrations().find(fixtures.bounced()).orElseThrow().mailProblem().kind())
                    .as("the registration says its mail bounced").isEqualTo(MailProblem.Kind.BOUNCED);
            assertThat(suppressions()).as("suppressed addresses").isEqualTo((long) before + 1);
        }));
        WORK.put("OutboxSweeperFunction", new Work(event -> SentMails.all(aws).size(), (event, response, sentBefore) -> {
            assertThat(response.path("sent").asInt()).as("mails the sweep sent: %s", response).isEqualTo(1);
            assertThat(SentMails.all(aws)).as("mails sent").hasSize((int) sentBefore + 1);
        }));
    }

    /** How many addresses the mail state table keeps suppressed (their hashes). */
    private static long suppressions() {
        return aws.clients().dynamoDb().scan(r -> r.tableName(aws.name("MailStateTable"))).items().stream()
                .filter(item -> item.get("pk").s().startsWith("SUPPRESSED#")).count();
    }

    /** Today's Oproep counts of one group, as the admins' statistics give them. */
    private static DownloadStats.Totals oproepToday(DownloadStats.GroupBy groupBy) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        return new DownloadStats(aws.clients().dynamoDb(), aws.name("OproepTable")).report(today, today, groupBy).total();
    }

    /** What a presigned link serves, fetched from the emulator (the link names the signing proxy's address). */
    private static byte[] fetched(String presigned) {
        URI link = URI.create(presigned);
        URI direct = URI.create(aws.endpoint() + link.getRawPath() + "?" + link.getRawQuery());
        try {
            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(direct).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as("GET %s", direct).isEqualTo(200);
            return file.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String pathId(JsonNode httpEvent) {
        return httpEvent.path("pathParameters").path("id").asText();
    }

    private static Event storedEvent(JsonNode httpEvent) {
        return backend.events().find(pathId(httpEvent)).orElseThrow();
    }

    private static JsonNode newImage(JsonNode streamEvent) {
        return streamEvent.path("Records").get(0).path("dynamodb").path("NewImage");
    }

    private static String recipient(JsonNode streamEvent) {
        return newImage(streamEvent).path("to").path("S").asText();
    }

    /** The answer in a few words: an HTTP status, or a stream or schedule function's result. */
    private static String answer(JsonNode response) {
        if (response.has("statusCode")) {
            return "HTTP " + response.path("statusCode").asInt();
        }
        String json = response.toString();
        return json.length() > 40 ? json.substring(0, 40) + "…" : json;
    }

    private static JsonNode body(JsonNode httpResponse) {
        String body = httpResponse.path("body").asText();
        return body.startsWith("{") || body.startsWith("[") ? json(body) : Json.MAPPER.getNodeFactory().textNode(body);
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
