package nl.mensenmakennederland.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.mensenmakennederland.bench.lambda.ExecutionEnvironment;
import nl.mensenmakennederland.bench.lambda.ExecutionEnvironment.Init;
import nl.mensenmakennederland.bench.lambda.RuntimeClient;

/**
 * Starts one fresh execution environment for a variant, under the official runtime client, as
 * Lambda starts one, and measures it from the Runtime API's side.
 */
final class ChildJvm {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    private final RuntimeClient client;
    private final String awsEndpoint;
    private final Path workDir;

    ChildJvm(RuntimeClient client, String awsEndpoint, Path workDir) {
        this.client = client;
        this.awsEndpoint = awsEndpoint;
        this.workDir = workDir;
    }

    /** A cold start on demand ({@code $LATEST}): init, then one invocation. */
    Measurement cold(Variant variant) {
        return Measurement.of(variant.name(), "cold", run(variant, Init.ON_DEMAND, 1, List.of()), 1, variant.fixture().verify());
    }

    /** A SnapStart version: init, the priming hooks, the restore, then {@code 1 + warm} invocations. */
    Measurement primed(Variant variant, int warm) {
        return Measurement.of(variant.name(), "primed", run(variant, Init.SNAP_START, 1 + warm, List.of()), 1 + warm,
                variant.fixture().verify());
    }

    /** Like {@link #cold} or {@link #primed} with one invocation, logging every class the JVM loads; not timed. */
    ClassLoadProfile profiled(Variant variant, boolean primed, Path classLog) {
        ExecutionEnvironment.Run run = run(variant, primed ? Init.SNAP_START : Init.ON_DEMAND, 1,
                List.of("-Xlog:class+load=info:file=" + classLog + ":timenanos,tags"));
        if (!run.complete(1)) {
            throw new IllegalStateException(variant.name() + " failed while profiling: " + run.diagnosis());
        }
        return ClassLoadProfile.read(classLog, run.invocations().get(0));
    }

    private ExecutionEnvironment.Run run(Variant variant, Init init, int invocations, List<String> extraJvmOptions) {
        String sample = SampleEvents.content(variant.sample());
        // The first event's state is prepared before the clock starts; later ones while the runtime waits for them.
        String first = variant.fixture().prepare(sample);
        return ExecutionEnvironment.run(client, variant.function(), init,
                init == Init.SNAP_START ? variant.snapStart() : variant.fresh(), awsEndpoint, invocations,
                i -> i == 0 ? first : variant.fixture().prepare(sample), extraJvmOptions,
                workDir.resolve(variant.name().replaceAll("\\W+", "_") + "-" + init + ".log"), LIMIT);
    }
}
