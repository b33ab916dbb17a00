package se.conformance.harness.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import se.conformance.approval.applicability.Applicability;
import se.conformance.approval.applicability.Capability;
import se.conformance.approval.applicability.CapabilityStatement;
import se.conformance.approval.level.ChangeKind;
import se.conformance.approval.level.Deviation;
import se.conformance.approval.level.ItemResult;
import se.conformance.approval.level.ItemStatus;
import se.conformance.checklist.Checklist;
import se.conformance.checklist.ChecklistItem;
import se.conformance.checklist.Evidence;
import se.conformance.checklist.Role;
import se.conformance.checklist.Service;
import se.conformance.harness.HarnessConfig;
import se.conformance.harness.report.ScenarioResult;
import se.conformance.harness.simulator.JournalEntry;
import se.conformance.harness.simulator.SimulatorControl;
import se.conformance.harness.simulator.SimulatorTls;
import se.conformance.reports.ApprovalSummary;
import se.conformance.reports.Attestation;
import se.conformance.reports.SummaryHtml;
import se.conformance.reports.SummaryJson;
import se.conformance.reports.SummaryMarkdown;
import se.conformance.reports.SystemProfile;
import se.conformance.reports.Versions;
import se.conformance.reports.allure.AllureCategories;
import se.conformance.reports.allure.AllureLabels;
import se.conformance.reports.allure.AllureHtmlReport;
import se.conformance.reports.evidence.Masking;

/**
 * One run of the checklist against one vendor system: which items apply (from its capability
 * statement), the applicable scenarios run with Cucumber on the JUnit Platform, item results,
 * the level verdict, and {@code reports/out/<run-id>/} with summary.json, summary.html,
 * summary.md, allure-results/, report.html, the run's journal extract and evidence.zip (signed by the
 * simulator operator). Identity numbers and secrets are masked in what people read unless masking is off.
 */
public final class ChecklistRun {

    /** What the run produced. {@code exitCode}: 0 target reached, 1 not reached. */
    public record Outcome(ApprovalSummary summary, Path runDirectory, List<ScenarioResult> scenarios, int exitCode) {

        public String verdict() {
            return summary.verdict();
        }
    }

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final VendorProfile profile;
    private final Path profileFile;
    private String simulatorUrl;
    private String driverUrl;
    private String notificationUrl;
    private Path outputRoot = Path.of("reports", "out");
    private PrintStream progress = System.out;
    private boolean htmlReport = true;
    private String runId;
    private String systemSuffix = "";
    private Duration interactiveWait = Duration.ofMinutes(2);
    private String extraTags;
    private boolean masking = true;
    private SimulatorTls simulatorTls;

    private ChecklistRun(VendorProfile profile, Path profileFile) {
        this.profile = Objects.requireNonNull(profile);
        this.profileFile = Objects.requireNonNull(profileFile);
        this.driverUrl = profile.endpoints() == null ? null : profile.endpoints().driver();
        this.notificationUrl = profile.endpoints() == null ? null : profile.endpoints().certificateStatusUpdateForCare();
        if (profile.simulator() != null) {
            if (profile.simulator().url() != null) simulatorUrl = profile.simulator().url();
            else if (profile.simulator().port() != null) simulatorUrl = "http://127.0.0.1:" + profile.simulator().port();
        }
    }

    public static ChecklistRun forProfile(VendorProfile profile, Path profileFile) {
        return new ChecklistRun(profile, profileFile);
    }

    public ChecklistRun withSimulatorUrl(String url) {
        this.simulatorUrl = url;
        return this;
    }

    /** The harness's TLS set-up towards the simulator; default: from the profile's simulator.tls, else plain HTTP. */
    public ChecklistRun withSimulatorTls(SimulatorTls tls) {
        this.simulatorTls = tls;
        return this;
    }

    public ChecklistRun withDriverUrl(String url) {
        this.driverUrl = url;
        return this;
    }

    public ChecklistRun withNotificationUrl(String url) {
        this.notificationUrl = url;
        return this;
    }

    /** Where run directories go (default {@code reports/out}). */
    public ChecklistRun withOutputRoot(Path root) {
        this.outputRoot = root;
        return this;
    }

    public ChecklistRun withProgress(PrintStream out) {
        this.progress = out;
        return this;
    }

    /** Whether to generate the single-file Allure report (a few seconds); the summary is always written. */
    public ChecklistRun withHtmlReport(boolean generate) {
        this.htmlReport = generate;
        return this;
    }

    public ChecklistRun withRunId(String id) {
        this.runId = id;
        return this;
    }

    /** Text appended to the system name in the summary, e.g. " (defekt: full-fee-at-crossing)". */
    public ChecklistRun withSystemSuffix(String suffix) {
        this.systemSuffix = suffix;
        return this;
    }

    /** How long interactive mode (no driver, or an action the driver does not know) waits for the vendor's call (default 2 min). */
    public ChecklistRun withInteractiveWait(Duration wait) {
        this.interactiveWait = Objects.requireNonNull(wait);
        return this;
    }

