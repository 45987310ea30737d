package nl.mensenmakennederland.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.mensenmakennederland.bench.lambda.ExecutionEnvironment;
import nl.mensenmakennederland.bench.lambda.ExecutionEnvironment.Credentials;
import nl.mensenmakennederland.bench.lambda.RuntimeClient;
import nl.mensenmakennederland.bench.lambda.DeploymentPackages;
import nl.mensenmakennederland.testing.LocalAws;
import nl.mensenmakennederland.testing.MotoServer;
import nl.mensenmakennederland.testing.RepositoryRoot;
import nl.mensenmakennederland.testing.SamTemplate;

/**
 * The cold-start benchmark: every function in template.yaml, plus the floor and the naive
 * reference, each in fresh execution environments under the official runtime client against
 * moto_server, alternating the variants round by round so that drift (other builds on the
 * machine) hits all alike; then one SnapStart-mode environment per function and run: init, its
 * priming hooks, the restore, the first invocation and warm ones. Writes a Markdown report to
 * {@code bench/results/}. Run through {@code bench/coldstart}.
 *
 * <pre>
 * --runs N                      fresh JVMs per variant (default 10)
 * --primed-runs N               SnapStart environments per function (default 5)
 * --warm N                      warm invocations after the first, in a SnapStart environment (default 20)
 * --only REGEX                  only the variants whose name matches (the references always run)
 * --compare-credentials REGEX   also run the matching functions with the other credentials
 *                               (container endpoint fresh, access keys under SnapStart), side by side
 * --record-classes              write each function's first-invocation classes for its priming (then rebuild)
 * </pre>
 */
public final class ColdStartBenchmark {

    static final String FLOOR = "floor (no SDK)";
    static final String NAIVE = "naive (Enhanced client, defaults)";

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
        int primedRuns = Integer.parseInt(options.getOrDefault("primed-runs", "5"));
        int warm = Integer.parseInt(options.getOrDefault("warm", "20"));
        Pattern only = Pattern.compile(options.getOrDefault("only", ".*"));
        Pattern compare = options.containsKey("compare-credentials") ? Pattern.compile(options.get("compare-credentials")) : null;

