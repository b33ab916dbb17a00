package se.conformance.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start of the standalone simulator as users run it: {@code java -jar simulator.jar --port P
 * --data <new empty directory>}, timed from just before the process is started to the first
 * OK (or INFO) answer to a {@code GetCardForPerson} call, which the benchmark sends every few
 * milliseconds from the start on. The port is picked free beforehand, so polling can begin
 * before the simulator says which port it took.
 */
final class ColdStart {

    private static final Pattern READY = Pattern.compile("^simulator ready in (\\d+) ms on (\\S+)");
    private static final Duration GIVE_UP = Duration.ofSeconds(60);
    private static final long POLL_PAUSE_MILLIS = 5;

    /** One start: wall time to the first OK answer, to the "ready" line, and what that line said. */
    record Sample(double firstOkMillis, double readyLineMillis, long reportedReadyMillis, String firstAnswer,
            double othersPercent) {}

    record Summary(List<Sample> samples) {
        double minFirstOk() {
            return sorted(Sample::firstOkMillis).get(0);
        }

        double medianFirstOk() {
            return median(sorted(Sample::firstOkMillis));
        }

        double maxFirstOk() {
            List<Double> s = sorted(Sample::firstOkMillis);
            return s.get(s.size() - 1);
        }

        double medianReadyLine() {
            return median(sorted(Sample::readyLineMillis));
        }

        double medianReported() {
            return median(sorted(x -> (double) x.reportedReadyMillis()));
        }

        private List<Double> sorted(java.util.function.ToDoubleFunction<Sample> f) {
            List<Double> v = new ArrayList<>();
            for (Sample s : samples) v.add(f.applyAsDouble(s));
            Collections.sort(v);
            return v;
        }

        private static double median(List<Double> v) {
            int n = v.size();
            return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
        }
    }

    private final Path jar;
    private final Soap soap;
    private final List<String> jvmOptions;

    private final LoadRun.Quiet quiet;

    ColdStart(Path jar, Soap soap, List<String> jvmOptions, LoadRun.Quiet quiet) {
        this.jar = jar;
        this.soap = soap;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.quiet = quiet;
    }

    /** {@code times} cold starts; one that other processes disturbed is repeated as {@link LoadRun.Quiet} says. */
    Summary run(int times) throws IOException, InterruptedException {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Sample best = null;
            for (int attempt = 0; attempt <= quiet.retries(); attempt++) {
                quiet.waitForQuiet();
                Sample s = once();
                System.out.printf("  cold start %d/%d: first OK answer after %.0f ms (ready line after %.0f ms, simulator says %d ms; others used %.0f %% of the CPU)%n",
                        i + 1, times, s.firstOkMillis(), s.readyLineMillis(), s.reportedReadyMillis(), s.othersPercent());
                if (best == null || s.othersPercent() < best.othersPercent()) best = s;
                if (!(s.othersPercent() > Report.DISTURBED_PERCENT)) break;
            }
            samples.add(best);
        }
        return new Summary(samples);
    }

    private Sample once() throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no simulator jar at " + jar.toAbsolutePath()
                    + " — build it first: mvn -q -pl benchmark -am package -DskipTests");
        }
        Path data = Files.createTempDirectory("bench-cold-start-");
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--port", String.valueOf(port),
                "--data", data.toString()));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(500)).build();
        var request = Soap.post(base, Soap.GET_CARD_FOR_PERSON, soap.getCardForPersonBody(Personnummer.of(0)));

        AtomicLong readyAt = new AtomicLong(-1);
        AtomicLong reported = new AtomicLong(-1);
        AtomicReference<String> lastLines = new AtomicReference<>("");
        CpuMeter.Reading cpuBefore = CpuMeter.read();
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = READY.matcher(line);
                    if (m.find() && readyAt.get() < 0) {
                        readyAt.set(System.nanoTime());
                        reported.set(Long.parseLong(m.group(1)));
                    }
                    String keep = lastLines.get() + line + "\n";
                    lastLines.set(keep.length() > 4000 ? keep.substring(keep.length() - 4000) : keep);
                }
            } catch (IOException ignored) {
                // the process went away
            }
        }, "cold-start-output");
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = t0 + GIVE_UP.toNanos();
            String lastAnswer = "(none)";
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the simulator exited with " + process.exitValue()
                            + " during cold start; its output:\n" + lastLines.get());
                }
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    String code = response.statusCode() == 200 ? Soap.resultCode(response.body()) : null;
                    if (Soap.performed(code)) {
                        long t1 = System.nanoTime();
                        CpuMeter.Usage usage = CpuMeter.between(cpuBefore, CpuMeter.read(), CpuMeter.processTicks(process.pid()));
                        waitFor(() -> readyAt.get() >= 0, 2000); // the line is normally out before the first answer
                        return new Sample((t1 - t0) / 1e6, readyAt.get() < 0 ? Double.NaN : (readyAt.get() - t0) / 1e6,
                                reported.get(), code, usage.othersPercent());
                    }
                    lastAnswer = "HTTP " + response.statusCode() + " " + ClosedLoop.abbreviate(response.body());
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(POLL_PAUSE_MILLIS);
            }
            throw new IllegalStateException("no OK answer from the simulator within " + GIVE_UP.toSeconds()
                    + " s; last answer: " + lastAnswer + "\nits output:\n" + lastLines.get());
        } finally {
            process.destroy(); // SIGTERM: the simulator's shutdown hook closes the database
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            LoadRun.deleteTree(data);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean() && System.nanoTime() < until) Thread.sleep(2);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
