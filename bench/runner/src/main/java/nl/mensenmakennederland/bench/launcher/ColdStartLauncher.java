package nl.mensenmakennederland.bench.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The main class of every measured JVM: plays the Lambda runtime for one handler and prints one
 * result line. It does what the java runtime does at a cold start, in the same order: load and
 * construct the handler (init) and, for a {@code RequestHandler}, build the runtime's serializers
 * for its input and output types; then per invocation hand it the event (see {@link Invoker}).
 *
 * <pre>
 * ColdStartLauncher HANDLER_CLASS cold   0    EVENT_FILE
 * ColdStartLauncher HANDLER_CLASS primed WARM EVENT_FILE   (then WARM more invocations)
 * </pre>
 *
 * Before each warm invocation it prints {@code COLDSTART-NEXT} and reads the path of that
 * invocation's event from stdin, so the orchestrator can prepare its state (say, one more mail
 * to sweep) in between; that wait is not timed.
 *
 * Kept apart from the orchestrator: it may only use the JDK, aws-lambda-java-core and the
 * runtime's serialization library, which the measured classpath provides.
 */
public final class ColdStartLauncher {

    /** Marks the result line among whatever the handler logs to stdout. */
    public static final String RESULT_PREFIX = "COLDSTART-RESULT ";
    /** Asks the orchestrator for the next event. */
    public static final String NEXT = "COLDSTART-NEXT";

    private ColdStartLauncher() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        String handlerName = args[0];
        boolean primed = "primed".equals(args[1]);

        ClassLoader loader = ColdStartLauncher.class.getClassLoader();
        Class<?> handlerClass = Class.forName(handlerName, true, loader);
        Invoker invoker = Invoker.of(handlerClass.getDeclaredConstructor().newInstance(), loader);
        long initNanos = System.nanoTime() - start;

        int warm = Integer.parseInt(args[2]);
        byte[] firstEvent = Files.readAllBytes(Path.of(args[3]));
        BufferedReader orchestrator = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

        Result result = new Result();
        result.put("initMs", millis(initNanos));
        if (primed) {
            long primeStart = System.nanoTime();
            int resources = runPrimingResources(loader);
            result.put("primeMs", millis(System.nanoTime() - primeStart));
            result.put("primingResources", resources);
            System.gc(); // as a checkpoint does
        }
        BenchContext firstContext = new BenchContext(0);
        if (primed) {
            result.put("classesBeforeFirst", ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        }
        FirstInvocationStarts.mark();
        List<Double> invocations = new ArrayList<>();
        List<String> responses = new ArrayList<>();
        for (int i = 0; i <= warm; i++) {
            byte[] event = i == 0 ? firstEvent : nextEvent(orchestrator);
            BenchContext context = i == 0 ? firstContext : new BenchContext(i);
            long invokeStart = System.nanoTime();
            String response = invoker.invoke(event, context);
            invocations.add(millis(System.nanoTime() - invokeStart));
            responses.add(response);
        }
        result.put("firstMs", invocations.get(0));
        result.put("classes", ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        result.put("peakRssKb", peakRssKb());
        result.putNumbers("warmMs", invocations.subList(1, invocations.size()));
        result.putRaw("responses", "[" + String.join(",", responses) + "]");
        System.out.println(RESULT_PREFIX + result.json());
        System.out.flush();
    }

    /**
     * Runs the CRaC resources the functions registered, as a SnapStart checkpoint would: their
     * {@code beforeCheckpoint}, then {@code afterRestore}. A plain JDK holds no CRaC context,
     * so they are taken from the functions' own registry, {@code shared.Priming.resources()}.
     */
    private static int runPrimingResources(ClassLoader loader) throws Exception {
        Class<?> registry;
        try {
            registry = Class.forName("nl.mensenmakennederland.shared.Priming", true, loader);
        } catch (ClassNotFoundException none) {
            return 0; // a reference handler: nothing registered
        }
        Class<?> resourceType = Class.forName("org.crac.Resource", true, loader);
        Class<?> contextType = Class.forName("org.crac.Context", true, loader);
        Method before = resourceType.getMethod("beforeCheckpoint", contextType);
        Method after = resourceType.getMethod("afterRestore", contextType);
        List<?> resources = (List<?>) registry.getMethod("resources").invoke(null);
        for (Object resource : resources) {
            before.invoke(resource, (Object) null);
        }
        for (Object resource : resources) {
            after.invoke(resource, (Object) null);
        }
        return resources.size();
    }

    private static byte[] nextEvent(BufferedReader orchestrator) throws IOException {
        System.out.println(NEXT);
        System.out.flush();
        return Files.readAllBytes(Path.of(orchestrator.readLine().trim()));
    }

    private static long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
