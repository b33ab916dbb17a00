package se.conformance.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code clients} threads, each sending its next request as soon as the
 * previous answer is in, first for the warm-up (counted only for validity), then for the
 * measured period. Latency is from just before {@code send} to the whole body read, in
 * microseconds, into an HdrHistogram (3 significant digits).
 */
final class ClosedLoop {

    static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(60);
    private static final int ERROR_SAMPLES = 3;

    private ClosedLoop() {}

    /** What one cell (target × operation × clients) measured. */
    record Result(String target, String operation, int clients, long requests, double seconds,
            Histogram latencyMicros, long errors, Map<String, Long> answers, List<String> errorSamples,
            long warmupRequests, long warmupErrors, CpuMeter.Usage cpu, Map<String, Double> cpuMicrosPerRequest) {

        double throughput() {
            return seconds <= 0 ? 0 : requests / seconds;
        }

        double p50Millis() {
            return latencyMicros.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latencyMicros.getValueAtPercentile(99) / 1000.0;
        }

        double maxMillis() {
            return latencyMicros.getMaxValue() / 1000.0;
        }

        double meanMillis() {
            return latencyMicros.getMean() / 1000.0;
        }

        /**
         * Whether every error of this cell is a lost connection of the canned stub, at most one in 10 000
         * requests: the JDK client's "header parser received no bytes" when the stub's Jetty drops a
         * keep-alive connection. The stub is the yardstick, not the system under test, so such a rare loss
         * does not void a run; it stays in the errors column. Any error of the simulator does.
         */
        boolean onlyRareStubConnectionLosses(String stubTarget) {
            if (allErrors() == 0) return true;
            if (!target.equals(stubTarget) || allErrors() * 10_000 > requests + warmupRequests) return false;
            return answers.keySet().stream().allMatch(k -> !Soap.performed(k) && k.startsWith("I/O error")
                    || Soap.performed(k));
        }

        /** Non-OK/INFO answers, HTTP errors and I/O errors, warm-up included. */
        long allErrors() {
            return errors + warmupErrors;
        }
    }

    private static final class Worker implements Runnable {
        final HttpClient client;
        final Supplier<HttpRequest> requests;
        final Predicate<String> performed;
        final CountDownLatch go;
        final long[] window; // [measureStart, end] in nanoTime, set before go opens
        final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
        final Map<String, Long> answers = new TreeMap<>();
        final List<String> errorSamples = new ArrayList<>();
        long measured, errors, warmup, warmupErrors, lastAnswer;
        Throwable crashed;

        Worker(HttpClient client, Supplier<HttpRequest> requests, Predicate<String> performed, CountDownLatch go,
                long[] window) {
            this.client = client;
            this.requests = requests;
            this.performed = performed;
            this.go = go;
            this.window = window;
        }

        @Override
        public void run() {
            try {
                go.await();
                long measureStart = window[0];
                long end = window[1];
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) break;
                    HttpRequest request = requests.get();
                    String label;
                    boolean ok;
                    String errorText = null;
                    long t1;
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        t1 = System.nanoTime();
                        if (response.statusCode() == 200) {
                            String code = Soap.resultCode(response.body());
                            ok = performed.test(code);
                            label = code == null ? "HTTP 200 without resultCode" : code;
                        } else {
                            ok = false;
                            label = "HTTP " + response.statusCode();
                        }
                        if (!ok) errorText = label + ": " + abbreviate(response.body());
                    } catch (IOException e) {
                        t1 = System.nanoTime();
                        ok = false;
                        label = "I/O error " + e.getClass().getSimpleName();
                        errorText = label + ": " + e.getMessage();
                    }
                    if (t0 >= measureStart) {
                        histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (t1 - t0) / 1000)));
                        measured++;
                        lastAnswer = Math.max(lastAnswer, t1);
                        answers.merge(label, 1L, Long::sum);
                        if (!ok) errors++;
                    } else {
                        warmup++;
                        if (!ok) warmupErrors++;
                    }
                    if (!ok && errorSamples.size() < ERROR_SAMPLES) errorSamples.add(errorText);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                crashed = t;
            }
        }
    }

    /** A load whose answers count as performed when their resultCode is OK or INFO (e-frikort). */
    static Result run(String target, String operation, HttpClient client, Supplier<HttpRequest> requests,
            int clients, Duration warmup, Duration measure) throws InterruptedException {
        return run(target, operation, client, requests, Soap::performed, clients, warmup, measure);
    }

    /** A load whose answers count as performed when {@code performed} accepts their resultCode ({@code null}: none). */
    static Result run(String target, String operation, HttpClient client, Supplier<HttpRequest> requests,
            Predicate<String> performed, int clients, Duration warmup, Duration measure) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Worker w = new Worker(client, requests, performed, go, window);
            Thread t = new Thread(w, "load-" + operation + "-" + i);
            t.setDaemon(true);
            workers.add(w);
            threads.add(t);
            t.start();
        }
        long start = System.nanoTime();
        window[0] = start + warmup.toNanos();
        window[1] = window[0] + measure.toNanos();
        go.countDown(); // happens-before: the workers see window
        sleepUntil(window[0]);
        CpuMeter.Reading before = CpuMeter.read();
        ThreadCpu.Reading threadsBefore = ThreadCpu.read();
        sleepUntil(window[1]);
        CpuMeter.Reading after = CpuMeter.read();
        ThreadCpu.Reading threadsAfter = ThreadCpu.read();
        for (Thread t : threads) t.join();

        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        Map<String, Long> answers = new TreeMap<>();
        List<String> samples = new ArrayList<>();
        long measured = 0, errors = 0, warm = 0, warmErrors = 0, last = window[1];
        for (Worker w : workers) {
            if (w.crashed != null) throw new IllegalStateException("load worker crashed", w.crashed);
            all.add(w.histogram);
            w.answers.forEach((k, v) -> answers.merge(k, v, Long::sum));
            for (String s : w.errorSamples) if (samples.size() < ERROR_SAMPLES) samples.add(s);
            measured += w.measured;
            errors += w.errors;
            warm += w.warmup;
            warmErrors += w.warmupErrors;
            last = Math.max(last, w.lastAnswer);
        }
        double seconds = (last - window[0]) / 1e9;
        return new Result(target, operation, clients, measured, seconds, all, errors,
                Collections.unmodifiableMap(answers), List.copyOf(samples), warm, warmErrors,
                CpuMeter.between(before, after), ThreadCpu.perRequest(threadsBefore, threadsAfter, measuredInWindow(workers)));
    }

    /** Requests answered inside the measured window (the CPU readings' window), all workers. */
    private static long measuredInWindow(List<Worker> workers) {
        long n = 0;
        for (Worker w : workers) n += w.measured;
        return n;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    static String abbreviate(String s) {
        if (s == null) return "(no body)";
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 600 ? one : one.substring(0, 600) + " …";
    }
}
