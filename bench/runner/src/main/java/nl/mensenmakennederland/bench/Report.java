package nl.mensenmakennederland.bench;

import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The Markdown report: fresh-JVM table with the references and ratios, priming table, artifacts, targets. */
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
                .append(runs).append(" fresh JVMs per row, rows alternating; `JAVA_TOOL_OPTIONS=")
                .append(javaToolOptions).append("` from template.yaml; against moto_server on loopback.\n\n");

        double naive = median(ColdStartBenchmark.NAIVE, Measurement::totalMs);
        double floor = median(ColdStartBenchmark.FLOOR, Measurement::totalMs);
        md.append("**Fresh JVM** (median (min–max); total = process start to first response; ")
                .append("× = total median against the reference's):\n\n");
        md.append("| function | trigger | response | init ms | first invocation ms | total ms | × naive | × floor | peak RSS MB | classes loaded |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Variant v : variants) {
            List<Measurement> ms = of(cold, v.name());
            if (ms.isEmpty()) {
                md.append("| ").append(v.name()).append(" | ").append(v.trigger()).append(" | no sample event | | | | | | | |\n");
                continue;
            }
            double total = Stats.of(values(ms, Measurement::totalMs)).median();
            md.append("| ").append(v.reference() ? "*" + v.name() + "*" : v.name())
                    .append(" | `").append(v.trigger()).append("` | ").append(outcome(ms))
                    .append(" | ").append(Stats.of(values(ms, Measurement::initMs)).cell())
                    .append(" | ").append(Stats.of(values(ms, Measurement::firstMs)).cell())
                    .append(" | ").append(Stats.of(values(ms, Measurement::totalMs)).cell())
                    .append(" | ").append(ratio(total / naive))
                    .append(" | ").append(ratio(total / floor))
                    .append(" | ").append(Stats.of(values(ms, Measurement::peakRssMb)).cell())
                    .append(" | ").append(Stats.of(values(ms, m -> (double) m.classes())).cell())
                    .append(" |\n");
        }

        if (!primed.isEmpty()) {
            md.append("\n**After priming** (one JVM per row and run: init, the function's CRaC `beforeCheckpoint`/`afterRestore`")
                    .append(" hooks, then the first invocation and ").append(warm).append(" warm ones; median (min–max) over the runs):\n\n");
            md.append("| function | priming ms | first invocation after priming ms | warm median ms | × warm | classes loaded by that first invocation | response |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            for (Variant v : variants) {
                List<Measurement> ms = of(primed, v.name());
                if (ms.isEmpty()) {
                    continue;
                }
                double first = Stats.of(values(ms, Measurement::firstMs)).median();
                double warmMedian = Stats.of(values(ms, m -> Stats.of(m.warmMs()).median())).median();
                int hooks = ms.get(0).primingResources();
                md.append("| ").append(v.name())
                        .append(" | ").append(hooks == 0 ? "**none registered**" : Stats.of(values(ms, Measurement::primeMs)).cell())
                        .append(" | ").append(cell1(Stats.of(values(ms, Measurement::firstMs))))
                        .append(" | ").append(String.format(Locale.ROOT, "%.1f", warmMedian))
                        .append(" | ").append(ratio(first / warmMedian))
                        .append(" | ").append(Stats.of(values(ms, m -> (double) (m.classes() - m.classesBeforeFirst()))).cell())
                        .append(" | ").append(outcome(ms))
                        .append(" |\n");
            }
        }

        md.append("\n**Artifacts**: functions ").append(mb(ColdStartBenchmark.size(artifacts.functionsJar())))
                .append(" (`").append(artifacts.functionsJar().getFileName()).append("`, limit 12 MB), naive reference ")
                .append(mb(ColdStartBenchmark.size(artifacts.naiveJar()))).append(".\n\n");
        md.append(targets(naive));
        md.append(profiles());
        return md.toString();
    }

    private String targets(double naive) {
        StringBuilder md = new StringBuilder("**Targets**:\n\n");
        for (Variant v : variants) {
            if (v.reference() || of(cold, v.name()).isEmpty()) {
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
        long size = ColdStartBenchmark.size(artifacts.functionsJar());
        md.append("- artifact: ").append(mb(size)).append(size <= ARTIFACT_LIMIT_BYTES ? " met" : " **missed**").append("\n");
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
        return Stats.of(values(of(cold, variant), metric)).median();
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
