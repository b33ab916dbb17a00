package se.conformance.benchmark;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/** What one load run measured, and its Markdown for docs/benchmarks.md. */
final class Report {

    static final double RATIO_TARGET = 0.5;

    /** "server / journal / client / JVM" CPU µs per request, or "–" when not measured. */
    static String cpuSplit(ClosedLoop.Result r) {
        Map<String, Double> m = r.cpuMicrosPerRequest();
        if (m.isEmpty()) return "–";
        double total = m.values().stream().mapToDouble(Double::doubleValue).sum();
        return String.format(java.util.Locale.ROOT, "%.0f / %.0f / %.0f / %.0f (total %.0f)", m.get(ThreadCpu.SERVER),
                m.get(ThreadCpu.JOURNAL), m.get(ThreadCpu.CLIENT), m.get(ThreadCpu.OTHER), total);
    }
    static final double P99_TARGET_MILLIS = 20;
    static final int P99_TARGET_CLIENTS = 16;
    static final double START_TARGET_MILLIS = 2000;
    /** Other processes' share of the machine's CPU above which a cell is flagged as disturbed. */
    static final double DISTURBED_PERCENT = 10;

    ZonedDateTime startedAt;
    String command;
    String loadAverageAtEnd = "?";
    Machine machine;
    int warmupSeconds;
    int durationSeconds;
    int serverThreads;
    int jitWarmupSeconds;
    JitWarmup jitWarmup;

    /** How the JIT warm-up before the first cell went. */
    record JitWarmup(int rounds, long millis, long compilationMillis, long lastRoundCompilationMillis, boolean settled,
            long settledBelowMillis) {}
    int quietWaitSeconds;
    int retryDisturbed;
    String storeDescription;
    List<Integer> clients;
    List<String> loadOrder = List.of();
    String amount;
    int cardPersons;
    int registrationsPerPerson;
    LocalDate transactionDate;
    double inProcessStartMillis;
    double prepareMillis;
    int cannedAnswerBytes;
    long registrationsSent;
    long simulatorExchanges;
    long heapBeforeBytes;
    long heapAfterBytes;
    long dataDirBytes = -1;
    ColdStart.Summary coldStart;
    List<String> coldStartJvmOptions = List.of();
    final List<ClosedLoop.Result> results = new ArrayList<>();
    final List<String> experiments = new ArrayList<>();

    boolean valid() {
        return results.stream().allMatch(r -> r.onlyRareStubConnectionLosses(LoadRun.STUB));
    }

