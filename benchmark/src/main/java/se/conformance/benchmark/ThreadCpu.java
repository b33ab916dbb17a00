package se.conformance.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads by role, between two readings: the simulator's (or stub's) request
 * threads, the journal's writer, the load client, and the rest of the JVM (JIT, GC; from the process's
 * total). Divided by the requests of a cell it says what one request costs each part, whatever else
 * the machine was doing — a figure to compare changes by, where throughput varies with the machine.
 */
final class ThreadCpu {

    static final String SERVER = "server";
    static final String JOURNAL = "journal";
    static final String CLIENT = "client";
    static final String OTHER = "jvm";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Nanoseconds of CPU so far per role; threads that ended between two readings are not counted. */
    record Reading(Map<Long, Long> byThread, Map<Long, String> roles, long processNanos) {}

    private ThreadCpu() {}

    static Reading read() {
        Map<Long, Long> byThread = new LinkedHashMap<>();
        Map<Long, String> roles = new LinkedHashMap<>();
        if (THREADS.isThreadCpuTimeSupported()) {
            long[] ids = THREADS.getAllThreadIds();
            for (ThreadInfo info : THREADS.getThreadInfo(ids)) {
                if (info == null) continue;
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu < 0) continue;
                byThread.put(info.getThreadId(), cpu);
                roles.put(info.getThreadId(), role(info.getThreadName()));
            }
        }
        long process = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            process = os.getProcessCpuTime();
        }
        return new Reading(byThread, roles, process);
    }

    private static String role(String name) {
        if (name.startsWith("qtp")) return SERVER;
        if (name.equals("journal-writer")) return JOURNAL;
        if (name.startsWith("load-") || name.startsWith("HttpClient-")) return CLIENT;
        return OTHER;
    }

    /** Microseconds of CPU per request by role between {@code a} and {@code b}; empty when unknown. */
    static Map<String, Double> perRequest(Reading a, Reading b, long requests) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (a == null || b == null || requests <= 0 || b.byThread().isEmpty()) return out;
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (String r : new String[] {SERVER, JOURNAL, CLIENT, OTHER}) nanos.put(r, 0L);
        long threadsTotal = 0;
        for (Map.Entry<Long, Long> e : b.byThread().entrySet()) {
            Long before = a.byThread().get(e.getKey());
            long used = e.getValue() - (before == null ? 0 : before);
            nanos.merge(b.roles().get(e.getKey()), used, Long::sum);
            threadsTotal += used;
        }
        if (a.processNanos() >= 0 && b.processNanos() >= 0) {
            // JIT compiler and GC threads are no Java threads: they are what the process used beyond them.
            nanos.merge(OTHER, Math.max(0, (b.processNanos() - a.processNanos()) - threadsTotal), Long::sum);
        }
        nanos.forEach((role, n) -> out.put(role, n / 1000.0 / requests));
        return out;
    }
}