    /**
     * A Cucumber tag expression that narrows the run further (ANDed with the applicability
     * filter), e.g. {@code @EFK-REG-001}; {@code null} or blank: every applicable scenario.
     */
    public ChecklistRun withTags(String tagExpression) {
        this.extraTags = tagExpression;
        return this;
    }

    /**
     * Whether identity numbers and secrets are masked in what people read (summary, report,
     * console); default on. The profile's {@code masking: false} turns it off too.
     */
    public ChecklistRun withMasking(boolean mask) {
        this.masking = mask;
        return this;
    }

    /** The applicability filter ANDed with the extra tag expression, or null when neither narrows. */
    static String tagExpression(String applicabilityFilter, String extra) {
        boolean a = applicabilityFilter != null && !applicabilityFilter.isBlank();
        boolean e = extra != null && !extra.isBlank();
        if (a && e) return "(" + applicabilityFilter + ") and (" + extra + ")";
        return a ? applicabilityFilter : e ? extra : null;
    }

    public Outcome run() throws IOException {
        if (simulatorUrl == null) {
            throw new VendorProfile.BadProfile(profileFile + ": no simulator address (simulator.port or simulator.url)");
        }
        Instant started = Instant.now();
        String id = runId != null ? runId : RUN_ID.format(started) + "-" + slug(profile.system());
        Path dir = outputRoot.resolve(id);
        Path allureResults = dir.resolve("allure-results");
        Files.createDirectories(allureResults);

        Checklist checklist = Checklist.load();
        CapabilityStatement capabilities = capabilities(profile);
        Map<String, Applicability> applicability = Applicability.decideAll(checklist, capabilities);
        String tags = applicability.entrySet().stream().filter(e -> !e.getValue().applies())
                .map(e -> "not @" + e.getKey()).collect(Collectors.joining(" and "));
        tags = tagExpression(tags, extraTags);

        Map<String, VendorProfile.AttestationEntry> attestations = profile.readAttestations(profileFile);
        Map<String, HarnessConfig.Attestation> configAttestations = new LinkedHashMap<>();
        attestations.forEach((k, a) -> configAttestations.put(k,
                new HarnessConfig.Attestation(a.item(), a.statement(), a.signedBy(), a.signedAt())));
        SimulatorTls tls = simulatorTls != null ? simulatorTls : profile.simulatorTls(profileFile);
        HarnessConfig config = new HarnessConfig(simulatorUrl, driverUrl, notificationUrl, interactiveWait,
                configAttestations, profile.documentPaths(profileFile), tls);

        SimulatorControl simulator = new SimulatorControl(simulatorUrl, tls);
        long journalStart = simulator.journalMark();
        Masking mask = Masking.of(masking && profile.maskingOrDefault());
        // progress lines are masked; interactive instructions are not: the tester must type the patient's number
        PrintStream shown = progress == null || !mask.enabled() ? progress
                : new PrintStream(mask.lines(progress), true, StandardCharsets.UTF_8);
        if (shown != null) {
            shown.println("Checklista " + checklist.version() + " mot " + profile.system() + " " + profile.version()
                    + systemSuffix + " (målnivå " + profile.targetLevel() + "), simulatorn " + simulatorUrl);
        }
        List<ScenarioResult> scenarios = CucumberRun.run(config, tags, allureResults, shown, progress);
        if (shown != null && shown != progress) shown.close(); // passes on a last partial line; the console stays open
        AllureCategories.write(allureResults);
        AllureLabels.label(allureResults, checklist);
        mask.applyToTree(allureResults); // before report.html is made from them

        Map<String, ItemResult> results = itemResults(checklist, scenarios);
        List<Attestation> attested = new ArrayList<>();
        for (VendorProfile.AttestationEntry a : attestations.values()) {
            attested.add(new Attestation(a.item(), a.statement(), a.signedBy(), parseDate(a.signedAt())));
        }
        List<Deviation> deviations = profile.deviationList().stream()
                .map(d -> new Deviation(d.item(), d.reason(), d.approvedBy(), d.expires())).toList();
        Set<ChangeKind> changes = EnumSet.noneOf(ChangeKind.class);
        for (String c : profile.changeKinds()) {
            changes.add(ChangeKind.fromName(c).orElseThrow(() -> new VendorProfile.BadProfile(profileFile
                    + ": change '" + c + "' is not one of " + java.util.Arrays.stream(ChangeKind.values())
                    .map(ChangeKind::jsonName).toList())));
        }
        SystemProfile system = new SystemProfile(profile.system() + systemSuffix, profile.version(),
                profile.supplier(), capabilities, profile.targetLevel(), changes);
        Instant finished = Instant.now();
        ApprovalSummary summary = ApprovalSummary.build(id, checklist, system, results, attested, deviations,
                versions(), started, finished);

        SummaryJson.write(summary, dir.resolve("summary.json"));
        SummaryHtml.write(summary, dir.resolve("summary.html"));
        SummaryMarkdown.write(summary, dir.resolve("summary.md"));
        for (String f : List.of("summary.json", "summary.html", "summary.md")) mask.applyToFile(dir.resolve(f));
        List<JournalEntry> journal = simulator.journalAfter(journalStart);
        writeJournal(journal, dir.resolve("journal.json")); // raw: the evidence the approver checks
        if (htmlReport) {
            var home = AllureHtmlReport.defaultHome();
            if (home.isPresent()) {
                AllureHtmlReport.generate(home.get(), allureResults, dir);
            } else if (progress != null) {
                progress.println("(Allure command line not found: report.html not written; build the reports module)");
            }
        }
        EvidenceAssembly.write(dir, summary, checklist, journal, profileFiles(), mask, simulatorUrl,
                simulator::signEvidence);
        int exit = summary.reachedLevel() >= profile.targetLevel() ? 0 : 1;
        return new Outcome(summary, dir, scenarios, exit);
    }