    Optional<ClosedLoop.Result> result(String target, String operation, int clients) {
        return results.stream()
                .filter(r -> r.target().equals(target) && r.operation().equals(operation) && r.clients() == clients)
                .findFirst();
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Benchmarks\n\n");
        if (disturbed()) {
            b.append("> **Disturbed run**: other processes used more than ").append(fmt0(DISTURBED_PERCENT))
                    .append(" % of the machine's CPU during some cells or cold starts (⚠ below); those figures understate the simulator.\n\n");
        }
        if (!valid()) {
            b.append("> **INVALID RUN**: some answers were not OK/INFO (see the errors column). These numbers do not count.\n\n");
        }
        b.append("Figures of one load run of the simulator, written by `se.conformance.benchmark.LoadRun` (module `benchmark/`; ")
                .append("not part of `mvn test` or CI). Run on ").append(LoadRun.isoDate(startedAt))
                .append(", commit `").append(machine.commit()).append("`.\n\n");

        b.append("## How to run\n\nFrom the repository root:\n\n```sh\n")
                .append("mvn -q -pl benchmark -am package -DskipTests   # builds simulator/target/simulator.jar and benchmark/target/benchmark.jar\n")
                .append("java -jar benchmark/target/benchmark.jar       # prints the report and writes docs/benchmarks.md\n```\n\n")
                .append("Defaults: clients 1, 16 and 64; 5 s warm-up and 10 s measured per cell; 3 cold starts; about 3 minutes ")
                .append("on 2 cores. `java -jar benchmark/target/benchmark.jar --help` lists the options, e.g. `--store memory`, ")
                .append("`--clients 16`, `--duration-seconds 30`, `--db-url jdbc:postgresql://…`, `--no-out`. On a shared machine add ")
                .append("`--quiet-wait-seconds 180 --retry-disturbed 3` (waits for other processes to go quiet; takes longer). ")
                .append("A run in which any answer is not OK or INFO (RegisterCertificate: not OK) fails (exit 2) and writes no file.\n\n")
                .append("This run: `").append(command).append("`\n\n");

        b.append("## Machine\n\n| | |\n|---|---|\n")
                .append("| cores (`nproc`) | ").append(machine.cores()).append(" |\n")
                .append("| CPU | ").append(machine.cpu()).append(" |\n")
                .append("| memory | ").append(machine.memory()).append(" |\n")
                .append("| Java | ").append(machine.java()).append(" |\n")
                .append("| OS | ").append(machine.os()).append(" |\n")
                .append("| benchmark JVM max heap | ").append(machine.maxHeap()).append(" |\n")
                .append("| date | ").append(LoadRun.isoDate(startedAt)).append(" |\n")
                .append("| load average (1, 5, 15 min) at start / end | ").append(machine.loadAverage()).append(" / ")
                .append(loadAverageAtEnd).append(" |\n\n");

        b.append("## Method\n\n")
                .append("- **One machine, one JVM.** Load generator, in-process simulator and canned stub share the same ")
                .append(machine.cores()).append(" cores, so the client's CPU is taken from the server's: absolute figures are ")
                .append("lower than on a dedicated server, and the simulator/stub ratio compares like with like.\n")
                .append("- **Closed loop.** N client threads, each sending its next request as soon as its previous answer is in; ")
                .append("`java.net.http.HttpClient`, HTTP/1.1 with keep-alive connections, one client per target. Latency is from ")
                .append("`send` to the whole answer read (HdrHistogram, µs); throughput is measured requests over measured time. ")
                .append(warmupSeconds).append(" s warm-up (not counted) and ").append(durationSeconds)
                .append(" s measured per cell; per client count the order is ").append(String.join(", ", loadOrder)).append('.')
                .append(jitWarmup == null ? "" : " Before the first cell the loads ran in rounds of " + jitWarmupSeconds
                        + " s each at 16 clients, not measured, until the JIT had settled (a round adding under "
                        + jitWarmup.settledBelowMillis() + " ms of compilation time per second of load, "
                        + "under " + fmt0(jitWarmup.settledBelowMillis() / 10.0) + " % of one core): " + jitWarmup.rounds() + " rounds, "
                        + fmt0(jitWarmup.millis() / 1000.0) + " s, " + fmt0(jitWarmup.compilationMillis() / 1000.0)
                        + " s of JIT compilation, " + jitWarmup.lastRoundCompilationMillis() + " ms in the last round"
                        + (jitWarmup.settled() ? "." : " — **not settled** within the time allowed; cells may include compilation.")
                        + " Without it the JIT compiles for two to three minutes under load, on one of the 2 cores, and the first cells measure the compiler more than the simulator.")
                .append(quietWaitSeconds > 0 || retryDisturbed > 0 ? " The machine is shared: before each cell and cold start the run waited up to "
                        + quietWaitSeconds + " s for other processes to use under " + fmt0(DISTURBED_PERCENT)
                        + " % of the CPU, and measured a disturbed one again up to " + retryDisturbed
                        + " times, keeping the least disturbed attempt." : "")
                .append("\n")
                .append("- **Simulator** in-process (`Simulator.builder()`), store: ").append(storeDescription).append(", ")
                .append(serverThreads).append(" request threads; every exchange is schema-validated and written to the journal, ")
                .append("as in normal operation. Started in ").append(fmt0(inProcessStartMillis)).append(" ms in this JVM.\n")
                .append("- **GetCardForPerson** cycles over ").append(cardPersons).append(" persons who each have a card (one ")
                .append("RegisterTransaction of ").append(amount).append(" SEK before the load, ").append(fmt0(prepareMillis))
                .append(" ms for all).\n")
                .append("- **RegisterTransaction** goes to new persons (valid personnummer with Luhn digit), ")
                .append(registrationsPerPerson).append(" registrations of ").append(amount)
                .append(" SEK each, interleaved over 1024 persons at a time, transaction date ").append(transactionDate)
                .append("; ").append(registrationsSent).append(" registrations in all. Every answer must be OK or INFO.\n")
                .append("- **RegisterCertificate** (Intygstjänsten, RegisterCertificate 3) sends the LISJP of ")
                .append("`docs/examples/intyg/RegisterCertificate.xml` (patient 191212121212) with a new certificate id (a random UUID) ")
                .append("each time; every answer must be OK.\n")
                .append("- **Canned stub**: a plain `WireMockServer` in the same JVM with the same Jetty thread count and its ")
                .append("request journal off, one stub (path + SOAPAction) answering the simulator's own GetCardForPerson answer (")
                .append(cannedAnswerBytes).append(" bytes), so the bytes on the wire are alike.\n\n");

        for (String x : experiments) b.append("- **Experiment**: ").append(x).append(".\n");
        if (!experiments.isEmpty()) b.append('\n');
        b.append("## Results\n\nCPU: share of the machine's ").append(machine.cores())
                .append(" cores used during the measured time by the benchmark JVM (load client + server) and by all other ")
                .append("processes; a cell with others above ").append(fmt0(DISTURBED_PERCENT))
                .append(" % was disturbed by other work on the machine (marked ⚠). CPU µs per request: CPU time of ")
                .append("the JVM's threads during the measured time divided by the requests answered, by role — server ")
                .append("request threads (Jetty: WireMock and, for the simulator, the dispatcher and the service) / the ")
                .append("journal's writer / the load client / the rest of the JVM (JIT compiler, GC); unlike req/s it does ")
                .append("not change with how fast the machine was that minute.\n\n")
                .append("| operation | target | clients | throughput (req/s) | p50 (ms) | p99 (ms) | max (ms) | requests | errors | CPU benchmark JVM | CPU others | CPU µs per request: server / journal / client / JVM |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (String op : List.of(Soap.GET_CARD_FOR_PERSON, Soap.REGISTER_TRANSACTION, Soap.REGISTER_CERTIFICATE)) {
            for (String target : List.of(LoadRun.SIMULATOR, LoadRun.STUB)) {
                for (int c : clients) {
                    result(target, op, c).ifPresent(r -> b.append("| ").append(op).append(" | ").append(target).append(" | ")
                            .append(c).append(" | ").append(fmt0(r.throughput())).append(" | ").append(fmt2(r.p50Millis()))
                            .append(" | ").append(fmt2(r.p99Millis())).append(" | ").append(fmt1(r.maxMillis())).append(" | ")
                            .append(r.requests()).append(" | ").append(r.allErrors()).append(" | ")
                            .append(pctRaw(r.cpu().selfPercent())).append(" | ").append(pctRaw(r.cpu().othersPercent()))
                            .append(r.cpu().othersPercent() > DISTURBED_PERCENT ? " ⚠" : "").append(" | ")
                            .append(cpuSplit(r)).append(" |\n"));
                }
            }
        }
        b.append('\n');
        for (ClosedLoop.Result r : results) {
            if (r.allErrors() > 0) {
                b.append("- ").append(r.target()).append(' ').append(r.operation()).append(" at ").append(r.clients())
                        .append(" clients: answers ").append(r.answers()).append(", warm-up errors ").append(r.warmupErrors())
                        .append("; e.g. `").append(r.errorSamples().isEmpty() ? "" : r.errorSamples().get(0).replace('`', '\''))
                        .append("`")
                        .append(r.target().equals(LoadRun.STUB) && r.onlyRareStubConnectionLosses(LoadRun.STUB)
                                ? " — a connection the canned stub dropped (under 1 in 10 000 requests): counted in its "
                                        + "errors column, not held against the run, as the stub is the yardstick, not the system under test"
                                : "")
                        .append("\n");
            }
        }

        b.append("## GetCardForPerson: simulator vs canned stub\n\n")
                .append("| clients | simulator (req/s) | stub (req/s) | simulator / stub | simulator p99 (ms) | stub p99 (ms) |\n")
                .append("|---:|---:|---:|---:|---:|---:|\n");
        for (int c : clients) {
            var sim = result(LoadRun.SIMULATOR, Soap.GET_CARD_FOR_PERSON, c);
            var stub = result(LoadRun.STUB, Soap.GET_CARD_FOR_PERSON, c);
            if (sim.isPresent() && stub.isPresent()) {
                b.append("| ").append(c).append(" | ").append(fmt0(sim.get().throughput())).append(" | ")
                        .append(fmt0(stub.get().throughput())).append(" | ").append(pct(ratio(c))).append(" | ")
                        .append(fmt2(sim.get().p99Millis())).append(" | ").append(fmt2(stub.get().p99Millis())).append(" |\n");
            }
        }
        b.append('\n');

        b.append("## Cold start\n\n");
        if (coldStart == null) {
            b.append("Not measured in this run (`--cold-starts 0`).\n\n");
        } else {
            b.append("`java").append(coldStartJvmOptions.isEmpty() ? "" : " " + String.join(" ", coldStartJvmOptions))
                    .append(" -jar simulator/target/simulator.jar --port P --data <new empty directory>` as a separate process, ")
                    .append("timed from just before the process is started to the first OK answer to a GetCardForPerson call that ")
                    .append("the benchmark sends every 5 ms from the start (JVM start, Flyway migration of a new H2 file, seed, ")
                    .append("WireMock start, first request with class loading, JAXB and schema set-up).\n\n")
                    .append("| start | to first OK answer (ms) | to the \"ready\" line (ms) | \"simulator ready in … ms\" | CPU others |\n")
                    .append("|---:|---:|---:|---:|---:|\n");
            int i = 1;
            for (ColdStart.Sample s : coldStart.samples()) {
                b.append("| ").append(i++).append(" | ").append(fmt0(s.firstOkMillis())).append(" | ")
                        .append(fmt0(s.readyLineMillis())).append(" | ").append(s.reportedReadyMillis()).append(" | ")
                        .append(pctRaw(s.othersPercent())).append(s.othersPercent() > DISTURBED_PERCENT ? " ⚠" : "").append(" |\n");
            }
            b.append("\nTo first OK answer: min ").append(fmt0(coldStart.minFirstOk())).append(" ms, median ")
                    .append(fmt0(coldStart.medianFirstOk())).append(" ms, max ").append(fmt0(coldStart.maxFirstOk()))
                    .append(" ms. The simulator's own \"ready in\" figure (median ").append(fmt0(coldStart.medianReported()))
                    .append(" ms) counts from its `main` on, without JVM start-up and without the first request.\n\n");
        }

        b.append("## Memory\n\n")
                .append("Heap used after GC in the benchmark JVM: ").append(mib(heapBeforeBytes)).append(" before the simulator ")
                .append("started, ").append(mib(heapAfterBytes)).append(" after the whole load (simulator, stub and load client; ")
                .append("the difference is what the simulator and stub hold).");
        if (dataDirBytes >= 0) {
            b.append(" H2 data directory after the run: ").append(mib(dataDirBytes)).append(" for ").append(simulatorExchanges)
                    .append(" SOAP exchanges with the simulator (warm-ups included), ")
                    .append(String.format(Locale.ROOT, "%.1f", dataDirBytes / 1024.0 / Math.max(1, simulatorExchanges)))
                    .append(" KiB per exchange (cards, transactions and the journal, which keeps every request and answer).");
        }
        b.append("\n\n");

        b.append("## Targets\n\n| target | measured | met? |\n|---|---|---|\n");
        b.append("| simulator's GetCardForPerson throughput ≥ 50 % of the canned stub's | ").append(ratioMeasured())
                .append(" | ").append(ratioMet()).append(" |\n");
        b.append("| p99 under 20 ms at 16 clients | ").append(p99Measured()).append(" | ").append(p99Met()).append(" |\n");
        b.append("| start under 2 s | ").append(startMeasured()).append(" | ").append(startMet()).append(" |\n");
        b.append("\nInformational (no target): ").append(certificateMeasured()).append('\n');
        return b.toString();
    }

