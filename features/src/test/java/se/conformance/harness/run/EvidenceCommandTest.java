package se.conformance.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.conformance.reports.evidence.EvidenceBundle;
import se.conformance.simulator.Simulator;
import se.conformance.simulator.evidence.OperatorKey;
import se.conformance.vendor.ReferenceVendor;

/**
 * The evidence bundle as a run writes it and {@code bin/conformance verify} checks it: one real
 * run (an e-frikort client with RegisterTransaction only, so it stays short, with the single-file
 * report) against a real simulator and the reference vendor over HTTP; then the bundle verified,
 * and copies of it changed, extended, cut and re-signed, each refused naming what is wrong.
 * Masking: no identity number of the run in the human-readable files, the raw journal intact.
 */
class EvidenceCommandTest {

    /** Any 12-digit personnummer or samordningsnummer, with or without hyphen. */
    private static final Pattern PERSON_ID = Pattern.compile(
            "(?<![0-9])(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]|6[1-9]|[78][0-9]|9[01])-?[0-9]{4}(?![0-9])");

    private static Simulator simulator;
    private static ReferenceVendor vendor;
    private static Path work;
    private static Path runDir;
    private static Path bundle;
    private static Cli run;

    @TempDir
    Path dir;

    static Cli cli(String... args) {
        return Cli.run(args);
    }

    @BeforeAll
    static void runOnce() throws IOException {
        simulator = Simulator.builder().withPort(0).withInMemoryDatabase("ev-" + UUID.randomUUID()).start();
        vendor = ReferenceVendor.builder().withPort(0).withSimulatorUrl(simulator.baseUrl())
                .withCallTimeout(Duration.ofSeconds(5)).start();
        work = Files.createTempDirectory("evidence-test");
        Path profile = profile(work.resolve("profile"), "");
        long start = System.nanoTime();
        run = cli("run", "--profile", profile.toString(), "--out", work.resolve("out").toString());
        System.out.printf("run with report.html and evidence.zip: %.1f s%n", (System.nanoTime() - start) / 1e9);
        try (Stream<Path> s = Files.list(work.resolve("out"))) {
            runDir = s.filter(Files::isDirectory).findFirst().orElseThrow().toAbsolutePath();
        }
        bundle = runDir.resolve("evidence.zip");
    }

    @AfterAll
    static void stop() {
        if (vendor != null) vendor.close();
        if (simulator != null) simulator.close();
        if (work != null) ConformanceMain.deleteTree(work);
    }

