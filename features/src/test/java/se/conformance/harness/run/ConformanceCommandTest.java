package se.conformance.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.Simulator;
import se.conformance.vendor.ReferenceVendor;
import se.conformance.vendor.defect.Defect;

/**
 * {@code bin/conformance} as a user meets it: picocli in-process through
 * {@link ConformanceMain#run(String[], PrintStream, PrintStream)} (what {@code main} calls before
 * {@code System.exit}), with a real simulator and the real reference vendor over HTTP.
 */
class ConformanceCommandTest {

    private static Simulator simulator;
    private static ReferenceVendor vendor;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        simulator = Simulator.builder().withPort(0).withInMemoryDatabase("cli-" + UUID.randomUUID()).start();
        // 5 s call time-out as the demo uses, so EFK-ERR-005 (a call never answered) is given up quickly.
        vendor = ReferenceVendor.builder().withPort(0).withSimulatorUrl(simulator.baseUrl())
                .withCallTimeout(Duration.ofSeconds(5)).start();
    }

    @AfterAll
    static void stop() {
        if (vendor != null) vendor.close();
        if (simulator != null) simulator.close();
    }

    private static Cli cli(String... args) {
        return Cli.run(args);
    }

    // ---- demo ---------------------------------------------------------------------------------

    @Test
    void demoDefectListNamesEveryDefect() {
        Cli r = cli("demo", "--defect", "list");

        assertThat(r.exit()).isZero();
        assertThat(Defect.values()).hasSize(13);
        for (Defect d : Defect.values()) {
            assertThat(r.out()).contains(d.id());
        }
        assertThat(r.out().lines().filter(l -> !l.isBlank())).hasSize(13);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void demoWithAnUnknownDefectIsAHarnessErrorThatSaysHowToListThem() {
        Cli r = cli("demo", "--defect", "no-such", "--out", dir.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown defect 'no-such'").contains("--defect list");
        // refused before anything was started or written
        assertThat(dir).isEmptyDirectory();
    }

    // ---- run: profiles that cannot be used ----------------------------------------------------

    @Test
    void aProfileThatDoesNotExistIsOneLineNamingTheFile() {
        Path missing = dir.resolve("missing.yaml");

        Cli r = cli("run", "--profile", missing.toString(), "--out", dir.resolve("out").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.lines()).hasSize(1);
        assertThat(r.lines().get(0)).startsWith("HARNESSFEL").contains("missing.yaml");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /**
     * Each profile is otherwise good and points at the running simulator and driver, so the only
     * thing wrong is the field named; the message is one line that names it, and nothing runs.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field        | colour: red                                        | colour",
        "targetLevel 7        | targetLevel: 7                                     | targetLevel",
        "role both            | capabilities: [{service: efrikort, role: both, contracts: [GetCardForPerson]}] | capabilities[0].role",
        "no attestations file | attestations: nowhere.yaml                         | attestations",
    })
    void aBadProfileIsAHarnessErrorNamingTheField(String name, String override, String field) throws IOException {
        Path profile = writeProfile(dir, 2, override);

        Cli r = cli("run", "--profile", profile.toString(), "--out", dir.resolve("out").toString(), "--no-html");

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.lines()).as(r.toString()).hasSize(1);
        assertThat(r.lines().get(0)).startsWith("HARNESSFEL: felaktig profil").contains(field)
                .contains(profile.getFileName().toString());
        assertThat(dir.resolve("out")).as("nothing written for a refused profile").doesNotExist();
    }

    @Test
    void aSimulatorThatDoesNotAnswerIsAHarnessError() throws IOException {
        int closed = closedPort();
        Path profile = writeProfile(dir, 2, "simulator: {port: " + closed + "}");

        Cli r = cli("run", "--profile", profile.toString(), "--out", dir.resolve("out").toString(), "--no-html");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.lines()).hasSize(1);
        assertThat(r.lines().get(0)).startsWith("HARNESSFEL: simulatorn svarar inte").contains(":" + closed);
    }

    @Test
    void aDriverThatDoesNotAnswerIsAHarnessErrorNamingTheDriver() throws IOException {
        String driver = "http://127.0.0.1:" + closedPort() + "/driver";
        Path profile = writeProfile(dir, 2, "endpoints: {driver: '" + driver + "'}");

        Cli r = cli("run", "--profile", profile.toString(), "--out", dir.resolve("out").toString(), "--no-html");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.lines()).hasSize(1);
        assertThat(r.lines().get(0)).startsWith("HARNESSFEL").contains("testdrivrutin").contains(driver);
    }

    // ---- run: real runs --------------------------------------------------------------------------

    /**
     * An e-frikort client with only GetCardForPerson and RegisterTransaction, aiming at Nivå 2:
     * applicability from the capability statement decides what runs, end to end.
     */
    @Test
    void aRunAtLevelTwoFromTheCapabilityStatementReachesItsTarget() throws IOException {
        Path profile = writeProfile(dir, 2, null);
        Path out = dir.resolve("out");

        Cli r = cli("run", "--profile", profile.toString(), "--out", out.toString(), "--no-html");

        assertThat(r.exit()).as(r.out()).isZero();
        Path runDir = onlyRunDirectory(out);
        assertThat(r.out()).contains("RESULTAT:")
                .contains("Sammanfattning: " + runDir.resolve("summary.html"))
                .contains(runDir.resolve("summary.json").toString())
                .contains(runDir.resolve("summary.md").toString())
                .doesNotContain("Rapport:");
        JsonNode summary = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
        assertThat(summary.path("targetLevel").asInt()).isEqualTo(2);

        List<JsonNode> items = new ArrayList<>();
        summary.path("items").forEach(items::add);
        List<JsonNode> intyg = items.stream().filter(i -> i.path("service").asText().equals("intyg")).toList();
        assertThat(intyg).isNotEmpty().allSatisfy(i -> {
            assertThat(i.path("status").asText()).as(i.path("id").asText()).isEqualTo("not-applicable");
            // the why is in `applicability` (the summary leaves `reason` empty for items that do not apply)
            assertThat(i.path("applicability").asText()).startsWith("out:").contains("intyg");
        });
        // e-frikort items only about contracts the system does not declare are out too
        assertThat(items.stream().filter(i -> Set.of("EFK-ADM-001", "EFK-ADM-002", "EFK-CARD-001", "EFK-CARD-002",
                "EFK-CARD-003", "EFK-CONS-001", "EFK-GRP-001").contains(i.path("id").asText())))
                .hasSize(7).allSatisfy(i -> assertThat(i.path("status").asText()).isEqualTo("not-applicable"));

        List<JsonNode> upToTwo = items.stream()
                .filter(i -> i.path("level").asInt() <= 2 && i.path("applicability").asText().startsWith("in:")).toList();
        assertThat(upToTwo.stream().map(i -> i.path("id").asText())).containsExactlyInAnyOrder(
                "ATT-SITHS-001", "ATT-PDL-001", "ATT-AGR-001", "ATT-REF-001", "DOC-SOL-001",
                "EFK-GET-001", "EFK-REG-001", "EFK-ID-001", "EFK-ACT-001");
        assertThat(upToTwo).allSatisfy(i -> assertThat(i.path("status").asText()).as(i.toString())
                .isIn("passed", "attested"));
        assertThat(summary.path("reachedLevel").asInt()).isGreaterThanOrEqualTo(2);
    }

    /**
     * The same system aiming at Nivå 5. With GetCardForPerson and RegisterTransaction declared,
     * the rule "at least one of the item's contracts" keeps every e-frikort client item that
     * names either of them in — level 3 (EFK-REG-002…005, EFK-OPT-001, EFK-ERR-001…003), level 4
     * (EFK-REG-006, EFK-ERR-004, EFK-ERR-005) and level 5 (EFK-ERR-006) — while the items that
     * only name undeclared contracts (ADM, CARD, CONS, GRP) and all intyg items are out and do
     * not block any level. The reference vendor passes every item that is in, so Nivå 5 is
     * honestly reached: exit 0, not 1.
     */
    @Test
    void theSameSystemAtLevelFiveReachesItBecauseEveryApplicableItemPasses() throws IOException {
        Path profile = writeProfile(dir, 5, null);
        Path out = dir.resolve("out");

        Cli r = cli("run", "--profile", profile.toString(), "--out", out.toString(), "--no-html");

        JsonNode summary = new ObjectMapper().readTree(onlyRunDirectory(out).resolve("summary.json").toFile());
        assertThat(summary.path("reachedLevel").asInt()).as(r.out()).isEqualTo(5);
        assertThat(r.exit()).isZero();
        List<String> ran = new ArrayList<>();
        summary.path("items").forEach(i -> {
            if (i.path("level").asInt() >= 3 && i.path("applicability").asText().startsWith("in:")) {
                ran.add(i.path("id").asText());
                assertThat(i.path("status").asText()).as(i.toString()).isEqualTo("passed");
            }
        });
        assertThat(ran).containsExactlyInAnyOrder("EFK-REG-002", "EFK-REG-003", "EFK-REG-004", "EFK-REG-005",
                "EFK-OPT-001", "EFK-ERR-001", "EFK-ERR-002", "EFK-ERR-003", "EFK-REG-006", "EFK-ERR-004",
                "EFK-ERR-005", "EFK-ERR-006");
    }

    /**
     * An attestations file without entries: every attestation item is missing-attestation, so not
     * even Nivå 1 (the self-declaration) is reached — reachedLevel 0 and exit 1, though every
     * scenario passes.
     */
    @Test
    void withoutAttestationsNotEvenLevelOneIsReached() throws IOException {
        Path profile = writeProfile(dir, 2, null);
        Files.writeString(dir.resolve("attestations.yaml"), "[]\n");
        Path out = dir.resolve("out");

        Cli r = cli("run", "--profile", profile.toString(), "--out", out.toString(), "--no-html");

        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("RESULTAT:");
        JsonNode summary = new ObjectMapper().readTree(onlyRunDirectory(out).resolve("summary.json").toFile());
        assertThat(summary.path("reachedLevel").asInt()).isZero();
        summary.path("items").forEach(i -> {
            String id = i.path("id").asText();
            if (id.startsWith("ATT-")) assertThat(i.path("status").asText()).as(id).isEqualTo("missing-attestation");
            if (id.startsWith("EFK-") && i.path("applicability").asText().startsWith("in:")) {
                assertThat(i.path("status").asText()).as(id).isEqualTo("passed");
            }
        });
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /**
     * A profile in {@code dir} for an e-frikort client with only GetCardForPerson and
     * RegisterTransaction, wired to the running simulator and reference vendor, with the
     * reference attestations and solution description (DOC-SOL-001 applies to every system, so
     * without the document not even Nivå 1 is reached). {@code override}: one YAML line that
     * replaces the key it names, or adds a key.
     */
    static Path writeProfile(Path dir, int targetLevel, String override) throws IOException {
        copyResource("reference/attestations.yaml", dir.resolve("attestations.yaml"));
        copyResource("reference/losningsbeskrivning.md", dir.resolve("losningsbeskrivning.md"));
        List<String> lines = new ArrayList<>(List.of(
                "system: Testkassan",
                "version: 0.9.0",
                "supplier: Testleverantören AB",
                "targetLevel: " + targetLevel,
                "change: [new-system]",
                "capabilities: [{service: efrikort, role: client, contracts: [GetCardForPerson, RegisterTransaction]}]",
                "endpoints: {driver: '" + vendor.driverUrl() + "'}",
                "simulator: {port: " + simulator.port() + "}",
                "attestations: attestations.yaml",
                "documents: {DOC-SOL-001: losningsbeskrivning.md}"));
        if (override != null) {
            String key = override.substring(0, override.indexOf(':'));
            lines.removeIf(l -> l.startsWith(key + ":"));
            lines.add(override);
        }
        Path profile = dir.resolve("profile.yaml");
        Files.writeString(profile, String.join("\n", lines) + "\n");
        return profile;
    }

    static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = ConformanceCommandTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Files.write(to, in.readAllBytes());
        }
    }

    private static Path onlyRunDirectory(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            assertThat(dirs).hasSize(1);
            return dirs.get(0).toAbsolutePath().normalize();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
