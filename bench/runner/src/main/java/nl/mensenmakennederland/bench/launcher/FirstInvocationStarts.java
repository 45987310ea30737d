package nl.mensenmakennederland.bench.launcher;

/**
 * Loaded right before the first invocation, so that a class-load log ({@code -Xlog:class+load})
 * shows which classes that invocation still had to load.
 */
final class FirstInvocationStarts {

    private FirstInvocationStarts() {}

    static void mark() {
        // loading this class is the mark
    }
}