    /** An e-frikort client with RegisterTransaction only, target Nivå 3, plus {@code extra} YAML lines. */
    static Path profile(Path dir, String extra) throws IOException {
        Files.createDirectories(dir);
        for (String name : List.of("attestations.yaml", "losningsbeskrivning.md")) {
            try (InputStream in = EvidenceCommandTest.class.getClassLoader().getResourceAsStream("reference/" + name)) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        Path p = dir.resolve("profile.yaml");
        Files.writeString(p, String.join("\n",
                "system: Bevis-kassan",
                "version: 2.0.0",
                "supplier: Bevisleverantören AB",
                "targetLevel: 3",
                "change: [new-system]",
                "capabilities: [{service: efrikort, role: client, contracts: [RegisterTransaction]}]",
                "endpoints: {driver: '" + vendor.driverUrl() + "'}",
                "simulator: {port: " + simulator.port() + "}",
                "attestations: attestations.yaml",
                "documents: {DOC-SOL-001: losningsbeskrivning.md}") + "\n" + extra);
        return p;
    }

    // ---- what a run writes ---------------------------------------------------------------------

    @Test
    void everyRunWritesASignedBundleWithTheReportSummaryExchangesDigestsVersionsAndProfile() throws IOException {
        assertThat(run.out()).contains("Bevispaket:     " + bundle);
        Map<String, byte[]> files = read(bundle);

        assertThat(files.keySet()).contains("report.html", "summary.json", "summary.html", "summary.md", "journal.json",
                "exchanges/index.json", "digests.json", "versions.json", "profile/profile.yaml",
                "profile/attestations.yaml", "profile/losningsbeskrivning.md", "MANIFEST.sha256", "MANIFEST.sig");
        assertThat(files.get("summary.json")).isEqualTo(Files.readAllBytes(runDir.resolve("summary.json")));
        assertThat(files.get("report.html")).isEqualTo(Files.readAllBytes(runDir.resolve("report.html")));

        ObjectMapper json = new ObjectMapper();
        JsonNode digests = json.readTree(files.get("digests.json"));
        JsonNode summary = json.readTree(files.get("summary.json"));
        assertThat(digests.path("checklist").path("sha256").asText()).isEqualTo(summary.path("checklistDigest").asText());
        List<String> features = new ArrayList<>();
        digests.path("features").fieldNames().forEachRemaining(features::add);
        assertThat(features).hasSize(9).allMatch(f -> f.startsWith("features/") && f.endsWith(".feature"));
        digests.path("features").forEach(d -> assertThat(d.asText()).matches("sha256:[0-9a-f]{64}"));
        JsonNode versions = json.readTree(files.get("versions.json"));
        assertThat(versions.path("simulator").asText()).isEqualTo(summary.path("simulatorVersion").asText());
        assertThat(versions.path("harness").asText()).isNotBlank();

        // every exchange of the run, raw, and each item's trace ids lead to its exchanges
        JsonNode journal = json.readTree(files.get("journal.json"));
        JsonNode index = json.readTree(files.get("exchanges/index.json"));
        assertThat(index.path("count").asInt()).isEqualTo(journal.path("count").asInt()).isPositive();
        Map<String, JsonNode> byTrace = new LinkedHashMap<>();
        index.path("exchanges").forEach(x -> byTrace.put(x.path("traceId").asText(), x));
        int correlated = 0;
        for (JsonNode item : summary.path("items")) {
            for (JsonNode t : item.path("traceIds")) {
                JsonNode x = byTrace.get(t.asText());
                assertThat(x).as(item.path("id") + " trace " + t).isNotNull();
                assertThat(x.path("items").toString()).contains(item.path("id").asText());
                assertThat(new String(files.get(x.path("request").asText()), StandardCharsets.UTF_8)).contains("Envelope");
                assertThat(files).containsKey(x.path("response").asText());
                correlated++;
            }
        }
        assertThat(correlated).as("items with trace ids").isGreaterThan(5);
        System.out.printf("bundle: %d files, %d exchanges, %d trace ids correlated to items, %d bytes%n",
                files.size(), index.path("count").asInt(), correlated, Files.size(bundle));
    }

    // ---- verify --------------------------------------------------------------------------------

    @Test
    void verifyOfTheBundleAsWrittenSaysIntactAndPrintsTheAttestedVerdictAndSigner() throws IOException {
        Path pem = Files.writeString(dir.resolve("operator.pem"), simulator.operatorKey().pem());

        Cli r = cli("verify", bundle.toString(), "--trust", pem.toString());

        System.out.println(r.out());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        String verdict = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile()).path("verdict").asText();
        assertThat(r.out()).contains("INTYGAT: " + verdict)
                .contains("Signatur:   giltig, av " + simulator.operatorKey().certificate().getSubjectX500Principal().getName())
                .contains("SHA-256 " + simulator.operatorKey().fingerprint())
                .contains("Bevis-kassan 2.0.0").contains(", alla stämmer");
        assertThat(cli("verify", bundle.toString()).exit()).as("without --trust").isZero();
    }

    @Test
    void aModifiedFileIsNamedAndExitsOne() throws IOException {
        Path changed = rewrite(m -> {
            m.put("summary.html", new String(m.get("summary.html"), StandardCharsets.UTF_8)
                    .replace("underkänd", "godkänd").concat(" ").getBytes(StandardCharsets.UTF_8));
            return m;
        });

        Cli r = cli("verify", changed.toString());

        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("ÄNDRAD:     summary.html").contains("VERIFIERING MISSLYCKADES")
                .doesNotContain("INTYGAT");
    }