    /**
     * The profile, its attestations file and its documents, named by their path relative to the
     * profile's directory ({@code external/<name>} for a file outside it).
     */
    private Map<String, Path> profileFiles() {
        Path base = profileFile.toAbsolutePath().normalize().getParent();
        List<Path> files = new ArrayList<>();
        files.add(profileFile);
        if (profile.attestations() != null) files.add(base.resolve(profile.attestations()));
        files.addAll(profile.documentPaths(profileFile).values());
        Map<String, Path> out = new LinkedHashMap<>();
        for (Path f : files) {
            Path abs = f.toAbsolutePath().normalize();
            if (!Files.isRegularFile(abs)) continue; // a missing document is the summary's business, not the bundle's
            String name = abs.startsWith(base) ? base.relativize(abs).toString().replace(java.io.File.separatorChar, '/')
                    : "external/" + abs.getFileName();
            out.putIfAbsent(name, abs);
        }
        return out;
    }

    private static LocalDate parseDate(String text) {
        if (text == null) return null;
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    private static String slug(String s) {
        String slug = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "system" : slug;
    }

    static CapabilityStatement capabilities(VendorProfile profile) {
        List<Capability> out = new ArrayList<>();
        for (VendorProfile.Capability c : profile.capabilities()) {
            out.add(new Capability(Service.valueOf(c.service().toUpperCase(java.util.Locale.ROOT)),
                    Role.valueOf(c.role().toUpperCase(java.util.Locale.ROOT)),
                    c.contracts() == null ? List.of() : c.contracts()));
        }
        return new CapabilityStatement(out);
    }

    /**
     * Scenario results folded into item results: an item fails when any of its scenarios (or
     * example rows) failed, is skipped when one did not run to the end, passes otherwise.
     * Attestation and document items are attested or missing-attestation.
     */
    static Map<String, ItemResult> itemResults(Checklist checklist, List<ScenarioResult> scenarios) {
        Map<String, List<ScenarioResult>> byItem = scenarios.stream().filter(s -> s.itemId() != null)
                .collect(Collectors.groupingBy(ScenarioResult::itemId, LinkedHashMap::new, Collectors.toList()));
        Map<String, ItemResult> out = new LinkedHashMap<>();
        byItem.forEach((itemId, list) -> {
            ChecklistItem item = checklist.item(itemId).orElse(null);
            if (item == null) return;
            boolean scenario = item.evidence() == Evidence.SCENARIO;
            List<String> traceIds = list.stream().flatMap(s -> s.traceIds().stream()).toList();
            ScenarioResult failed = list.stream().filter(ScenarioResult::failed).findFirst().orElse(null);
            ScenarioResult unfinished = list.stream().filter(s -> !s.passed() && !s.failed()).findFirst().orElse(null);
            ItemStatus status;
            String reason;
            if (failed != null) {
                status = scenario ? ItemStatus.FAILED : ItemStatus.MISSING_ATTESTATION;
                reason = failed.message();
            } else if (unfinished != null) {
                status = scenario ? ItemStatus.SKIPPED : ItemStatus.MISSING_ATTESTATION;
                reason = unfinished.status().toLowerCase(java.util.Locale.ROOT) + ": "
                        + (unfinished.message() == null ? unfinished.name() : unfinished.message());
            } else {
                status = scenario ? ItemStatus.PASSED : ItemStatus.ATTESTED;
                reason = list.size() == 1 ? "" : list.size() + " of " + list.size() + " examples passed";
            }
            out.put(itemId, new ItemResult(itemId, status, reason, traceIds));
        });
        return out;
    }

    private static Versions versions() {
        String sim = se.conformance.simulator.Simulator.class.getPackage().getImplementationVersion();
        String harness = ChecklistRun.class.getPackage().getImplementationVersion();
        return new Versions(sim == null ? "0.1.0-SNAPSHOT" : sim, harness == null ? "0.1.0-SNAPSHOT" : harness);
    }

    private static void writeJournal(List<JournalEntry> entries, Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(),
                Map.of("count", entries.size(), "entries", entries));
    }
}