    /** "RegisterCertificate (LISJP) at 16 clients: X req/s, p99 Y ms", or that it was not measured. */
    String certificateMeasured() {
        return result(LoadRun.SIMULATOR, Soap.REGISTER_CERTIFICATE, P99_TARGET_CLIENTS)
                .map(r -> "RegisterCertificate (LISJP) at " + P99_TARGET_CLIENTS + " clients: " + fmt0(r.throughput())
                        + " req/s, p99 " + fmt2(r.p99Millis()) + " ms")
                .orElse("RegisterCertificate (LISJP) at " + P99_TARGET_CLIENTS + " clients: not measured");
    }

    double ratio(int c) {
        var sim = result(LoadRun.SIMULATOR, Soap.GET_CARD_FOR_PERSON, c);
        var stub = result(LoadRun.STUB, Soap.GET_CARD_FOR_PERSON, c);
        if (sim.isEmpty() || stub.isEmpty() || stub.get().throughput() <= 0) return Double.NaN;
        return sim.get().throughput() / stub.get().throughput();
    }

    private String ratioMeasured() {
        List<String> parts = new ArrayList<>();
        for (int c : clients) parts.add(pct(ratio(c)) + " at " + c);
        return String.join(", ", parts) + " clients";
    }

    private String ratioMet() {
        if (clients.stream().allMatch(c -> Double.isNaN(ratio(c)))) return "not measured";
        boolean all = clients.stream().allMatch(c -> ratio(c) >= RATIO_TARGET);
        boolean at16 = !clients.contains(P99_TARGET_CLIENTS) || ratio(P99_TARGET_CLIENTS) >= RATIO_TARGET;
        if (all) return "**met** at every client count";
        return at16 && clients.contains(P99_TARGET_CLIENTS) ? "**not met** at every client count (met at 16)" : "**not met**";
    }

