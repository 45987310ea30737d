package nl.mensenmakennederland.bench;

import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import nl.mensenmakennederland.bench.lambda.ExecutionEnvironment;

/** The Markdown report: fresh-JVM table with the references and ratios, SnapStart table, credentials, artifacts, targets. */
final class Report {

    static final double ARTIFACT_LIMIT_BYTES = 12_000_000;
    static final double TARGET_VS_NAIVE = 0.9;
    static final double TARGET_LISTING_VS_NAIVE = 0.75;
    static final String LISTING_TRIGGER = "GET /events";
    static final double TARGET_PRIMED_VS_WARM = 2.0;

    private final List<Variant> variants;
    private final List<Measurement> cold;
    private final List<Measurement> primed;
    private final Map<String, ClassLoadProfile> coldProfiles;
    private final Map<String, ClassLoadProfile> primedProfiles;
    private final Artifacts artifacts;
    private final int runs;
    private final int warm;
    private final String javaToolOptions;
    private final String loadBefore;
    private final String loadAfter;

    Report(List<Variant> variants, List<Measurement> cold, List<Measurement> primed,
           Map<String, ClassLoadProfile> coldProfiles, Map<String, ClassLoadProfile> primedProfiles, Artifacts artifacts,
           int runs, int warm, String javaToolOptions, String loadBefore, String loadAfter) {
        this.variants = variants;
        this.cold = cold;
        this.primed = primed;
        this.coldProfiles = coldProfiles;
        this.primedProfiles = primedProfiles;
        this.artifacts = artifacts;
        this.runs = runs;
        this.warm = warm;
        this.javaToolOptions = javaToolOptions;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### Cold start, ").append(Machine.now()).append("\n\n");
        md.append("Machine: ").append(Machine.description()).append("; load average (1, 5, 15 min) ")
                .append(loadBefore).append(" before, ").append(loadAfter).append(" after. ")
                .append("Every row runs as Lambda runs it: a fresh JDK 25 with the official runtime client ")
                .append("(`aws-lambda-java-runtime-interface-client` 2.10.1, the managed `java25` runtime's flags, `JAVA_TOOL_OPTIONS=")
                .append(javaToolOptions).append("` from template.yaml) in the task root its job's package unpacks to, against a Runtime API ")
                .append("served by the benchmark and moto_server on loopback. ").append(runs)
                .append(" fresh environments per row, rows alternating.\n\n");

        double naive = median(ColdStartBenchmark.NAIVE, Measurement::totalMs);
        double floor = median(ColdStartBenchmark.FLOOR, Measurement::totalMs);
        md.append("**Fresh JVM, on demand** (as `$LATEST` starts; median (min–max); init = process start to the runtime's ")
                .append("first `GET /runtime/invocation/next`; first invocation = the event handed out to its response; ")
                .append("total = process start to that response; × = total median against the reference's):\n\n");
        md.append("| function | trigger | credentials | response | init ms | first invocation ms | total ms | × naive | × floor | peak RSS MB |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Variant v : variants) {
            List<Measurement> ms = of(cold, v.name());
            if (ms.isEmpty()) {
                md.append("| ").append(v.name()).append(" | ").append(v.trigger()).append(" | | no sample event | | | | | | |\n");
                continue;
            }
            double total = Stats.of(values(ms, Measurement::totalMs)).median();
            md.append("| ").append(v.reference() ? "*" + v.name() + "*" : v.name())
                    .append(" | `").append(v.trigger()).append("` | ").append(credentials(v.fresh(), false))
                    .append(" | ").append(outcome(ms))
                    .append(" | ").append(cell(ms, Measurement::initMs))
                    .append(" | ").append(cell(ms, Measurement::firstMs))
                    .append(" | ").append(cell(ms, Measurement::totalMs))
                    .append(" | ").append(ratio(total / naive))
                    .append(" | ").append(ratio(total / floor))
                    .append(" | ").append(cell(ms, Measurement::peakRssMb))
                    .append(" |\n");
        }

        if (!primed.isEmpty()) {
            md.append("\n**SnapStart** (one environment per row and run in the runtime's SnapStart mode: init and the CRaC ")
                    .append("`beforeCheckpoint` hooks, i.e. priming, up to `GET /runtime/restore/next`; restore = the ")
                    .append("`afterRestore` hooks up to the first `next`; then the first invocation and ").append(warm)
                    .append(" warm ones; median (min–max) over the runs. No snapshot is really taken: the first invocation ")
                    .append("runs in the JVM that primed, as a restored copy of it would):\n\n");
            md.append("| function | credentials | init + priming ms | restore ms | first invocation after restore ms | warm median ms ")
                    .append("| × warm | classes loaded by that first invocation | credential fetches before / after restore | response |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|\n");
            for (Variant v : variants) {
                List<Measurement> ms = of(primed, v.name());
                if (ms.isEmpty()) {
                    continue;
                }
                double first = Stats.of(values(ms, Measurement::firstMs)).median();
                double warmMedian = Stats.of(values(ms, m -> Stats.of(m.warmMs()).median())).median();
                ClassLoadProfile profile = primedProfiles.get(v.name());
                md.append("| ").append(v.name())
                        .append(" | ").append(credentials(v.snapStart(), true))
                        .append(" | ").append(cell(ms, Measurement::primeMs))
                        .append(" | ").append(cell1(Stats.of(values(ms, Measurement::restoreMs))))
                        .append(" | ").append(cell1(Stats.of(values(ms, Measurement::firstMs))))
                        .append(" | ").append(String.format(Locale.ROOT, "%.1f", warmMedian))
                        .append(" | ").append(ratio(first / warmMedian))
                        .append(" | ").append(profile == null ? "" : profile.duringFirst())
                        .append(" | ").append(fetches(ms))
                        .append(" | ").append(outcome(ms))
                        .append(" |\n");
            }
        }
        md.append(credentialsCost());

        md.append("\n**Packages** (`functions/<job>/target/<job>.zip`, limit 12 MB each):");
        artifacts.jobPackages().forEach((job, zip) -> md.append(" ").append(job).append(" ").append(mb(ColdStartBenchmark.size(zip))).append(";"));
        md.append(" naive reference ").append(mb(ColdStartBenchmark.size(artifacts.naiveJar()))).append(".\n\n");
        md.append(targets(naive));
        md.append(profiles());
        return md.toString();
    }