    @Test
    void anAddedAndARemovedFileAreEachNamedAndExitOne() throws IOException {
        Path changed = rewrite(m -> {
            m.put("exchanges/999999-forged.request.xml", "<forged/>".getBytes(StandardCharsets.UTF_8));
            m.remove("report.html");
            return m;
        });

        Cli r = cli("verify", changed.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("TILLAGD:    exchanges/999999-forged.request.xml")
                .contains("BORTTAGEN:  report.html");
    }

    @Test
    void aTamperedSignatureOrAnotherSignerExitsOneSayingSo() throws IOException {
        Path tampered = rewrite(m -> {
            byte[] sig = m.get(EvidenceBundle.SIGNATURE);
            sig[sig.length - 10] ^= 0x01;
            return m;
        });
        Cli r = cli("verify", tampered.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FEL:        the signature is not valid").contains("VERIFIERING MISSLYCKADES");

        Path other = Files.writeString(dir.resolve("other.pem"), OperatorKey.generate().pem());
        Cli untrusted = cli("verify", bundle.toString(), "--trust", other.toString());
        assertThat(untrusted.exit()).isEqualTo(1);
        assertThat(untrusted.out()).contains("not by the trusted certificate");
    }

    @Test
    void aFileThatIsNotABundleExitsOneAndOneThatDoesNotExistTwo() throws IOException {
        Path text = Files.writeString(dir.resolve("x.zip"), "not a zip");
        assertThat(cli("verify", text.toString()).exit()).isEqualTo(1);

        Cli missing = cli("verify", dir.resolve("nowhere.zip").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.out()).startsWith("HARNESSFEL").contains("nowhere.zip");
    }

    /** What docs/trust-evidence.md shows: the unpacked bundle checked with coreutils and openssl alone. */
    @Test
    void theBundleChecksOutWithSha256sumAndOpensslToo() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")) && Files.isExecutable(Path.of("/usr/bin/sha256sum")),
                "skipped: openssl or sha256sum not installed");
        Path unpacked = dir.resolve("unpacked");
        for (var e : read(bundle).entrySet()) {
            Path f = unpacked.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        Files.writeString(dir.resolve("operator.pem"), simulator.operatorKey().pem());

        String sums = exec(unpacked, "sha256sum", "-c", "--quiet", "MANIFEST.sha256");
        String cms = exec(unpacked, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "MANIFEST.sig",
                "-content", "MANIFEST.sha256", "-CAfile", "../operator.pem", "-out", "/dev/null");

        assertThat(sums).isEmpty();
        assertThat(cms).contains("Verification successful");
    }

    // ---- masking ---------------------------------------------------------------------------------

    @Test
    void noIdentityNumberOfTheRunIsReadableInTheReportSummaryOrConsoleButTheRawJournalHasThem() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new LinkedHashSet<>();
        json.readTree(runDir.resolve("journal.json").toFile()).path("entries").forEach(e -> {
            if (e.hasNonNull("personId")) ids.add(e.path("personId").asText());
        });
        assertThat(ids).as("identity numbers the run sent").isNotEmpty();
        String journal = Files.readString(runDir.resolve("journal.json"));
        assertThat(ids).allSatisfy(id -> assertThat(journal).contains(id));

        Map<String, String> readable = new LinkedHashMap<>();
        readable.put("console", run.out() + run.err());
        for (String f : List.of("summary.json", "summary.html", "summary.md")) readable.put(f, Files.readString(runDir.resolve(f)));
        readable.put("report.html (embedded data, decoded)", decodedReport(Files.readString(runDir.resolve("report.html"))));
        try (Stream<Path> s = Files.walk(runDir.resolve("allure-results"))) {
            for (Path f : s.filter(Files::isRegularFile).toList()) readable.put(f.getFileName().toString(), Files.readString(f));
        }
        for (var e : readable.entrySet()) {
            Matcher m = PERSON_ID.matcher(e.getValue());
            if (m.find()) {
                String around = e.getValue().substring(Math.max(0, m.start() - 80), Math.min(e.getValue().length(), m.end() + 40));
                throw new AssertionError(e.getKey() + " shows " + m.group() + ": …" + around + "…");
            }
        }
        assertThat(readable.get("report.html (embedded data, decoded)")).contains("191212******");
        System.out.printf("masking: %d identity numbers in the raw journal, none in %d readable files%n", ids.size(), readable.size());
    }

    @Test
    void withNoMaskTheReportShowsTheNumbersAndTheProfileCanSayTheSame() throws IOException {
        Path out = dir.resolve("out");
        ChecklistRun.Outcome o = ChecklistRun.forProfile(VendorProfile.read(profile(dir.resolve("p1"), "")),
                dir.resolve("p1/profile.yaml")).withOutputRoot(out).withRunId("nomask").withHtmlReport(false)
                .withTags("@EFK-REG-001").withMasking(false).withProgress(null).run();
        assertThat(Files.readString(o.runDirectory().resolve("allure-results").resolve(onlyResult(o.runDirectory()))))
                .containsPattern(PERSON_ID);

        Path maskedOff = profile(dir.resolve("p2"), "masking: false\n");
        ChecklistRun.Outcome o2 = ChecklistRun.forProfile(VendorProfile.read(maskedOff), maskedOff).withOutputRoot(out)
                .withRunId("profile-off").withHtmlReport(false).withTags("@EFK-REG-001").withProgress(null).run();
        assertThat(Files.readString(o2.runDirectory().resolve("allure-results").resolve(onlyResult(o2.runDirectory()))))
                .containsPattern(PERSON_ID);
        assertThat(read(o2.runDirectory().resolve("evidence.zip"))).containsKey("MANIFEST.sig");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The result file of a one-scenario run. */
    private static String onlyResult(Path runDir) throws IOException {
        try (Stream<Path> s = Files.list(runDir.resolve("allure-results"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-result.json")).findFirst().orElseThrow();
        }
    }

    /** Every document Allure embeds in single-file mode as {@code d('path','base64')}, decoded, plus the page itself. */
    static String decodedReport(String html) {
        StringBuilder b = new StringBuilder(html);
        Matcher m = Pattern.compile("d\\('([^']+)','([A-Za-z0-9+/=]+)'\\)").matcher(html);
        int n = 0;
        while (m.find()) {
            b.append('\n').append(new String(Base64.getDecoder().decode(m.group(2)), StandardCharsets.UTF_8));
            n++;
        }
        assertThat(n).as("embedded documents in report.html").isPositive();
        return b.toString();
    }

    private String exec(Path cwd, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("$ " + String.join(" ", cmd) + "\n" + out + "(exit " + p.exitValue() + ")");
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private Path rewrite(UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = change.apply(read(bundle));
        Path out = Files.createTempFile(dir, "changed", ".zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }

    private static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    m.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return m;
    }
}
