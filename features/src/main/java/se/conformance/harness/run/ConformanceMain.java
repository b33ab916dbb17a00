package se.conformance.harness.run;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.security.cert.X509Certificate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.conformance.reports.evidence.EvidenceBundle;
import se.conformance.reports.evidence.EvidenceVerifier;
import se.conformance.harness.simulator.SimulatorTls;
import se.conformance.simulator.Simulator;
import se.conformance.vendor.ReferenceVendor;
import se.conformance.vendor.defect.Defect;

/**
 * {@code bin/conformance}: runs the approval checklist and writes the report and the signed
 * evidence bundle; {@code verify} checks a bundle offline. Exit codes: 0 the target level is
 * reached (verify: the bundle is intact), 1 it is not (verify: changed or badly signed), 2 a
 * harness error (bad profile, vendor unreachable, file unreadable), each with a one-line verdict.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true, version = "conformance 0.1.0",
        description = "Connection-approval harness for e-frikort and Intygstjänster.",
        subcommands = {ConformanceMain.Demo.class, ConformanceMain.Run.class, ConformanceMain.Verify.class})
public final class ConformanceMain implements Callable<Integer> {

    static final int REACHED = 0;
    static final int NOT_REACHED = 1;
    static final int HARNESS_ERROR = 2;
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** Where the commands write; {@link #run} sets them, {@code main} uses the process's streams. */
    PrintStream out = System.out;
    PrintStream err = System.err;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * The command line as {@code bin/conformance} runs it, writing to {@code out} and {@code err}
     * instead of the process's streams; returns the exit code (0 reached, 1 not reached, 2 harness error).
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        ConformanceMain main = new ConformanceMain();
        main.out = out;
        main.err = err;
        return new CommandLine(main)
                .setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true))
                .setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true))
                .setExecutionExceptionHandler((e, cmd, parse) -> {
                    cmd.getErr().println("HARNESSFEL: " + oneLine(e.getMessage()));
                    return HARNESS_ERROR;
                }).execute(args);
    }

    /** A message on one line (YAML and HTTP errors can span several). */
    static String oneLine(String message) {
        return message == null ? "(inget meddelande)" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, out);
        return HARNESS_ERROR;
    }

    @Option(names = "--out", description = "where run directories go (default: ${DEFAULT-VALUE})", defaultValue = "reports/out",
            scope = CommandLine.ScopeType.INHERIT)
    Path outputRoot;

    @Command(name = "demo", description = "Runs the whole checklist against the bundled reference vendor on an"
            + " embedded database; with --defect, against one of its deliberately broken variants.")
    static final class Demo implements Callable<Integer> {

        @CommandLine.ParentCommand
        ConformanceMain parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--defect", description = "a defect of the reference vendor (repeatable); 'list' names them")
        List<String> defects = new ArrayList<>();

        @Option(names = "--no-html", description = "skip the single-file Allure report")
        boolean noHtml;

        @Option(names = "--no-mask", description = "show personal identity numbers and secrets in the report and on the console")
        boolean noMask;

        @Option(names = "--tls", description = "shared mode: the simulator over HTTPS requiring client certificates, the"
                + " reference vendor and the harness each with a function certificate from a fresh test CA (docs/trust-tls.md)")
        boolean tls;

        @Override
        public Integer call() throws IOException {
            PrintStream out = parent.out;
            if (defects.contains("list")) {
                for (Defect d : Defect.values()) {
                    out.printf("%-32s breaks %-26s %s%n", d.id(), String.join(", ", d.breaks()), d.description());
                }
                return REACHED;
            }
            Set<Defect> chosen = EnumSet.noneOf(Defect.class);
            for (String name : defects) {
                chosen.add(Defect.byId(name).orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "unknown defect '" + name + "' (bin/conformance demo --defect list)")));
            }
            String runId = RUN_ID.format(Instant.now()) + "-demo" + (chosen.isEmpty() ? "" : "-" + String.join("-", defects));
            Path runDir = parent.outputRoot.resolve(runId);
            Path profileDir = runDir.resolve("profile");
            Path profileFile = extractReferenceProfile(profileDir);
            Path data = Files.createTempDirectory("conformance-demo-db");
            long start = System.nanoTime();
            DemoPki pki = tls ? DemoPki.create(Files.createTempDirectory("conformance-demo-pki")) : null;
            Simulator.Builder sb = Simulator.builder().withPort(0).withDataDirectory(data);
            ReferenceVendor.Builder vb = ReferenceVendor.builder().withPort(0);
            if (pki != null) {
                sb.withTls(pki.simulator());
                vb.withClientCertificate(pki.vendorKeyStore(), DemoPki.PASSWORD).withTrustStore(pki.trustStore(), DemoPki.PASSWORD);
            }
            try (Simulator simulator = sb.start();
                 ReferenceVendor vendor = vb.withSimulatorUrl(simulator.baseUrl())
                         .withDefects(chosen).withCallTimeout(Duration.ofSeconds(5)).start()) {
                out.println("Simulatorn: " + simulator.baseUrl() + " (inbäddad databas " + data + ")"
                        + (pki == null ? "" : ", delat läge: klientcertifikat krävs (test-CA i " + pki.dir() + ")"));
                out.println("Referensleverantören: " + vendor.baseUrl()
                        + (chosen.isEmpty() ? " (korrekt)" : " (defekter: " + String.join(", ", defects) + ")"));
                ChecklistRun.Outcome outcome = ChecklistRun.forProfile(VendorProfile.read(profileFile), profileFile)
                        .withSimulatorUrl(simulator.baseUrl())
                        .withSimulatorTls(pki == null ? SimulatorTls.none() : pki.harness())
                        .withDriverUrl(vendor.driverUrl())
                        .withNotificationUrl(vendor.notificationUrl())
                        .withOutputRoot(parent.outputRoot)
                        .withRunId(runId)
                        .withHtmlReport(!noHtml)
                        .withMasking(!noMask)
                        .withSystemSuffix(chosen.isEmpty() ? "" : " (defekt: " + String.join(", ", defects) + ")")
                        .withProgress(out)
                        .run();
                return finish(out, outcome, System.nanoTime() - start);
            } finally {
                deleteTree(data);
                if (pki != null) deleteTree(pki.dir());
            }
        }
    }

    @Command(name = "run", description = "Runs the checklist against a vendor's own system described by a profile.")
    static final class Run implements Callable<Integer> {

        @CommandLine.ParentCommand
        ConformanceMain parent;

        @Option(names = "--profile", required = true, description = "the vendor profile (YAML, docs/harness.md)")
        Path profile;

        @Option(names = "--no-html", description = "skip the single-file Allure report")
        boolean noHtml;

        @Option(names = "--no-mask", description = "show personal identity numbers and secrets in the report and on the"
                + " console (also: profile field masking: false)")
        boolean noMask;

        @Override
        public Integer call() throws IOException {
            PrintStream out = parent.out;
            VendorProfile p;
            profile = callerPath(profile);
            try {
                p = VendorProfile.read(profile);
                p.readAttestations(profile); // a missing or unreadable attestations file is a bad profile, before any run
            } catch (VendorProfile.BadProfile e) {
                out.println("HARNESSFEL: felaktig profil: " + oneLine(e.getMessage()));
                return HARNESS_ERROR;
            }
            ChecklistRun run = ChecklistRun.forProfile(p, profile).withOutputRoot(parent.outputRoot)
                    .withHtmlReport(!noHtml).withMasking(!noMask).withProgress(out);
            String unreachable;
            try {
                unreachable = unreachable(p, p.simulatorTls(profile));
            } catch (VendorProfile.BadProfile e) {
                out.println("HARNESSFEL: felaktig profil: " + oneLine(e.getMessage()));
                return HARNESS_ERROR;
            }
            if (unreachable != null) {
                out.println("HARNESSFEL: " + unreachable);
                return HARNESS_ERROR;
            }
            long start = System.nanoTime();
            try {
                return finish(out, run.run(), System.nanoTime() - start);
            } catch (VendorProfile.BadProfile e) {
                out.println("HARNESSFEL: felaktig profil: " + oneLine(e.getMessage()));
                return HARNESS_ERROR;
            }
        }
    }

    @Command(name = "verify", description = "Checks an evidence bundle offline: every file against the manifest, the"
            + " manifest's signature and signer; prints the verdict it attests. Exit 0 intact, 1 not, 2 unreadable.")
    static final class Verify implements Callable<Integer> {

        @CommandLine.ParentCommand
        ConformanceMain parent;

        @CommandLine.Parameters(paramLabel = "FILE.zip", description = "the bundle (reports/out/<run-id>/evidence.zip)")
        Path bundle;

        @Option(names = "--trust", paramLabel = "CERT.pem", description = "the simulator operator's certificate"
                + " (GET /control/evidence/certificate): the bundle must be signed by exactly this one")
        Path trust;

        @Override
        public Integer call() {
            PrintStream out = parent.out;
            X509Certificate trusted = null;
            EvidenceVerifier.Result r;
            try {
                if (trust != null) trusted = EvidenceVerifier.readCertificate(callerPath(trust));
                r = EvidenceVerifier.verify(callerPath(bundle), trusted);
            } catch (IOException e) {
                out.println("HARNESSFEL: " + oneLine(e.getMessage()));
                return HARNESS_ERROR;
            }
            out.println("Bevispaket: " + callerPath(bundle).toAbsolutePath().normalize());
            for (EvidenceVerifier.FileProblem f : r.files()) {
                out.println(switch (f.kind()) {
                    case MODIFIED -> "ÄNDRAD:     " + f.name() + " (innehållet stämmer inte med " + EvidenceBundle.MANIFEST + ")";
                    case ADDED -> "TILLAGD:    " + f.name() + " (finns inte i " + EvidenceBundle.MANIFEST + ")";
                    case MISSING -> "BORTTAGEN:  " + f.name() + " (finns i " + EvidenceBundle.MANIFEST + " men inte i paketet)";
                    case DUPLICATE -> "DUBBLETT:   " + f.name() + " (två poster med samma namn)";
                });
            }
            for (String problem : r.problems()) out.println("FEL:        " + oneLine(problem));
            out.println("Filer:      " + r.filesChecked() + " kontrollerade mot " + EvidenceBundle.MANIFEST
                    + (r.files().isEmpty() ? ", alla stämmer" : ", " + r.files().size() + " avvikelser"));
            if (r.signer() != null) {
                boolean signatureOk = r.problems().isEmpty();
                out.println("Signatur:   " + (signatureOk ? "giltig" : "ej godtagen") + ", av " + r.signer().subject()
                        + (r.signer().signedAt() == null ? "" : ", " + r.signer().signedAt()));
                out.println("            SHA-256 " + r.signer().fingerprint()
                        + (trusted == null ? " (jämför med operatörens certifikat, eller ange --trust)" : ""));
            }
            EvidenceVerifier.Verdict v = r.verdict();
            if (v != null) {
                out.println("Körning:    " + v.runId() + ", " + v.system() + " " + v.version()
                        + (v.supplier() == null ? "" : " (" + v.supplier() + ")") + ", nådd nivå " + v.reachedLevel()
                        + " av målnivå " + v.targetLevel() + ", " + v.finishedAt());
            }
            if (!r.ok()) {
                List<String> why = new ArrayList<>();
                if (!r.files().isEmpty()) why.add(r.files().size() + " fil(er) avviker från manifestet");
                if (!r.problems().isEmpty()) why.add("manifest, signatur eller undertecknare godtas inte (FEL ovan)");
                out.println("VERIFIERING MISSLYCKADES: " + String.join("; ", why)
                        + (v == null ? "" : " — det som paketet påstår gäller inte: " + v.verdict()));
                return NOT_REACHED;
            }
            out.println("INTYGAT: " + (v == null ? "(ingen summary.json i paketet)" : v.verdict()));
            return REACHED;
        }
    }

    /**
     * A path the caller named, resolved against the caller's directory: bin/conformance runs from
     * the repository root and says where the caller was (CONFORMANCE_CALLER_DIR).
     */
    static Path callerPath(Path p) {
        String caller = System.getenv("CONFORMANCE_CALLER_DIR");
        return p.isAbsolute() || caller == null || caller.isBlank() ? p : Path.of(caller).resolve(p);
    }

    /** Why the simulator or the vendor's driver cannot be reached, or null when both answer. */
    static String unreachable(VendorProfile p, SimulatorTls tls) {
        String sim = p.simulatorUrl();
        if (sim == null) return "profilen anger ingen simulator (simulator.port eller simulator.url)";
        int status = status(sim + "/control/health", tls);
        if (status < 0 || status >= 500) return "simulatorn svarar inte på " + sim + " (starta bin/simulator)";
        if (status == 403) return "simulatorn på " + sim + " vägrar harnessens anrop (HTTP 403): kontrollera simulator.tls i profilen";
        String driver = p.endpoints() == null ? null : p.endpoints().driver();
        int d = driver == null ? 200 : status(driver, SimulatorTls.none());
        if (d < 0 || d >= 500) return "leverantörens testdrivrutin svarar inte på " + driver;
        return null;
    }

    /** The HTTP status of a GET, -1 when there is no answer. */
    private static int status(String url, SimulatorTls tls) {
        try {
            return RestAssured.given().config(tls.config(io.restassured.config.RestAssuredConfig.config().httpClient(
                    io.restassured.config.HttpClientConfig.httpClientConfig()
                            .setParam("http.connection.timeout", 3_000).setParam("http.socket.timeout", 5_000))))
                    .get(url).statusCode();
        } catch (Exception e) {
            // rest-assured rethrows the checked ConnectException undeclared (Groovy): catch it too
            return -1;
        }
    }

    static int finish(PrintStream out, ChecklistRun.Outcome outcome, long nanos) {
        Path dir = outcome.runDirectory().toAbsolutePath().normalize();
        long passed = outcome.scenarios().stream().filter(s -> s.passed()).count();
        out.println();
        out.printf("%d scenarier, %d gick igenom, på %.1f s%n", outcome.scenarios().size(), passed, nanos / 1e9);
        out.println("Sammanfattning: " + dir.resolve("summary.html"));
        out.println("                " + dir.resolve("summary.json"));
        out.println("                " + dir.resolve("summary.md"));
        Path report = dir.resolve("report.html");
        if (Files.exists(report)) out.println("Rapport:        " + report);
        Path evidence = dir.resolve(EvidenceAssembly.FILE_NAME);
        if (Files.exists(evidence)) out.println("Bevispaket:     " + evidence + " (bin/conformance verify)");
        out.println("RESULTAT: " + outcome.verdict());
        return outcome.exitCode();
    }

    static Path extractReferenceProfile(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : List.of("profile.yaml", "attestations.yaml", "losningsbeskrivning.md")) {
            try (InputStream in = ConformanceMain.class.getClassLoader().getResourceAsStream("reference/" + name)) {
                if (in == null) throw new IllegalStateException("reference profile file missing: " + name);
                Files.writeString(dir.resolve(name), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return dir.resolve("profile.yaml");
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
