package se.conformance.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Facts about the machine and build a run's numbers belong to. */
record Machine(int cores, String cpu, String memory, String java, String os, String maxHeap, String commit, String loadAverage) {

    static Machine describe() {
        Runtime rt = Runtime.getRuntime();
        return new Machine(rt.availableProcessors(),
                firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")),
                firstValue(Path.of("/proc/meminfo"), "MemTotal").map(Machine::kibToGib).orElse("?"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                String.format("%.1f GiB", rt.maxMemory() / (1024.0 * 1024 * 1024)),
                git(), currentLoadAverage());
    }

    /** 1, 5 and 15 minute load averages from /proc/loadavg, or "?". */
    static String currentLoadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    String oneLine() {
        return cores + " cores (" + cpu + "), " + memory + ", " + java;
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    int colon = line.indexOf(':');
                    if (colon > 0) return Optional.of(line.substring(colon + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Optional.empty();
    }

    private static String kibToGib(String memTotal) {
        try {
            long kib = Long.parseLong(memTotal.replaceAll("[^0-9]", ""));
            return String.format("%.1f GiB RAM", kib / (1024.0 * 1024));
        } catch (NumberFormatException e) {
            return memTotal;
        }
    }

    /** {@code git describe --always --dirty} of the working directory, or "?" outside a repository. */
    private static String git() {
        try {
            Process p = new ProcessBuilder(List.of("git", "describe", "--always", "--dirty", "--abbrev=10"))
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) return "?";
            return out;
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