    /** The same functions with access keys and with the container endpoint, side by side. */
    private String credentialsCost() {
        List<Variant> compared = variants.stream().filter(Variant::comparison).toList();
        if (compared.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n**What the credentials cost** (medians of the rows above; Δ = container endpoint ")
                .append("minus access keys):\n\n")
                .append("| function | fresh JVM total ms: access keys / container (Δ) | fresh JVM first invocation ms: keys / container (Δ) ")
                .append("| SnapStart restore ms: keys / container, renewed (Δ) | first invocation after restore ms: keys / container (Δ) |\n")
                .append("|---|---|---|---|---|\n");
        for (Variant other : compared) {
            Variant base = variants.stream().filter(v -> !v.comparison() && other.name().startsWith(v.name() + " ")).findFirst().orElseThrow();
            // The base row runs fresh with keys and SnapStart with the container endpoint; the other row the opposite.
            md.append("| ").append(base.name())
                    .append(" | ").append(delta(median(cold, base.name(), Measurement::totalMs), median(cold, other.name(), Measurement::totalMs)))
                    .append(" | ").append(delta(median(cold, base.name(), Measurement::firstMs), median(cold, other.name(), Measurement::firstMs)))
                    .append(" | ").append(delta(median(primed, other.name(), Measurement::restoreMs), median(primed, base.name(), Measurement::restoreMs)))
                    .append(" | ").append(delta(median(primed, other.name(), Measurement::firstMs), median(primed, base.name(), Measurement::firstMs)))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String delta(double keys, double container) {
        return String.format(Locale.ROOT, "%.1f / %.1f (%+.1f)", keys, container, container - keys);
    }

    private static String credentials(ExecutionEnvironment.Credentials credentials, boolean snapStart) {
        return switch (credentials) {
            case ACCESS_KEYS -> "access keys";
            case CONTAINER -> snapStart ? "container endpoint, renewed after restore" : "container endpoint";
        };
    }

    /** Credential fetches before / after the restore, e.g. {@code 1 / 1}; several values when runs differ. */
    private static String fetches(List<Measurement> ms) {
        return ms.stream().map(m -> m.fetchesBeforeRestore() + " / " + m.fetchesAfterRestore()).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private String targets(double naive) {
        StringBuilder md = new StringBuilder("**Targets**:\n\n");
        for (Variant v : variants) {
            if (v.reference() || v.comparison() || of(cold, v.name()).isEmpty()) {
                continue;
            }
            double limit = LISTING_TRIGGER.equals(v.trigger()) ? TARGET_LISTING_VS_NAIVE : TARGET_VS_NAIVE;
            double ratio = median(v.name(), Measurement::totalMs) / naive;
            md.append("- ").append(v.name()).append(": fresh JVM ").append(ratio(ratio)).append(" naive (target ≤ ")
                    .append(limit).append("×) ").append(ratio <= limit ? "met" : "**missed** by " + ratio(ratio - limit));
            List<Measurement> ms = of(primed, v.name());
            if (!ms.isEmpty()) {
                double first = Stats.of(values(ms, Measurement::firstMs)).median();
                double warmMedian = Stats.of(values(ms, m -> Stats.of(m.warmMs()).median())).median();
                double r = first / warmMedian;
                md.append("; after priming ").append(ratio(r)).append(" warm (target ≤ 2×) ")
                        .append(r <= TARGET_PRIMED_VS_WARM ? "met" : "**missed** by " + ratio(r - TARGET_PRIMED_VS_WARM));
            }
            md.append("\n");
        }
        artifacts.jobPackages().forEach((job, zip) -> {
            long size = ColdStartBenchmark.size(zip);
            md.append("- package ").append(job).append(": ").append(mb(size))
                    .append(size <= ARTIFACT_LIMIT_BYTES ? " met" : " **missed**").append("\n");
        });
        return md.toString();
    }

    private String profiles() {
        if (coldProfiles.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n**Class-load profile** (one more JVM per row with `-Xlog:class+load`, not timed; ")
                .append("classes by package, largest groups first):\n\n")
                .append("| function | fresh JVM: loaded before / by the first invocation | largest groups loaded by the first invocation ")
                .append("| after priming: loaded by the first invocation | largest groups |\n|---|---|---|---|---|\n");
        for (Variant v : variants) {
            ClassLoadProfile coldProfile = coldProfiles.get(v.name());
            if (coldProfile == null) {
                continue;
            }
            ClassLoadProfile primedProfile = primedProfiles.get(v.name());
            md.append("| ").append(v.name()).append(" | ").append(coldProfile.beforeFirst()).append(" / ")
                    .append(coldProfile.duringFirst()).append(" | ").append(ClassLoadProfile.top(coldProfile.duringByPackage(), 4))
                    .append(" | ").append(primedProfile == null ? "" : primedProfile.duringFirst())
                    .append(" | ").append(primedProfile == null ? "" : ClassLoadProfile.top(primedProfile.duringByPackage(), 5))
                    .append(" |\n");
        }
        return md.toString();
    }

    private double median(String variant, ToDoubleFunction<Measurement> metric) {
        return median(cold, variant, metric);
    }

    private static double median(List<Measurement> all, String variant, ToDoubleFunction<Measurement> metric) {
        return Stats.of(values(of(all, variant), metric)).median();
    }

    private static String cell(List<Measurement> ms, ToDoubleFunction<Measurement> metric) {
        return Stats.of(values(ms, metric)).cell();
    }

    private static List<Measurement> of(List<Measurement> all, String variant) {
        return all.stream().filter(m -> m.variant().equals(variant)).toList();
    }

    private static List<Double> values(List<Measurement> ms, ToDoubleFunction<Measurement> metric) {
        return ms.stream().filter(Measurement::success).map(m -> metric.applyAsDouble(m)).toList();
    }

    /** The responses seen, e.g. {@code 201} or {@code 9× 201, 1× 500}. */
    private static String outcome(List<Measurement> ms) {
        var counts = new java.util.TreeMap<String, Long>();
        ms.forEach(m -> counts.merge(m.outcome(), 1L, Long::sum));
        if (counts.size() == 1) {
            return counts.firstKey();
        }
        StringBuilder out = new StringBuilder();
        counts.forEach((o, n) -> out.append(out.isEmpty() ? "" : ", ").append(n).append("× ").append(o));
        return out.toString();
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    private static String cell1(Stats s) {
        return String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", s.median(), s.min(), s.max());
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