    private double p99At16(String operation) {
        return result(LoadRun.SIMULATOR, operation, P99_TARGET_CLIENTS).map(ClosedLoop.Result::p99Millis).orElse(Double.NaN);
    }

    private String p99Measured() {
        double get = p99At16(Soap.GET_CARD_FOR_PERSON);
        double reg = p99At16(Soap.REGISTER_TRANSACTION);
        if (Double.isNaN(get) && Double.isNaN(reg)) return "16 clients not in this run";
        return "GetCardForPerson " + (Double.isNaN(get) ? "not measured" : fmt2(get) + " ms")
                + ", RegisterTransaction " + (Double.isNaN(reg) ? "not measured" : fmt2(reg) + " ms");
    }

    private String p99Met() {
        double get = p99At16(Soap.GET_CARD_FOR_PERSON);
        double reg = p99At16(Soap.REGISTER_TRANSACTION);
        if (Double.isNaN(get) || Double.isNaN(reg)) return "not measured";
        if (get < P99_TARGET_MILLIS && reg < P99_TARGET_MILLIS) return "**met** (both operations)";
        if (get < P99_TARGET_MILLIS) return "**met** for GetCardForPerson, **not met** for RegisterTransaction";
        if (reg < P99_TARGET_MILLIS) return "**not met** for GetCardForPerson, **met** for RegisterTransaction";
        return "**not met**";
    }

    private String startMeasured() {
        if (coldStart == null) return "not measured";
        return "median " + fmt0(coldStart.medianFirstOk()) + " ms from process start to the first OK answer (min "
                + fmt0(coldStart.minFirstOk()) + ", max " + fmt0(coldStart.maxFirstOk()) + "); \"ready in\" median "
                + fmt0(coldStart.medianReported()) + " ms";
    }

    private String startMet() {
        if (coldStart == null) return "not measured";
        if (coldStart.medianFirstOk() < START_TARGET_MILLIS) return "**met**";
        if (coldStart.medianReported() < START_TARGET_MILLIS) {
            return "**not met** to the first answer; met by the simulator's own \"ready in\" figure";
        }
        return "**not met**";
    }

    private static String fmt0(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String fmt1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(double ratio) {
        return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    private static String pctRaw(double percent) {
        return Double.isNaN(percent) ? "–" : String.format(Locale.ROOT, "%.0f %%", percent);
    }

    boolean disturbed() {
        return results.stream().anyMatch(r -> r.cpu().othersPercent() > DISTURBED_PERCENT)
                || (coldStart != null && coldStart.samples().stream().anyMatch(s -> s.othersPercent() > DISTURBED_PERCENT));
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