        Path root = RepositoryRoot.path();
        Path work = Files.createDirectories(root.resolve("bench/runner/target/coldstart"));
        SamTemplate template = SamTemplate.load();
        System.out.println("== unpacking the jobs' packages as Lambda does (functions/<job>/target/<job>.zip)");
        Map<String, DeploymentPackages.Package> packages = DeploymentPackages.unpack(template, work.resolve("packages"));
        Artifacts artifacts = Artifacts.prepare(root, work, Set.copyOf(packages.values()));
        RuntimeClient client = RuntimeClient.locate(root);
        String loadBefore = Machine.load();
        try (LocalAws aws = new LocalAws(template, MotoServer.start(work.resolve("moto_server.log")))) {
            aws.reset();
            EventsJob backend = EventsJob.prepare(aws);
            OproepJob.seed(aws);
            PrizesJob prizes = PrizesJob.prepare(aws);

            List<Variant> all = new ArrayList<>();
            for (Variant variant : variants(template, packages, artifacts, new SampleEvents(root.resolve("events")),
                    new Fixtures(aws, backend, prizes), prizes)) {
                if (variant.reference() || only.matcher(variant.name()).find()) {
                    all.add(variant);
                    if (!variant.reference() && compare != null && compare.matcher(variant.name()).find()) {
                        all.add(variant.withOtherCredentials());
                    }
                }
            }
            List<Variant> variants = List.copyOf(all);
            variants.stream().filter(v -> !v.measurable())
                    .forEach(v -> System.out.println("!! " + v.name() + ": no sample event in events/ for " + v.trigger()));
            List<Variant> measured = variants.stream().filter(Variant::measurable).toList();

            ChildJvm jvm = new ChildJvm(client, aws.endpoint(), work);
            List<Measurement> cold = new ArrayList<>();
            for (int round = 0; round < runs; round++) {
                for (Variant variant : rotated(measured, round)) {
                    Measurement m = jvm.cold(variant);
                    cold.add(m);
                    System.out.printf("cold %2d/%d %-50s total %6.0f ms  init %5.0f  first %5.0f  %s%n",
                            round + 1, runs, variant.name(), m.totalMs(), m.initMs(), m.firstMs(), m.outcome());
                }
            }
            List<Measurement> primed = new ArrayList<>();
            List<Variant> functions = measured.stream().filter(v -> !v.reference()).toList();
            for (int round = 0; round < primedRuns; round++) {
                for (Variant variant : rotated(functions, round)) {
                    Measurement m = jvm.primed(variant, warm);
                    primed.add(m);
                    System.out.printf("primed %d/%d %-48s init+priming %5.0f ms  restore %5.1f  first after %5.1f  warm median %5.1f  %s%n",
                            round + 1, primedRuns, variant.name(), m.primeMs(), m.restoreMs(), m.firstMs(),
                            Stats.of(m.warmMs()).median(), m.outcome());
                }
            }
            // Not timed: one more environment per row that logs its class loading, to show where the time goes.
            Map<String, ClassLoadProfile> coldProfiles = new LinkedHashMap<>();
            Map<String, ClassLoadProfile> primedProfiles = new LinkedHashMap<>();
            for (Variant variant : measured) {
                if (variant.comparison()) {
                    continue;
                }
                Path log = work.resolve(variant.name().replaceAll("\\W+", "_") + "-cold-classes.log");
                Files.deleteIfExists(log);
                coldProfiles.put(variant.name(), jvm.profiled(variant, false, log));
                if (!variant.reference() && primedRuns > 0) {
                    Path primedLog = work.resolve(variant.name() + "-primed-classes.log");
                    Files.deleteIfExists(primedLog);
                    primedProfiles.put(variant.name(), jvm.profiled(variant, true, primedLog));
                }
            }
            if (options.containsKey("record-classes")) {
                recordClasses(root, packages, measured, coldProfiles);
            }
            String report = new Report(variants, cold, primed, coldProfiles, primedProfiles, artifacts, runs, warm,
                    template.functions().get(0).environment().get("JAVA_TOOL_OPTIONS"), loadBefore, Machine.load()).markdown();
            Path results = Files.createDirectories(root.resolve("bench/results"));
            Files.writeString(results.resolve("coldstart-" + Machine.timestamp() + ".md"), report);
            Files.writeString(results.resolve("latest.md"), report);
            System.out.println();
            System.out.println(report);
            boolean allSucceeded = Stream.concat(cold.stream(), primed.stream()).allMatch(Measurement::success);
            if (!allSucceeded) {
                System.out.println("!! Some invocations did not succeed: see the response column.");
                System.exit(1);
            }
        }
    }

    static List<Variant> variants(SamTemplate template, Map<String, DeploymentPackages.Package> packages, Artifacts artifacts,
                                  SampleEvents samples, Fixtures fixtures, PrizesJob prizes) {
        List<Variant> variants = new ArrayList<>();
        SamTemplate.Function first = template.functions().get(0);
        // The references do the registration route's work: its sample, a new registrant each time.
        SamTemplate.Function register = template.functions().stream()
                .filter(f -> SampleEvents.trigger(f).equals("POST /events/{id}/registrations")).findFirst().orElse(first);
        Path referenceSample = samples.forFunction(register).orElseThrow();
        ExecutionEnvironment.Function like = ExecutionEnvironment.Function.of(template, register.logicalId(),
                packages.get(register.logicalId()).taskRoot());
        variants.add(new Variant(FLOOR, true, "POST (any)", new ExecutionEnvironment.Function("floor",
                "nl.mensenmakennederland.bench.references.FloorHandler::handleRequest", artifacts.floorTaskRoot(),
                like.variables(), like.memoryMb(), like.timeout()), referenceSample, fixtures::newRegistrant,
                Credentials.ACCESS_KEYS, Credentials.ACCESS_KEYS, false));
        variants.add(new Variant(NAIVE, true, "POST (PutItem)", new ExecutionEnvironment.Function("naive",
                "nl.mensenmakennederland.bench.references.NaiveRegisterHandler::handleRequest", artifacts.naiveTaskRoot(),
                like.variables(), like.memoryMb(), like.timeout()), referenceSample, fixtures::newRegistrant,
                Credentials.ACCESS_KEYS, Credentials.ACCESS_KEYS, false));
        for (SamTemplate.Function function : template.functions()) {
            String trigger = SampleEvents.trigger(function);
            variants.add(new Variant(function.logicalId(), false, trigger,
                    prizes.withWindow(ExecutionEnvironment.Function.of(template, function.logicalId(),
                            packages.get(function.logicalId()).taskRoot())),
                    samples.forFunction(function).orElse(null), fixtures.forFunction(function.logicalId(), trigger),
                    Credentials.ACCESS_KEYS, Credentials.CONTAINER, false));
        }
        return variants;
    }

    /**
     * Writes, for each function, the classes of the deployment package its first invocation
     * loaded in a fresh JVM, where its priming loads them before a SnapStart checkpoint
     * ({@code shared.RecordedClasses}), in its module's resources. Rebuild afterwards: the lists ship in the package.
     */
    static void recordClasses(Path root, Map<String, DeploymentPackages.Package> packages, List<Variant> variants,
                              Map<String, ClassLoadProfile> profiles) throws IOException {
        for (Variant variant : variants) {
            ClassLoadProfile profile = profiles.get(variant.name());
            if (variant.reference() || variant.comparison() || profile == null) {
                continue;
            }
            DeploymentPackages.Package jobPackage = packages.get(variant.name());
            String name = jobPackage.zip().getFileName().toString().replace(".zip", "");
            Path module = jobPackage.zip().getParent().getParent(); // functions/<module>/target/<name>.zip
            Path folder = Files.createDirectories(module.resolve("src/main/resources/priming"));
            String handlerClass = variant.function().handler().split("::")[0];
            List<String> classes = profile.firstInvocationClassesFrom(jobPackage.taskRoot().resolve("lib/" + name + ".jar"));
            Files.writeString(folder.resolve(handlerClass + ".classes"),
                    "# Classes the first invocation of " + variant.name() + " loads from the deployment package, recorded by\n"
                            + "# bench/coldstart --record-classes; priming loads them before a SnapStart checkpoint.\n"
                            + String.join("\n", classes) + "\n");
            System.out.println("recorded " + classes.size() + " classes for " + handlerClass);
        }
    }

    /** Round {@code r} starts at the r-th variant, so no variant always runs right after the same one. */
    static <T> List<T> rotated(List<T> items, int round) {
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(items.get((i + round) % items.size()));
        }
        return out;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--record-classes")) {
                options.put("record-classes", "true");
                continue;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Usage: --runs N --primed-runs N --warm N --only REGEX "
                        + "--compare-credentials REGEX --record-classes; got "
                        + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
