package nl.mensenmakennederland.local;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import nl.mensenmakennederland.shared.AwsClients;
import nl.mensenmakennederland.testing.AwsEmulator;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.MotoServer;
import nl.mensenmakennederland.testing.RepositoryRoot;
import nl.mensenmakennederland.testing.SamTemplate;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole campaign backend on one machine, started by {@code ./run-local}: an emulator with
 * the template's resources and sample data, every function of template.yaml in this JVM behind
 * its HTTP route or event source, a local mailbox and the demo site. Ctrl-C (or SIGTERM) stops
 * all of it, the moto_server it started included.
 */
public final class LocalRunner {

    /** Printed when the runner serves requests; tests and scripts wait for it. */
    static final String READY = "Ready:";
    static final Duration ADMIN_TOKEN_VALIDITY = Duration.ofHours(12);

    private final List<AutoCloseable> started = new ArrayList<>();
    // Event sources finish the request they have in flight when stopped: they stop together, so
    // Ctrl-C waits for the slowest of them, not for their sum.
    private final List<AutoCloseable> pollers = new ArrayList<>();

    public static void main(String[] args) throws InterruptedException {
        RunnerOptions options = RunnerOptions.parse(args);
        SamTemplate template = SamTemplate.load(options.parameterOverrides());
        List<String> wrong = LocalEnvironment.mismatches(template, System.getenv());
        if (!wrong.isEmpty()) {
            System.err.println("The runner needs the environment template.yaml gives the functions (not set right: "
                    + String.join(", ", wrong) + "). Start it with ./run-local.");
            System.exit(2);
        }
        LocalRunner runner = new LocalRunner();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.stop();
            stopped.countDown();
        }, "local-runner-stop"));
        try {
            runner.start(template, options, System.out);
        } catch (java.net.BindException portTaken) {
            System.err.println("Port " + options.port() + " is in use; start with ./run-local --port <another>.");
            System.exit(1);
        } catch (Exception failure) {
            System.err.println("The local runner could not start: " + failure);
            failure.printStackTrace();
            System.exit(1);
        }
        stopped.await();
    }

    void start(SamTemplate template, RunnerOptions options, PrintStream out) throws IOException {
        // moto takes a second or so to come up: load the functions (and their SDK clients) meanwhile.
        CompletableFuture<AwsEmulator> starting = CompletableFuture.supplyAsync(() -> emulator(template));
        Map<String, LocalFunction> functions = new LinkedHashMap<>();
        try {
            for (SamTemplate.Function function : template.functions()) {
                functions.put(function.logicalId(), LocalFunction.of(function));
            }
        } finally {
            track(starting.join());
        }
        AwsEmulator emulator = starting.join();
        LocalAws aws = new LocalAws(template, emulator);
        LocalSetup.prepare(aws);

        List<String> consumers = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        Map<String, ScheduleSource> schedules = new LinkedHashMap<>();
        DynamoDbStreamsClient streams = track(AwsClients.configure(DynamoDbStreamsClient.builder()).build());
        SqsClient sqs = track(AwsClients.configure(SqsClient.builder()).build());
        for (SamTemplate.Function function : template.functions()) {
            for (SamTemplate.FunctionEvent event : function.events()) {
                switch (event.type()) {
                    case "HttpApi" -> { }
                    case "DynamoDB" -> {
                        DynamoDbStreamSource source = trackPoller(new DynamoDbStreamSource(functions.get(function.logicalId()),
                                event, template, aws.clients().dynamoDb(), streams, Duration.ofSeconds(1)));
                        source.start();
                        consumers.add(source.description());
                    }
                    case "SQS" -> {
                        SqsQueueSource source = trackPoller(new SqsQueueSource(functions.get(function.logicalId()), event, template,
                                sqs, Duration.ofSeconds(2)));
                        source.start();
                        consumers.add(source.description());
                    }
                    case "Schedule", "ScheduleV2" -> {
                        ScheduleSource schedule = trackPoller(ScheduleSource.of(functions.get(function.logicalId()), event,
                                Clock.systemUTC()));
                        if (ScheduleSource.runnable(event)) {
                            schedule.start();
                        }
                        schedules.put(function.logicalId(), schedule);
                        consumers.add(schedule.description());
                    }
                    default -> notRun.add(function.logicalId() + " <- " + event.type() + " " + event.name());
                }
            }
        }

        LocalTokenIssuer issuer = new LocalTokenIssuer(Clock.systemUTC());
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        JwtAuthorizer.configs(template).forEach((name, config) ->
                authorizers.put(name, new JwtAuthorizer(config, issuer.publicKey(), Clock.systemUTC())));
        HttpApiRoutes routes = HttpApiRoutes.from(template);
        LocalHttpServer server = track(new LocalHttpServer(options.port(),
                new ApiGateway(routes, authorizers, functions, Clock.systemUTC()),
                new MailboxPage(new Mailbox(emulator.endpoint(), Clock.systemUTC())),
                new TokenEndpoint(issuer, authorizers),
                new HostedSignIn(HostedSignIn.Client.from(template), authorizers.values().iterator().next().config(), issuer,
                        options.origin(), Clock.systemUTC()),
                new ScheduleTriggers(schedules),
                new StaticSite(RepositoryRoot.path().resolve("site"))));
        server.start();

        out.println();
        out.println("Mensen maken Nederland runs locally.");
        out.println("  Site      " + options.origin() + "/");
        out.println("  Mailbox   " + options.origin() + MailboxPage.PATH);
        out.println("  API       " + options.origin() + "  (" + routes.all().size() + " routes of template.yaml)");
        routes.all().forEach(r -> out.println("            " + r.routeKey() + (r.authorizer() == null ? "" : "   [" + r.authorizer() + "]")));
        consumers.forEach(c -> out.println("  Events    " + c));
        notRun.forEach(n -> out.println("  Not run   " + n + " (the local runner has no such event source yet)"));
        out.println("  Emulator  " + emulator.endpoint() + (emulator instanceof MotoServer moto
                ? "  (moto_server, pid " + moto.pid() + ")" : "  (external, left running at exit)"));
        authorizers.forEach((name, authorizer) -> {
            out.println("  Admin token (" + name + ", group " + LocalTokenIssuer.ADMIN_GROUP + ", valid "
                    + ADMIN_TOKEN_VALIDITY.toHours() + " h):");
            out.println("    " + issuer.issue(authorizer.config(), List.of(LocalTokenIssuer.ADMIN_GROUP), ADMIN_TOKEN_VALIDITY));
        });
        if (!authorizers.isEmpty()) {
            out.println("  Tokens    " + options.origin() + TokenEndpoint.PATH + "?groups=admins  (a fresh one, any groups)");
            out.println("  Beheer    " + options.origin() + "/intern/  (admins and jury sign in through the emulated hosted sign-in)");
        }
        out.println(READY + " " + elapsed() + "  Stop with Ctrl-C.");
        out.flush();
    }

    private AwsEmulator emulator(SamTemplate template) {
        String motoPort = System.getenv(LocalEnvironment.MOTO_PORT);
        if (motoPort == null) {
            return new ExternalEmulator(System.getenv(LocalEnvironment.ENDPOINT), template);
        }
        return MotoServer.start(Integer.parseInt(motoPort), RepositoryRoot.path().resolve("local/target/moto_server.log"));
    }

    /** Time since ./run-local started (it passes its start time), else since this JVM started. */
    private static String elapsed() {
        String commandStarted = System.getenv("RUN_LOCAL_STARTED_MS");
        long since = commandStarted != null ? Long.parseLong(commandStarted) : ManagementFactory.getRuntimeMXBean().getStartTime();
        return String.format("%.1f s after %s.", (System.currentTimeMillis() - since) / 1000.0,
                commandStarted != null ? "./run-local started" : "the JVM started");
    }

    private <T extends AutoCloseable> T track(T resource) {
        synchronized (started) {
            started.add(resource);
        }
        return resource;
    }

    private <T extends AutoCloseable> T trackPoller(T poller) {
        synchronized (started) {
            pollers.add(poller);
        }
        return poller;
    }

    /** Stops the event sources together, then closes the rest in reverse order of start: the emulator last. */
    void stop() {
        synchronized (started) {
            List<Thread> stopping = pollers.stream().map(poller -> Thread.ofVirtual().start(() -> close(poller))).toList();
            for (Thread thread : stopping) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            pollers.clear();
            for (int i = started.size() - 1; i >= 0; i--) {
                close(started.get(i));
            }
            started.clear();
        }
        System.out.println("Stopped.");
    }

    private static void close(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("While stopping: " + e);
        }
    }
}
