package se.conformance.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine was while a cell was measured, from Linux's {@code /proc}: the share of
 * all cores' time this JVM used, and the share every other process used. A cell in which other
 * processes took much of the CPU says more about them than about the simulator.
 */
final class CpuMeter {

    /** A reading: clock ticks of the whole machine (busy, total) and of this process. */
    record Reading(long machineBusy, long machineTotal, long self) {}

    /** Shares of the machine's CPU time between two readings, in percent; NaN where /proc is not there. */
    record Usage(double selfPercent, double othersPercent) {
        static final Usage UNKNOWN = new Usage(Double.NaN, Double.NaN);
    }

    private CpuMeter() {}

    static Reading read() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) total += Long.parseLong(cpu[i]); // user … steal
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]); // idle + iowait
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+"); // fields from 3 on
            long self = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime (14) + stime (15)
            return new Reading(total - idle, total, self);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** CPU clock ticks (user + system) a live process has used so far, or -1. */
    static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Like {@link #between}, with {@code childTicks} of a child process counted as this process's own. */
    static Usage between(Reading a, Reading b, long childTicks) {
        if (a == null || b == null || childTicks < 0) return Usage.UNKNOWN;
        return between(a, new Reading(b.machineBusy(), b.machineTotal(), b.self() + childTicks));
    }

    static Usage between(Reading a, Reading b) {
        if (a == null || b == null || b.machineTotal() <= a.machineTotal()) return Usage.UNKNOWN;
        double total = b.machineTotal() - a.machineTotal();
        double self = b.self() - a.self();
        double busy = b.machineBusy() - a.machineBusy();
        return new Usage(100 * self / total, Math.max(0, 100 * (busy - self) / total));
    }
}
