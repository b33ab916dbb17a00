package se.conformance.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.conformance.approval.level.ItemStatus;
import se.conformance.harness.report.ScenarioResult;
import se.conformance.reports.ItemOutcome;
import se.conformance.simulator.Simulator;
import se.conformance.vendor.ReferenceVendor;

/**
 * A profile without {@code endpoints.driver} is interactive mode: the harness prints what a
 * person should do at the system ({@code >>> Gör detta i systemet …}) and waits, bounded, for the
 * call that action makes in the simulator's journal. Here a background thread is that person:
 * it reads the instruction from the run's output and does it at the till — the reference
 * vendor, through its own test driver, which the harness does not know about.
 */
class InteractiveModeTest {

    private static final Duration WAIT = Duration.ofSeconds(4);
    private static Simulator simulator;
    private static ReferenceVendor vendor;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        simulator = Simulator.builder().withPort(0).withInMemoryDatabase("interactive-" + UUID.randomUUID()).start();
        vendor = ReferenceVendor.builder().withPort(0).withSimulatorUrl(simulator.baseUrl())
                .withCallTimeout(Duration.ofSeconds(5)).start();
    }

    @AfterAll
    static void stop() {
        if (vendor != null) vendor.close();
        if (simulator != null) simulator.close();
    }

    /**
     * EFK-GET-001: the person looks the card up; the harness sees GetCardForPerson, the journal
     * steps ("har kassan anropat GetCardForPerson", schema and OK) pass, and the step that needs
     * what the system showed ("visar kassan … FINAL") is pending with "judge this step by hand".
     * EFK-REG-001: the same for a visit; its first step after the action already needs what the
     * system showed (what the patient paid), so it is pending at once. Neither failed, neither passed.
     */
    @Test
    void whatThePersonDidIsCheckedInTheJournalAndWhatTheSystemShowedIsLeftToBeJudgedByHand() throws Exception {
        Path profile = interactiveProfile();
        Output out = new Output();
        Person person = new Person(out);
        person.start();
        long t0 = System.nanoTime();
        ChecklistRun.Outcome outcome;
        try {
            outcome = ChecklistRun.forProfile(VendorProfile.read(profile), profile)
                    .withInteractiveWait(WAIT)
                    .withTags("@EFK-GET-001 or @EFK-REG-001")
                    .withOutputRoot(dir.resolve("out"))
                    .withHtmlReport(false)
                    .withProgress(out.stream)
                    .run();
        } finally {
            person.interrupt();
            person.join(2_000);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(person.errors).as(out.text()).isEmpty();
        assertThat(person.done).as(out.text()).containsExactlyInAnyOrder("efrikort.lookup-card", "efrikort.register-visit");
        assertThat(out.text()).contains(">>> Gör detta i systemet (efrikort.lookup-card): Slå upp frikortet för patient 19121212-1212")
                .contains(">>> Anropet kom");
        assertThat(outcome.scenarios()).extracting(ScenarioResult::itemId)
                .containsExactlyInAnyOrder("EFK-GET-001", "EFK-REG-001");
        assertThat(outcome.scenarios()).allSatisfy(s -> {
            assertThat(s.status()).as(s.toString()).isEqualTo("PENDING");
            assertThat(s.message()).contains("judge this step by hand");
        });
        for (String id : List.of("EFK-GET-001", "EFK-REG-001")) {
            ItemOutcome item = item(outcome, id);
            assertThat(item.status()).as(id).isEqualTo(ItemStatus.SKIPPED);
            assertThat(item.reason()).as(id).startsWith("pending:").contains("judge this step by hand");
            assertThat(item.traceIds()).as("the person's calls are the evidence of %s", id).isNotEmpty();
        }
        // the steps of EFK-GET-001 that read the journal passed before the one that needs the screen
        Map<String, String> steps = stepStatuses(outcome.runDirectory(), "Kassan hämtar patientens frikort");
        assertThat(steps).containsEntry("har kassan anropat GetCardForPerson", "passed")
                .containsEntry("följer varje anrop från kassan kontraktets schema och besvarades OK", "passed");
        assertThat(steps.get("visar kassan att patienten har frikort med status FINAL")).isIn("skipped", "pending");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(millis).as("run time").isLessThan(20_000);
    }

    /** Nobody at the till: the step fails within the wait bound, saying which call never came. */
    @Test
    void aStepWhoseCallNeverComesFailsWithinTheWait() throws Exception {
        Path profile = interactiveProfile();
        Output out = new Output();
        long t0 = System.nanoTime();

        ChecklistRun.Outcome outcome = ChecklistRun.forProfile(VendorProfile.read(profile), profile)
                .withInteractiveWait(WAIT)
                .withTags("@EFK-GET-001")
                .withOutputRoot(dir.resolve("out"))
                .withHtmlReport(false)
                .withProgress(out.stream)
                .run();
        long millis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(out.text()).contains(">>> Gör detta i systemet (efrikort.lookup-card)")
                .contains(">>> Inget anrop GetCardForPerson inom 4 s.");
        assertThat(outcome.scenarios()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("FAILED");
            assertThat(s.durationMillis()).isBetween(WAIT.toMillis(), WAIT.toMillis() + 5_000);
        });
        ItemOutcome item = item(outcome, "EFK-GET-001");
        assertThat(item.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(item.reason()).startsWith("[transport] EFK-GET-001:")
                .contains("systemet anropade inte GetCardForPerson inom 4 s")
                .contains("Slå upp frikortet för patient 19121212-1212");
        assertThat(millis).as("run time").isLessThan(15_000);
    }

    // ---- the person at the till ---------------------------------------------------------------

    /** The run's output, readable while it is written. */
    static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8) {
            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (bytes) {
                    super.write(b, off, len);
                }
            }

            @Override
            public void write(int b) {
                synchronized (bytes) {
                    super.write(b);
                }
            }
        };

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static final Pattern INSTRUCTION = Pattern.compile(
            ">>> Gör detta i systemet \\(([a-z.\\-]+)\\): .*\\R>>> Parametrar: \\{(.*)}");

    /** Reads each instruction as it appears and does it at the vendor's system (its driver). */
    static final class Person extends Thread {
        private final Output out;
        final List<String> done = new CopyOnWriteArrayList<>();
        final List<String> errors = new CopyOnWriteArrayList<>();

        Person(Output out) {
            super("person-at-the-till");
            setDaemon(true);
            this.out = out;
        }

        @Override
        public void run() {
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            int handled = 0;
            while (!isInterrupted()) {
                Matcher m = INSTRUCTION.matcher(out.text());
                int seen = 0;
                while (m.find()) {
                    if (seen++ < handled) continue;
                    handled++;
                    try {
                        String action = m.group(1);
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                URI.create(vendor.driverUrl() + "/actions/" + action))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(parameters(m.group(2)))))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) errors.add(action + ": HTTP " + r.statusCode() + " " + r.body());
                        else done.add(action);
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException | RuntimeException e) {
                        errors.add(e.toString());
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** {@code a=1, b=x} as the harness prints the parameters; numbers stay numbers. */
        static Map<String, Object> parameters(String printed) {
            Map<String, Object> p = new LinkedHashMap<>();
            for (String pair : printed.split(", ")) {
                int eq = pair.indexOf('=');
                String k = pair.substring(0, eq);
                String v = pair.substring(eq + 1);
                p.put(k, v.matches("-?[0-9]+") ? (Object) Integer.valueOf(v) : v);
            }
            return p;
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** e-frikort client (GetCardForPerson, RegisterTransaction), no driver: interactive mode. */
    private Path interactiveProfile() throws IOException {
        ConformanceCommandTest.copyResource("reference/attestations.yaml", dir.resolve("attestations.yaml"));
        Path profile = dir.resolve("profile.yaml");
        Files.writeString(profile, String.join("\n",
                "system: Handkassan",
                "version: 1.0.0",
                "targetLevel: 2",
                "capabilities: [{service: efrikort, role: client, contracts: [GetCardForPerson, RegisterTransaction]}]",
                "simulator: {url: '" + simulator.baseUrl() + "'}",
                "attestations: attestations.yaml") + "\n");
        return profile;
    }

    private static ItemOutcome item(ChecklistRun.Outcome outcome, String id) {
        return outcome.summary().items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    /** Step name → Allure status for the scenario of that name (from allure-results). */
    private static Map<String, String> stepStatuses(Path runDir, String scenario) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> results;
        try (Stream<Path> s = Files.list(runDir.resolve("allure-results"))) {
            results = s.filter(p -> p.getFileName().toString().endsWith("-result.json")).toList();
        }
        for (Path p : results) {
            JsonNode r = json.readTree(p.toFile());
            if (!scenario.equals(r.path("name").asText())) continue;
            Map<String, String> steps = new LinkedHashMap<>();
            List<JsonNode> all = new ArrayList<>();
            r.path("steps").forEach(all::add);
            for (JsonNode st : all) {
                String name = st.path("name").asText().replaceFirst("^(Givet|När|Så|Och|Men) ", "");
                steps.put(name, st.path("status").asText());
            }
            return steps;
        }
        throw new AssertionError("no Allure result for " + scenario + " in " + results);
    }
}
