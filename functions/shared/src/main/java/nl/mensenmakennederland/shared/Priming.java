package nl.mensenmakennederland.shared;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. Lambda snapshots an execution environment after init and restores copies
 * of it; whatever a function's first request would load, build or JIT-compile lazily is paid
 * again by every copy unless it happened before the snapshot. A function registers here, from
 * its production (no-argument) constructor, the work its first request would otherwise pay
 * for, and CRaC runs it just before the checkpoint.
 *
 * <p>Primers must have no side effects: reads, requests refused before anything is written,
 * SDK warm-ups without a network call; never a write or a mail. They must not seed anything
 * meant to differ between environments (random ids, jitter). A failing primer is logged and
 * ignored: a slower first request beats a failed deployment.
 */
public final class Priming {

    /** CRaC holds resources weakly; these are what keeps them alive until the checkpoint. */
    private static final List<Resource> RESOURCES = new CopyOnWriteArrayList<>();

    private Priming() {}

    /**
     * Registers {@code primer} to run before a SnapStart checkpoint, after the classes recorded
     * for {@code handler} are loaded (see {@link RecordedClasses}). Call from production
     * constructors only.
     */
    public static void beforeCheckpoint(Class<?> handler, Runnable primer) {
        Resource resource = new Primer(handler.getSimpleName(), () -> {
            RecordedClasses.load(handler);
            primer.run();
        });
        RESOURCES.add(resource);
        Core.getGlobalContext().register(resource);
    }

    /**
     * Registers {@code action} to run in every execution environment restored from a snapshot,
     * before its first request: for what must differ between environments (credentials).
     * A failure fails the restore, as it should: the environment would not work.
     */
    public static void afterRestore(String name, Runnable action) {
        Resource resource = new Restorer(name, action);
        RESOURCES.add(resource);
        Core.getGlobalContext().register(resource);
    }

    /**
     * What is registered, in order. On a JDK without CRaC nothing runs them; the cold-start
     * benchmark runs them itself to measure a primed first invocation.
     */
    public static List<Resource> resources() {
        return List.copyOf(RESOURCES);
    }

    private record Primer(String name, Runnable primer) implements Resource {

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            long start = System.nanoTime();
            try {
                primer.run();
                Log.info("priming.done", "primer", name, "ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException | LinkageError failed) {
                Log.error("priming.failed", failed, "primer", name);
            }
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            // Nothing to renew: clients reconnect by themselves, and nothing primed is unique.
        }
    }

    private record Restorer(String name, Runnable action) implements Resource {

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {}

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            action.run();
            Log.info("restore.done", "resource", name);
        }
    }
}
