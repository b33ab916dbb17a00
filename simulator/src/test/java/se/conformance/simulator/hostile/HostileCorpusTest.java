package se.conformance.simulator.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.conformance.simulator.Simulator;
import se.conformance.simulator.journal.JournalEntry;
import se.conformance.simulator.journal.JournalQuery;
import se.conformance.simulator.transport.RequestLimits;

/**
 * The hostile-input corpus ({@code src/test/resources/hostile}, outcomes in {@code expected.yaml})
 * against an in-process simulator with its default limits, over raw sockets. For every request: the
 * expected status and the text naming the rule, within 1 s (the slow clients: within their
 * deadline). Around the whole corpus: a background client doing valid GetCardForPerson calls
 * throughout (all must succeed), a socket that every http: reference points at (nobody may
 * connect), a canary file that every file: reference points at (its content may appear in no
 * answer and no journal entry), and the heap, measured after GC before and after and sampled
 * during the attacks. Prints one summary block; docs/trust-hostile-input.md quotes it.
 */
class HostileCorpusTest {

    private static final String GET_CARD = "/efrikortService/GetCardForPerson/3/rivtabp21";
    /**
     * Growth allowed of the old generation's peak during the attacks over the heap after GC before
     * them. Large arrays (a buffered body) go straight to the old generation; the young one fills
     * with short-lived garbage as far as the collector lets it, so its size says nothing.
     */
    private static final long PEAK_GROWTH_BOUND = 96L << 20;
    private static final long RETAINED_GROWTH_BOUND = 32L << 20;

    @TempDir
    static Path tmp;

    private static Simulator simulator;
    private static ServerSocket canaryListener;
    private static final AtomicInteger canaryConnections = new AtomicInteger();
    private static final List<String> canaryConnectionLines = Collections.synchronizedList(new ArrayList<>());
    private static Path canaryFile;
    private static String canaryText;

