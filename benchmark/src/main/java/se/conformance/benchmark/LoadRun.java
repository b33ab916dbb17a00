package se.conformance.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.conformance.simulator.Simulator;
import se.conformance.simulator.store.Database;

/**
 * The load run of docs/benchmarks.md: throughput and p50/p99 latency of RegisterTransaction and
 * GetCardForPerson against the simulator at 1, 16 and 64 concurrent clients, the same
 * GetCardForPerson load against a plain WireMock stub with a canned answer (the ratio), Intygstjänsten's
 * RegisterCertificate 3 (a LISJP) against the simulator, and the cold start of the standalone simulator. Not a test: run it by hand, it prints a Markdown report
 * and writes it to {@code --out}.
 *
 * <pre>
 * mvn -q -pl benchmark -am package -DskipTests
 * java -jar benchmark/target/benchmark.jar
 * </pre>
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, version = "benchmark 0.1.0",
        sortOptions = false,
        description = {"Load run of the e-frikort simulator against a canned WireMock stub; writes docs/benchmarks.md.",
                "Run from the repository root after: mvn -q -pl benchmark -am package -DskipTests"})
public final class LoadRun implements Callable<Integer> {

    static final String SIMULATOR = "simulator";
    static final String STUB = "canned WireMock stub";

    enum Store { file, memory }

    @Option(names = "--clients", split = ",", defaultValue = "1,16,64",
            description = "Concurrent clients per cell, comma-separated. Default: ${DEFAULT-VALUE}")
    List<Integer> clients;

    enum Load { get, stub, register, certificate }

    @Option(names = "--loads", split = ",", defaultValue = "get,stub,register,certificate",
            description = "Loads per client count: get (simulator GetCardForPerson), stub (canned stub GetCardForPerson), register (simulator RegisterTransaction), certificate (simulator RegisterCertificate 3 of a LISJP, a new certificate id each time). Default: ${DEFAULT-VALUE}")
    List<Load> loads;

    @Option(names = "--warmup-seconds", defaultValue = "5", description = "Warm-up per cell (not measured). Default: ${DEFAULT-VALUE}")
    int warmupSeconds;

    @Option(names = "--duration-seconds", defaultValue = "10", description = "Measured time per cell. Default: ${DEFAULT-VALUE}")
    int durationSeconds;

    @Option(names = "--jit-warmup-seconds", defaultValue = "5",
            description = "Before the first cell, each load runs in rounds of this long at 16 clients, not measured, until the JIT has settled (see --jit-settled-millis); 0 for no JIT warm-up. Default: ${DEFAULT-VALUE}")
    int jitWarmupSeconds;

    @Option(names = "--jit-settled-millis", defaultValue = "20",
            description = "The JIT has settled when a round of every load added less than this much compilation time (CompilationMXBean) per second of the round: 20 is 2 % of one core. Default: ${DEFAULT-VALUE}")
    long jitSettledMillis;

    @Option(names = "--jit-warmup-max-seconds", defaultValue = "240",
            description = "The JIT warm-up stops after this long even if the JIT has not settled (the report says so). Default: ${DEFAULT-VALUE}")
    int jitWarmupMaxSeconds;

    @Option(names = "--out", defaultValue = "docs/benchmarks.md",
            description = "Markdown report to write (text below its notes marker is kept). Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--no-out", description = "Only print the report, write no file.")
    boolean noOut;

    @Option(names = "--store", defaultValue = "file",
            description = "Store of the in-process simulator: file (embedded H2 in a new temporary directory, as users run it) or memory (H2 in memory). Default: ${DEFAULT-VALUE}")
    Store store;

    @Option(names = "--db-url", description = "Use this PostgreSQL database instead (JDBC URL); it is reset, not emptied, first.")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (PostgreSQL)")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (PostgreSQL)")
    String dbPassword;

    @Option(names = "--simulator-jar", defaultValue = "simulator/target/simulator.jar",
            description = "The standalone simulator for the cold-start measurement. Default: ${DEFAULT-VALUE}")
    Path simulatorJar;

    @Option(names = "--cold-starts", defaultValue = "3", description = "Cold starts to measure (0: none). Default: ${DEFAULT-VALUE}")
    int coldStarts;

    @Option(names = "--cold-start-jvm-option", description = "JVM option for the cold-started simulator (repeatable), e.g. -XX:TieredStopAtLevel=1")
    List<String> coldStartJvmOptions = new ArrayList<>();

    @Option(names = "--cold-start-only", description = "Measure only the cold starts (with --cold-start-jvm-option to compare JVM settings); writes no file.")
    boolean coldStartOnly;

    @Option(names = "--card-persons", defaultValue = "500",
            description = "Persons given a card (one registration each) before the load; GetCardForPerson cycles over them. Default: ${DEFAULT-VALUE}")
    int cardPersons;

    @Option(names = "--registrations-per-person", defaultValue = "3",
            description = "RegisterTransaction load: registrations per new person (interleaved over 1024 persons). Default: ${DEFAULT-VALUE}")
    int registrationsPerPerson;

    @Option(names = "--amount", defaultValue = "100.0", description = "Fee of each registration, SEK. Default: ${DEFAULT-VALUE}")
    String amount;

    @Option(names = "--server-threads", defaultValue = "32",
            description = "Request threads of the simulator and, alike, of the stub (the simulator's default is 32). Default: ${DEFAULT-VALUE}")
    int serverThreads;

    @Option(names = "--quiet-wait-seconds", defaultValue = "0",
            description = "Before each cell, wait up to this long until other processes use under 10 %% of the CPU (a shared machine). Default: ${DEFAULT-VALUE}")
    int quietWaitSeconds;

    @Option(names = "--retry-disturbed", defaultValue = "0",
            description = "Measure a cell again up to this many times when other processes used over 10 %% of the CPU during it; the least disturbed attempt counts. Default: ${DEFAULT-VALUE}")
    int retryDisturbed;

    @Option(names = "--analyze",
            description = "Experiment: run the database's ANALYZE after the cards are given, so the H2 planner knows the persons index is selective. Off by default (users' simulators do not).")
    boolean analyze;

    @Option(names = "--h2-url-options",
            description = "Experiment: open the file store with the H2 URL Database.embedded used when this was written (MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH) plus these settings, e.g. ';QUERY_CACHE_SIZE=64'.")
    String h2UrlOptions;

    @Option(names = "--write-invalid", description = "Write the report even when answers were not OK/INFO (it is marked INVALID).")
    boolean writeInvalid;

    private static String[] arguments = new String[0];
    private final AtomicLong simulatorExchanges = new AtomicLong();

    public static void main(String[] args) {
        arguments = args.clone();
        // Close a keep-alive connection idle for 3 s on the client side, before any server's idle timeout
        // can close it while a request is being sent on it ("header parser received no bytes"): between
        // cells and warm-up rounds connections of one target sit idle while the others are measured.
        System.setProperty("jdk.httpclient.keepalive.timeout", "3");
        System.exit(new CommandLine(new LoadRun()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1)) throw new IllegalArgumentException("--clients: positive numbers");
        Report report = new Report();
        report.startedAt = ZonedDateTime.now(ZoneId.systemDefault());
        report.command = command();
        report.machine = Machine.describe();
        report.warmupSeconds = warmupSeconds;
        report.durationSeconds = durationSeconds;
        report.serverThreads = serverThreads;
        report.jitWarmupSeconds = jitWarmupSeconds;
        report.quietWaitSeconds = quietWaitSeconds;
        report.retryDisturbed = retryDisturbed;
        report.storeDescription = dbUrl != null ? "PostgreSQL (" + dbUrl.replaceAll("password=[^&]*", "password=***") + ")"
                : store == Store.file ? "embedded H2 file database in a new temporary directory (as `java -jar simulator.jar --data DIR`)"
                : "H2 in memory";
        report.clients = List.copyOf(clients);
        report.loadOrder = loads.stream().map(LoadRun::describe).toList();
        report.amount = amount;
        report.cardPersons = cardPersons;
        report.registrationsPerPerson = registrationsPerPerson;
        System.out.println("# load run — " + report.machine.oneLine());
        System.out.println("  command: " + report.command);

        Soap soap = new Soap();
        if (coldStarts > 0) {
            System.out.println("cold start of " + simulatorJar + " × " + coldStarts + " …");
            report.coldStart = new ColdStart(simulatorJar, soap, coldStartJvmOptions,
                    new Quiet(quietWaitSeconds, retryDisturbed)).run(coldStarts);
            report.coldStartJvmOptions = List.copyOf(coldStartJvmOptions);
        }
        if (coldStartOnly) {
            if (report.coldStart != null) {
                System.out.printf("cold start %s: to first OK answer min %.0f ms, median %.0f ms, max %.0f ms; \"ready in\" median %.0f ms%n",
                        coldStartJvmOptions, report.coldStart.minFirstOk(), report.coldStart.medianFirstOk(),
                        report.coldStart.maxFirstOk(), report.coldStart.medianReported());
            }
            return 0;
        }

        report.heapBeforeBytes = usedHeapAfterGc();
        Path dataDir = null;
        Database externalDb = null;
        Simulator sim;
        long t0 = System.nanoTime();
        Simulator.Builder builder = Simulator.builder().withPort(0).withThreads(serverThreads);
        if (dbUrl != null) {
            externalDb = Database.open(dbUrl, dbUser, dbPassword);
            builder.withDatabase(externalDb);
        } else if (store == Store.file && h2UrlOptions != null) {
            dataDir = Files.createTempDirectory("bench-simulator-");
            // the URL of Database.embedded(dataDir), plus the experiment's settings
            externalDb = Database.open("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("simulator")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" + h2UrlOptions, "sa", "");
            builder.withDatabase(externalDb);
            report.experiments.add("`--h2-url-options " + h2UrlOptions + "`: the H2 file store opened with these settings added");
        } else if (store == Store.file) {
            dataDir = Files.createTempDirectory("bench-simulator-");
            builder.withDataDirectory(dataDir);
        } else {
            builder.withInMemoryDatabase("bench");
        }
        sim = builder.start();
        report.inProcessStartMillis = (System.nanoTime() - t0) / 1e6;
        WireMockServer stub = null;
        try {
            if (dbUrl != null) sim.reset(); // a database of its own: back to the documented seed
            String base = sim.baseUrl();
            System.out.printf("in-process simulator on %s (%s), started in %.0f ms%n", base, store, report.inProcessStartMillis);
            HttpClient simClient = httpClient();
            health(simClient, base);

            LocalDate transactionDate = LocalDate.now(ZoneId.of("Europe/Stockholm")).minusDays(1);
            report.transactionDate = transactionDate;
            long p0 = System.nanoTime();
            giveCards(simClient, base, soap, transactionDate);
            report.prepareMillis = (System.nanoTime() - p0) / 1e6;
            System.out.printf("gave %d persons a card (one RegisterTransaction each) in %.0f ms%n", cardPersons, report.prepareMillis);
            if (analyze) {
                try (java.sql.Connection c = sim.database().dataSource().getConnection();
                        java.sql.Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
                report.experiments.add("`--analyze`: the database's `ANALYZE` ran after the cards were given");
                System.out.println("experiment: ANALYZE ran");
            }

            // The canned answer: a real GetCardForPerson answer of the simulator, byte for byte.
            HttpResponse<String> canned = simClient.send(
                    Soap.post(base, Soap.GET_CARD_FOR_PERSON, soap.getCardForPersonBody(Personnummer.of(0))),
                    HttpResponse.BodyHandlers.ofString());
            requireOk("GetCardForPerson (the answer to can)", canned);
            report.cannedAnswerBytes = canned.body().getBytes(StandardCharsets.UTF_8).length;
            stub = new WireMockServer(options().port(0).bindAddress("127.0.0.1").disableRequestJournal()
                    .containerThreads(Math.max(serverThreads, 8)).jettyAcceptors(1));
            stub.stubFor(post(urlPathEqualTo(Soap.path(Soap.GET_CARD_FOR_PERSON)))
                    .withHeader("SOAPAction", equalTo(Soap.soapAction(Soap.GET_CARD_FOR_PERSON)))
                    .willReturn(aResponse().withStatus(200)
                            .withHeader("Content-Type", canned.headers().firstValue("Content-Type").orElse("text/xml; charset=UTF-8"))
                            .withBody(canned.body())));
            stub.start();
            String stubBase = "http://127.0.0.1:" + stub.port();
            HttpClient stubClient = httpClient();
            HttpResponse<String> fromStub = stubClient.send(
                    Soap.post(stubBase, Soap.GET_CARD_FOR_PERSON, soap.getCardForPersonBody(Personnummer.of(1))),
                    HttpResponse.BodyHandlers.ofString());
            requireOk("GetCardForPerson from the stub", fromStub);
            System.out.printf("canned stub on %s answers the simulator's %d-byte GetCardForPerson answer%n",
                    stubBase, report.cannedAnswerBytes);

            Duration warmup = Duration.ofSeconds(warmupSeconds);
            Duration measure = Duration.ofSeconds(durationSeconds);
            AtomicLong cardCursor = new AtomicLong();
            Supplier<String> cardPerson = () -> Personnummer.of(Math.floorMod(cardCursor.getAndIncrement(), cardPersons));
            AtomicLong registrations = new AtomicLong();
            final int block = 1024;
            Supplier<String> newPerson = () -> {
                long k = registrations.getAndIncrement();
                long person = (k / ((long) block * registrationsPerPerson)) * block + k % block;
                return Personnummer.of(cardPersons + person);
            };
            Cell cell = (load, c, warm, measured) -> switch (load) {
                case get -> ClosedLoop.run(SIMULATOR, Soap.GET_CARD_FOR_PERSON, simClient,
                        () -> Soap.post(base, Soap.GET_CARD_FOR_PERSON, soap.getCardForPersonBody(cardPerson.get())),
                        c, warm, measured);
                case stub -> ClosedLoop.run(STUB, Soap.GET_CARD_FOR_PERSON, stubClient,
                        () -> Soap.post(stubBase, Soap.GET_CARD_FOR_PERSON, soap.getCardForPersonBody(cardPerson.get())),
                        c, warm, measured);
                case register -> ClosedLoop.run(SIMULATOR, Soap.REGISTER_TRANSACTION, simClient,
                        () -> Soap.post(base, Soap.REGISTER_TRANSACTION,
                                soap.registerTransactionBody(newPerson.get(), transactionDate, amount)),
                        c, warm, measured);
                case certificate -> ClosedLoop.run(SIMULATOR, Soap.REGISTER_CERTIFICATE, simClient,
                        () -> Soap.post(base, Soap.REGISTER_CERTIFICATE, soap.registerCertificateBody()),
                        Soap::certificateRegistered, c, warm, measured);
            };
            if (jitWarmupSeconds > 0) {
                report.jitWarmup = warmUpJit(cell, report);
            }
            System.out.printf("%-22s %-20s %7s %10s %8s %8s %8s %9s %6s %8s %8s%n",
                    "target", "operation", "clients", "req/s", "p50 ms", "p99 ms", "max ms", "requests", "errors",
                    "cpu us%", "others%");
            for (int c : clients) {
                for (Load load : loads) report.results.add(measureCell(cell, load, c, warmup, measure));
            }
            report.registrationsSent = registrations.get();
            report.simulatorExchanges += simulatorExchanges.get() + cardPersons + 1;
            report.heapAfterBytes = usedHeapAfterGc();
            if (dataDir != null) report.dataDirBytes = treeSize(dataDir);
        } finally {
            if (stub != null) stub.stop();
            sim.close();
            if (externalDb != null) externalDb.close();
            if (dataDir != null) deleteTree(dataDir);
        }

        report.loadAverageAtEnd = Machine.currentLoadAverage();
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        boolean valid = report.valid();
        if (!noOut && (valid || writeInvalid)) {
            writeKeepingNotes(out, markdown);
            System.out.println("wrote " + out.toAbsolutePath());
        }
        if (!valid) {
            System.err.println("INVALID RUN: some answers were not OK/INFO (see the errors column and samples above)"
                    + (noOut || writeInvalid ? "" : "; " + out + " was not written"));
            return 2;
        }
        return 0;
    }

    /** A cell, measured again while other processes disturbed it (if asked to); an attempt with errors always counts. */
    private ClosedLoop.Result measureCell(Cell cell, Load load, int c, Duration warmup, Duration measure)
            throws InterruptedException {
        ClosedLoop.Result best = null;
        for (int attempt = 0; attempt <= retryDisturbed; attempt++) {
            waitForQuiet();
            ClosedLoop.Result r = print(cell.apply(load, c, warmup, measure));
            if (load != Load.stub) simulatorExchanges.addAndGet(r.warmupRequests() + r.requests());
            if (r.allErrors() > 0) return r;
            if (best == null || r.cpu().othersPercent() < best.cpu().othersPercent()) best = r;
            if (!(r.cpu().othersPercent() > Report.DISTURBED_PERCENT)) break;
            if (attempt < retryDisturbed) System.out.println("    disturbed: measuring again");
        }
        return best;
    }

    /** How to deal with a shared machine: wait for quiet before a measurement, and how often to repeat a disturbed one. */
    record Quiet(int waitSeconds, int retries) {
        void waitForQuiet() throws InterruptedException {
            LoadRun.waitForQuiet(waitSeconds);
        }
    }

    private void waitForQuiet() throws InterruptedException {
        waitForQuiet(quietWaitSeconds);
    }

    static void waitForQuiet(int quietWaitSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(quietWaitSeconds).toNanos();
        boolean said = false;
        while (System.nanoTime() < deadline) {
            CpuMeter.Reading a = CpuMeter.read();
            Thread.sleep(2000);
            CpuMeter.Usage u = CpuMeter.between(a, CpuMeter.read());
            if (!(u.othersPercent() > Report.DISTURBED_PERCENT)) return;
            if (!said) {
                System.out.printf("    waiting for the machine to be quiet (others use %.0f %% of the CPU) …%n", u.othersPercent());
                said = true;
            }
        }
    }

    static String describe(Load load) {
        return switch (load) {
            case get -> "simulator GetCardForPerson";
            case stub -> "stub GetCardForPerson";
            case register -> "simulator RegisterTransaction";
            case certificate -> "simulator RegisterCertificate (LISJP)";
        };
    }

    /** One cell: a load at a client count for a warm-up and a measured time. */
    @FunctionalInterface
    private interface Cell {
        ClosedLoop.Result apply(Load load, int clients, Duration warmup, Duration measure) throws InterruptedException;
    }

    /** A warm-up round must be as clean as a measured one: any non-OK/INFO answer stops the run. */
    private static void requireValid(ClosedLoop.Result r) {
        if (!r.onlyRareStubConnectionLosses(STUB)) {
            print(r);
            throw new IllegalStateException("INVALID RUN: " + r.allErrors() + " answers of " + r.target() + " "
                    + r.operation() + " were not OK/INFO during the JIT warm-up: " + r.errorSamples());
        }
    }

    private static ClosedLoop.Result print(ClosedLoop.Result r) {
        System.out.printf("%-22s %-20s %7d %10.0f %8.2f %8.2f %8.1f %9d %6d %8.0f %8.0f%n", r.target(), r.operation(), r.clients(),
                r.throughput(), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.requests(), r.allErrors(),
                r.cpu().selfPercent(), r.cpu().othersPercent());
        if (!r.cpuMicrosPerRequest().isEmpty()) {
            System.out.println("    CPU µs per request: " + Report.cpuSplit(r));
        }
        if (r.cpu().othersPercent() > Report.DISTURBED_PERCENT) {
            System.out.printf("    warning: other processes used %.0f %% of the machine's CPU during this cell%n",
                    r.cpu().othersPercent());
        }
        if (r.allErrors() > 0) {
            System.out.println("    answers: " + r.answers() + "; warm-up errors " + r.warmupErrors());
            r.errorSamples().forEach(s -> System.out.println("    e.g. " + s));
        }
        return r;
    }

    /** One client for a target, HTTP/1.1 with a pool of keep-alive connections (one per busy client thread). */
    static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static void health(HttpClient client, String base) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/control/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("GET /control/health: HTTP " + r.statusCode() + " " + r.body());
    }

    /** One RegisterTransaction for each of the first {@code cardPersons} persons, 8 at a time; every answer must be OK/INFO. */
    private void giveCards(HttpClient client, String base, Soap soap, LocalDate date) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < cardPersons; i++) {
                String person = Personnummer.of(i);
                done.add(pool.submit(() -> {
                    HttpResponse<String> r = client.send(
                            Soap.post(base, Soap.REGISTER_TRANSACTION, soap.registerTransactionBody(person, date, amount)),
                            HttpResponse.BodyHandlers.ofString());
                    requireOk("RegisterTransaction for " + person, r);
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void requireOk(String what, HttpResponse<String> r) {
        String code = r.statusCode() == 200 ? Soap.resultCode(r.body()) : null;
        if (!Soap.performed(code)) {
            throw new IllegalStateException(what + ": expected resultCode OK or INFO, got HTTP " + r.statusCode()
                    + " " + ClosedLoop.abbreviate(r.body()));
        }
    }

    static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private String command() {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        StringBuilder b = new StringBuilder("java ");
        for (String a : jvm) b.append(a).append(' ');
        b.append("-jar benchmark/target/benchmark.jar");
        for (String a : arguments) b.append(' ').append(a);
        return b.toString();
    }

    static final String NOTES_MARKER = "<!-- Text below this line is written by hand and kept when LoadRun rewrites this file. -->";

    /** Writes {@code markdown}, keeping whatever the file had below {@link #NOTES_MARKER}. */
    static void writeKeepingNotes(Path file, String markdown) throws IOException {
        String notes = "\n## Notes\n\n(none yet)\n";
        if (Files.exists(file)) {
            String old = Files.readString(file);
            int i = old.indexOf(NOTES_MARKER);
            if (i >= 0) notes = old.substring(i + NOTES_MARKER.length());
        }
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown + "\n" + NOTES_MARKER + notes);
    }

    static long treeSize(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    static String isoDate(ZonedDateTime t) {
        return t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
    }

    /**
     * Runs every load at 16 clients in rounds until a whole round added less than
     * {@link #jitSettledMillis} ms of JIT compilation time per second of load: C2 needs two to three minutes of load to compile
     * the simulator's paths (H2, Xerces, JAXB, Jetty), and a cell measured while it still compiles
     * measures the compiler, which takes a core, more than the simulator.
     */
    private Report.JitWarmup warmUpJit(Cell cell, Report report) throws Exception {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            throw new IllegalStateException("this JVM does not report JIT compilation time; run with --jit-warmup-seconds 0");
        }
        Duration round = Duration.ofSeconds(jitWarmupSeconds);
        long start = System.nanoTime();
        long compiledBefore = jit.getTotalCompilationTime();
        int rounds = 0;
        long lastRoundMillis;
        boolean settled;
        do {
            long before = jit.getTotalCompilationTime();
            for (Load load : loads) {
                ClosedLoop.Result r = cell.apply(load, 16, round, Duration.ZERO);
                requireValid(r);
                if (load != Load.stub) report.simulatorExchanges += r.warmupRequests() + r.requests();
            }
            rounds++;
            lastRoundMillis = jit.getTotalCompilationTime() - before;
            settled = lastRoundMillis < jitSettledMillis * jitWarmupSeconds * loads.size();
            System.out.printf("JIT warm-up round %d: %d ms of compilation%s%n", rounds, lastRoundMillis, settled ? " (settled)" : "");
        } while (!settled && System.nanoTime() - start < Duration.ofSeconds(jitWarmupMaxSeconds).toNanos());
        return new Report.JitWarmup(rounds, Duration.ofNanos(System.nanoTime() - start).toMillis(),
                jit.getTotalCompilationTime() - compiledBefore, lastRoundMillis, settled, jitSettledMillis);
    }
}
