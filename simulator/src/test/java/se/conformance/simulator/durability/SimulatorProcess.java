package se.conformance.simulator.durability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulator as an operator runs it: {@code SimulatorMain} in a JVM of its own (the test's class
 * path), so it can be killed with SIGKILL like a crashed server. Its output goes to a log file;
 * {@link #start} returns when it printed its ready line.
 */
final class SimulatorProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("simulator ready in \\d+ ms on (http://\\S+)");
    private static final long START_TIMEOUT_SECONDS = 180; // two shared cores, a cold JVM, Flyway

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private SimulatorProcess(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Starts {@code SimulatorMain --port 0 <storeArgs>} and waits for its ready line. */
    static SimulatorProcess start(List<String> storeArgs, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "se.conformance.simulator.SimulatorMain", "--port", "0"));
        command.addAll(storeArgs);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    Matcher m = READY.matcher(line);
                    if (m.find()) ready.complete(m.group(1));
                }
            } catch (IOException e) {
                // the process was killed: its output ends here
            }
            ready.completeExceptionally(new IllegalStateException("simulator ended before it was ready; see " + log));
        }, "simulator-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new SimulatorProcess(p, ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS), log);
        } catch (Exception e) {
            p.destroyForcibly().waitFor();
            throw new IllegalStateException("simulator did not start within " + START_TIMEOUT_SECONDS + " s; see " + log, e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush, no close; returns when the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("killed simulator still alive");
    }

    /** An orderly stop (SIGTERM: the shutdown hook closes server and store). */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }

    @Override
    public String toString() {
        return "simulator pid " + process.pid() + " at " + baseUrl + " (log " + log + ")";
    }
}
