package nl.mensenmakennederland.digest;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * One measured stretch of the digest's work: wall time, the CPU time this whole JVM used meanwhile
 * (the SDK and our code; the emulator runs in its own process), garbage collection, bytes
 * allocated, and the DynamoDB requests it made ({@link RequestLog}).
 */
final class Meter {

    record Reading(String name, double wallMillis, double cpuMillis, double gcMillis, double allocatedMegabytes,
                   RequestLog.Summary requests) {}

    record Measured<T>(T value, Reading reading) {}

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final RequestLog log;

    Meter(RequestLog log) {
        this.log = log;
    }

    <T> Measured<T> measure(String name, Supplier<T> work) {
        log.drain();
        long gc = gcMillis();
        long allocated = THREADS.getTotalThreadAllocatedBytes();
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        T value = work.get();
        long wall = System.nanoTime() - start;
        Reading reading = new Reading(name, wall / 1e6, (OS.getProcessCpuTime() - cpu) / 1e6, gcMillis() - gc,
                (THREADS.getTotalThreadAllocatedBytes() - allocated) / 1e6, log.drain());
        return new Measured<>(value, reading);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