    @BeforeAll
    static void start() throws IOException {
        canaryText = "CANARY-" + UUID.randomUUID();
        canaryFile = tmp.resolve("canary.txt");
        Files.writeString(canaryFile, canaryText);
        canaryListener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!canaryListener.isClosed()) {
                try (Socket s = canaryListener.accept()) {
                    canaryConnections.incrementAndGet();
                    canaryConnectionLines.add(new String(s.getInputStream().readNBytes(200), StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // closed at the end
                }
            }
        }, "canary-listener");
        accept.setDaemon(true);
        accept.start();
        simulator = Simulator.builder().withPort(0).withInMemoryDatabase("hostile-" + UUID.randomUUID()).start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (simulator != null) simulator.close();
        if (canaryListener != null) canaryListener.close();
    }

    @Test
    void everyHostileRequestGetsItsSpecificFastAnswerAndHarmsNobody() throws Exception {
        List<HostileCase> corpus = HostileCase.all();
        Map<String, String> values = Map.of(
                "CANARY_FILE_URL", canaryFile.toUri().toString(),
                "CANARY_FILE_PATH", canaryFile.toAbsolutePath().toString(),
                "CANARY_HTTP", "http://127.0.0.1:" + canaryListener.getLocalPort(),
                "HOST", "127.0.0.1:" + simulator.port());
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);
        assertThat(corpus).allSatisfy(c -> assertThat(c.why()).as(c.file()).isNotBlank());

        Background background = new Background(simulator.baseUrl());
        background.start();
        background.awaitFirstAnswer();

        HeapWatch heap = HeapWatch.start();
        RawHttp http = new RawHttp(simulator.port());
        ExecutorService slow = Executors.newCachedThreadPool();
        Map<HostileCase, RawHttp.Answer> answers = new LinkedHashMap<>();
        SoftAssertions soft = new SoftAssertions();
        long corpusStart = System.nanoTime();
        try {
            // Slow clients run alongside the rest of the corpus, many at once: they must not hold up anyone else.
            Map<HostileCase, List<CompletableFuture<RawHttp.Answer>>> slowOnes = new LinkedHashMap<>();
            for (HostileCase c : corpus) {
                if (!c.sendMode().startsWith("slow-")) continue;
                List<CompletableFuture<RawHttp.Answer>> all = new ArrayList<>();
                for (int i = 0; i < c.clientCount(); i++) all.add(CompletableFuture.supplyAsync(() -> send(http, c, values), slow));
                slowOnes.put(c, all);
            }
            for (HostileCase c : corpus) {
                if (!c.sendMode().startsWith("slow-")) answers.put(c, send(http, c, values));
            }
            for (Map.Entry<HostileCase, List<CompletableFuture<RawHttp.Answer>>> e : slowOnes.entrySet()) {
                List<RawHttp.Answer> all = new ArrayList<>();
                for (CompletableFuture<RawHttp.Answer> f : e.getValue()) all.add(f.get(60, TimeUnit.SECONDS));
                for (RawHttp.Answer a : all) check(soft, e.getKey(), a);
                // the summary shows the slowest of them
                answers.put(e.getKey(), all.stream().max(java.util.Comparator.comparingLong(RawHttp.Answer::millis)).orElseThrow());
            }
        } finally {
            slow.shutdownNow();
            http.close();
        }
        long corpusMillis = (System.nanoTime() - corpusStart) / 1_000_000;
        heap.stop();
        background.stop();

        for (Map.Entry<HostileCase, RawHttp.Answer> e : answers.entrySet()) {
            if (!e.getKey().sendMode().startsWith("slow-")) check(soft, e.getKey(), e.getValue()); // slow ones: checked each
        }

        // Still serving, with WireMock's admin API refused rather than obeyed (shutdown, proxy stubs).
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(simulator.baseUrl() + "/control/health")).build(), HttpResponse.BodyHandlers.ofString());
        soft.assertThat(health.statusCode()).as("health after the corpus").isEqualTo(200);

        Thread.sleep(300); // a late outbound connection would still be counted
        soft.assertThat(canaryConnections.get()).as("connections to the canary socket: " + canaryConnectionLines).isZero();
        soft.assertThat(answers.values()).as("answers quoting the canary file")
                .noneMatch(a -> a.text().contains(canaryText));
        List<String> leaks = journalEntriesContaining(canaryText);
        // Nothing lost: every SOAP exchange answered during the attacks is in the journal, the
        // background client's and the hostile ones alike.
        List<String> traced = new ArrayList<>(background.traceIds());
        answers.values().stream().map(RawHttp.Answer::traceId).filter(java.util.Objects::nonNull).forEach(traced::add);
        List<String> missing = traced.stream().filter(t -> simulator.journal().find(new JournalQuery(t, null, null, null,
                null, null, null, null, null, null, 1)).isEmpty()).toList();
        soft.assertThat(missing).as("answered exchanges missing from the journal (of " + traced.size() + ")").isEmpty();
        soft.assertThat(leaks).as("journal entries quoting the canary file").isEmpty();

        soft.assertThat(background.failures()).as("background client failures: " + background.failureSamples()).isEmpty();
        soft.assertThat(background.ok.get()).as("background calls answered").isGreaterThan(10);
        soft.assertThat(heap.oldPeakGrowth()).as("old-generation peak during the attacks over the heap before (bytes)")
                .isLessThan(PEAK_GROWTH_BOUND);
        soft.assertThat(heap.retainedGrowth()).as("heap after GC, after over before (bytes)").isLessThan(RETAINED_GROWTH_BOUND);

        System.out.println(summary(answers, background, heap, corpusMillis, leaks.size(), traced.size() - missing.size()));
        soft.assertAll();
    }

    private static RawHttp.Answer send(RawHttp http, HostileCase c, Map<String, String> values) {
        try {
            byte[] content = c.content(values);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Host", values.get("HOST"));
            headers.put("Content-Type", c.file().endsWith(".json") ? "application/json" : "text/xml; charset=UTF-8");
            switch (c.sendMode()) {
                case "raw":
                    return http.send(content, RawHttp.Body.none());
                case "slow-head":
                    return http.send(new byte[0], RawHttp.Body.trickle(content, (byte) 'a', 100, true));
                case "slow-body":
                    headers.put("Content-Length", String.valueOf(content.length));
                    headers.put("Connection", "close");
                    return http.send(RawHttp.head(c.target(), headers), RawHttp.Body.trickle(content, (byte) ' ', 100, false));
                case "http":
                    break;
                default:
                    throw new IllegalArgumentException(c.file() + ": unknown send mode " + c.sendMode());
            }
            RawHttp.Body body;
            if (c.stream() != null) {
                body = RawHttp.Body.streamed(content, c.stream().bytes(), c.stream().chunked());
                if (c.stream().chunked()) headers.put("Transfer-Encoding", "chunked");
                else headers.put("Content-Length", String.valueOf(c.stream().bytes()));
            } else if (c.gzip() != null) {
                byte[] gz = RawHttp.gzippedZeros(c.gzip());
                body = RawHttp.Body.bytes(gz);
                headers.put("Content-Length", String.valueOf(gz.length));
            } else {
                body = RawHttp.Body.bytes(content);
                headers.put("Content-Length", String.valueOf(content.length));
            }
            headers.put("Connection", "close");
            headers.putAll(c.headers(values));
            return http.send(RawHttp.head(c.target(), headers), body);
        } catch (IOException e) {
            return new RawHttp.Answer(-1, "client failed: " + e.getMessage(), "", 0, 0, e.toString());
        }
    }

    private static void check(SoftAssertions soft, HostileCase c, RawHttp.Answer a) {
        String what = c.file() + " (" + c.why() + ") answered " + a.status() + " in " + a.millis() + " ms: "
                + abbreviate(a.text(), 600);
        soft.assertThat(a.status()).as(what).isEqualTo(c.status());
        soft.assertThat(a.millis()).as("time of " + c.file()).isLessThanOrEqualTo(c.withinMillis());
        for (String fragment : c.expect()) soft.assertThat(a.body()).as(what).contains(fragment);
        if (c.resultCode() != null) soft.assertThat(resultCode(a.body())).as(what).isEqualTo(c.resultCode());
        soft.assertThat(a.body().length()).as("answer size of " + c.file()).isLessThan(16 * 1024);
    }

    /** The words of the answer: fault string, result text, JSON error, or the start of the body. */
    private static String said(RawHttp.Answer a) {
        for (String p : List.of("<faultstring>([^<]*)<", "<(?:\\w+:)?resultText>([^<]*)<", "\"error\" : \"(.*?)\"\\s*}")) {
            Matcher m = Pattern.compile(p, Pattern.DOTALL).matcher(a.body());
            if (m.find()) return m.group(1);
        }
        return a.body().isBlank() ? "(no body)" : a.body();
    }

    private static String resultCode(String body) {
        Matcher m = Pattern.compile("<(?:\\w+:)?resultCode>([^<]*)</").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static List<String> journalEntriesContaining(String text) {
        simulator.journal().flush();
        List<String> hits = new ArrayList<>();
        Long after = null;
        while (true) {
            List<JournalEntry> page = simulator.journal().find(new JournalQuery(null, null, null, null, null, null,
                    null, null, null, after, JournalQuery.MAX_LIMIT));
            for (JournalEntry e : page) {
                String all = e.requestBody() + e.responseBody() + e.validationText() + e.faultText();
                if (all.contains(text)) hits.add(e.traceId());
            }
            if (page.size() < JournalQuery.MAX_LIMIT) return hits;
            after = page.get(page.size() - 1).seq();
        }
    }

    private static String summary(Map<HostileCase, RawHttp.Answer> answers, Background bg, HeapWatch heap,
            long corpusMillis, int journalLeaks, int journalled) {
        StringBuilder s = new StringBuilder("\n==== hostile-input corpus: summary ====\n");
        s.append(String.format("corpus files: %d, requests sent: %d, in %d categories, corpus run %.1f s (slow clients alongside)%n",
                answers.size(), answers.keySet().stream().mapToInt(HostileCase::clientCount).sum(), answers.keySet().stream().map(HostileCase::category).distinct().count(), corpusMillis / 1000.0));
        Map<String, List<Map.Entry<HostileCase, RawHttp.Answer>>> byCategory = new TreeMap<>();
        answers.entrySet().forEach(e -> byCategory.computeIfAbsent(e.getKey().category(), k -> new ArrayList<>()).add(e));
        byCategory.forEach((cat, list) -> {
            Map<String, Integer> outcomes = new TreeMap<>();
            long max = 0;
            for (Map.Entry<HostileCase, RawHttp.Answer> e : list) {
                String rc = resultCode(e.getValue().body());
                outcomes.merge(e.getValue().status() + (rc == null ? "" : " " + rc), 1, Integer::sum);
                max = Math.max(max, e.getValue().millis());
            }
            s.append(String.format("  %-36s %2d  %-40s max %5d ms%n", cat, list.size(), outcomes, max));
        });
        answers.forEach((c, a) -> s.append(String.format("  %-40s %3d %-16s %5d ms  %s%n", c.file(), a.status(),
                resultCode(a.body()) == null ? "" : resultCode(a.body()), a.millis(), abbreviate(said(a), 110))));
        List<Long> times = answers.entrySet().stream().filter(e -> !e.getKey().sendMode().startsWith("slow-"))
                .map(e -> e.getValue().millis()).sorted().toList();
        s.append(String.format("answer time (all but slow clients): median %d ms, max %d ms%n",
                times.get(times.size() / 2), times.get(times.size() - 1)));
        answers.forEach((c, a) -> {
            if (c.sendMode().startsWith("slow-") || c.stream() != null || c.gzip() != null) {
                s.append(String.format("  %-34s %d after %d ms, %d bytes sent%s%n", c.file(), a.status(), a.millis(),
                        a.bytesSent(), c.clientCount() > 1 ? " (slowest of " + c.clientCount() + " clients)" : ""));
            }
        });
        s.append(String.format("heap used after GC: before %.1f MB, after %.1f MB; during the attacks: old-generation peak"
                        + " %.1f MB (+%.1f MB), whole heap sampled every 20 ms, garbage included, peak %.1f MB (+%.1f MB);"
                        + " heap max %.0f MB%n", mb(heap.before), mb(heap.after), mb(heap.oldPeak()), mb(heap.oldPeakGrowth()),
                mb(heap.peak.get()), mb(heap.peakGrowth()), mb(Runtime.getRuntime().maxMemory())));
        s.append(String.format("background GetCardForPerson: %d OK, %d failed, slowest %d ms%n",
                bg.ok.get(), bg.failures().size(), bg.slowest.get()));
        s.append(String.format("canary socket connections: %d; canary text in answers/journal: %d%n",
                canaryConnections.get(), journalLeaks));
        s.append(String.format("answered SOAP exchanges checked in the journal: %d (background and hostile)%n", journalled));
        s.append(String.format("limits: %s%n", RequestLimits.DEFAULT));
        return s.append("========================================").toString();
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static String abbreviate(String s, int max) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max) + "…";
    }

    /** Heap after GC before and after; heap used sampled every 20 ms in between (garbage included). */
    static final class HeapWatch {
        final long before;
        long after;
        final AtomicLong peak = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread sampler;

        private HeapWatch(long before) {
            this.before = before;
            this.peak.set(before);
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
            }
            sampler = new Thread(() -> {
                while (running.get()) {
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() {
            return new HeapWatch(usedAfterGc());
        }

        void stop() throws InterruptedException {
            running.set(false);
            sampler.join();
            after = usedAfterGc();
        }

        long peakGrowth() {
            return peak.get() - before;
        }

        /** Peak of the old generation (G1 Old Gen, humongous arrays included) since the start. */
        long oldPeak() {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP && (p.getName().contains("Old") || p.getName().contains("Tenured")))
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        long oldPeakGrowth() {
            return oldPeak() - before;
        }

        long retainedGrowth() {
            return after - before;
        }

        private static long usedAfterGc() {
            for (int i = 0; i < 3; i++) {
                System.gc();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }

    /** Valid GetCardForPerson calls, one after the other, for as long as the corpus runs. */
    static final class Background {
        final AtomicInteger ok = new AtomicInteger();
        final AtomicLong slowest = new AtomicLong();
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final List<String> traceIds = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        private final HttpRequest request;
        private final Thread thread;
        private String expectedResultCode;

        Background(String baseUrl) throws IOException {
            byte[] xml;
            try (var in = Background.class.getResourceAsStream("/soap/efrikort/GetCardForPerson.xml")) {
                xml = in.readAllBytes();
            }
            request = HttpRequest.newBuilder(URI.create(baseUrl + GET_CARD)).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "text/xml; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build();
            thread = new Thread(this::run, "background-client");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run() {
            while (running.get()) {
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                    String rc = resultCode(r.body());
                    synchronized (this) {
                        if (expectedResultCode == null && r.statusCode() == 200) expectedResultCode = rc;
                    }
                    r.headers().firstValue("x-trace-id").ifPresent(traceIds::add);
                    if (r.statusCode() == 200 && rc != null && rc.equals(expectedResultCode)) ok.incrementAndGet();
                    else failures.add(r.statusCode() + " " + abbreviate(r.body(), 200));
                } catch (IOException e) {
                    failures.add(e.toString());
                } catch (InterruptedException e) {
                    return;
                }
                slowest.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void awaitFirstAnswer() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (ok.get() == 0 && failures.isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            assertThat(ok.get()).as("background client's first call: " + failures).isPositive();
            slowest.set(0); // the first call warms the simulator up; it is not under attack yet
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }

        List<String> traceIds() {
            return List.copyOf(traceIds);
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        List<String> failureSamples() {
            List<String> f = failures();
            return f.subList(0, Math.min(5, f.size()));
        }
    }
}
