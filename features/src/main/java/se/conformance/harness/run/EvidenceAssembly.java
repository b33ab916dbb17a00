package se.conformance.harness.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import se.conformance.checklist.Checklist;
import se.conformance.harness.simulator.JournalEntry;
import se.conformance.reports.ApprovalSummary;
import se.conformance.reports.ItemOutcome;
import se.conformance.reports.allure.AllureHtmlReport;
import se.conformance.reports.evidence.EvidenceBundle;
import se.conformance.reports.evidence.Masking;

/**
 * What goes into {@code evidence.zip} of a run (docs/trust-evidence.md): the report, the
 * summary, the run's exchanges from the simulator's journal raw and correlated by trace id, the
 * digests of the checklist and of every feature file, the versions, the vendor profile; the
 * manifest is signed by the simulator operator through the control API.
 */
final class EvidenceAssembly {

    static final String FILE_NAME = "evidence.zip";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvidenceAssembly() {}

    /**
     * @param runDir   the run's directory (summary.*, report.html, journal.json already written)
     * @param profile  the vendor profile file, its attestations file and documents: copied under {@code profile/},
     *                 secrets masked when masking is on
     * @param signer   the simulator's signature endpoint
     */
    static EvidenceBundle.Written write(Path runDir, ApprovalSummary summary, Checklist checklist, List<JournalEntry> journal,
            Map<String, Path> profile, Masking masking, String simulatorUrl, EvidenceBundle.ManifestSigner signer)
            throws IOException {
        EvidenceBundle b = EvidenceBundle.builder();
        for (String f : List.of("report.html", "summary.json", "summary.html", "summary.md", "journal.json")) {
            if (Files.isRegularFile(runDir.resolve(f))) b.add(f, runDir.resolve(f));
        }
        exchanges(b, summary, journal);
        b.add("digests.json", JSON.writeValueAsString(digests(checklist)));
        b.add("versions.json", JSON.writeValueAsString(versions(summary, simulatorUrl, masking)));
        for (Map.Entry<String, Path> p : profile.entrySet()) {
            // A profile may carry a token or password: masked (ISO-8859-1 keeps every other byte as it is).
            // The documents are the vendor's own, copied as they are.
            boolean yaml = p.getKey().endsWith(".yaml") || p.getKey().endsWith(".yml");
            b.add("profile/" + p.getKey(), yaml
                    ? masking.apply(Files.readString(p.getValue(), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1)
                    : Files.readAllBytes(p.getValue()));
        }
        return b.write(runDir.resolve(FILE_NAME), signer, summary.finishedAt());
    }

    /**
     * {@code exchanges/<seq>-<traceId>.request.xml} and {@code .response.xml}, raw as the
     * simulator journalled them, and {@code exchanges/index.json}: per exchange its trace id,
     * operation, result and the checklist items whose evidence it is.
     */
    private static void exchanges(EvidenceBundle b, ApprovalSummary summary, List<JournalEntry> journal) {
        Map<String, List<String>> itemsByTrace = new LinkedHashMap<>();
        for (ItemOutcome item : summary.items()) {
            for (String t : item.traceIds()) itemsByTrace.computeIfAbsent(t, k -> new ArrayList<>()).add(item.id());
        }
        List<Map<String, Object>> index = new ArrayList<>();
        for (JournalEntry e : journal) {
            String stem = "exchanges/" + String.format("%06d", e.seq()) + "-" + safe(e.traceId());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seq", e.seq());
            row.put("traceId", e.traceId());
            row.put("direction", e.direction());
            row.put("service", e.service());
            row.put("operation", e.operation());
            row.put("caller", e.caller());
            row.put("resultCode", e.resultCode());
            row.put("httpStatus", e.httpStatus());
            row.put("items", itemsByTrace.getOrDefault(e.traceId(), List.of()));
            if (e.requestBody() != null) {
                b.add(stem + ".request.xml", e.requestBody());
                row.put("request", stem + ".request.xml");
            }
            if (e.responseBody() != null) {
                b.add(stem + ".response.xml", e.responseBody());
                row.put("response", stem + ".response.xml");
            }
            index.add(row);
        }
        try {
            b.add("exchanges/index.json", JSON.writeValueAsString(Map.of("count", index.size(), "exchanges", index)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String safe(String traceId) {
        return traceId == null ? "no-trace" : traceId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** sha256 of checklist.yaml (as the summary has it) and of every .feature file the harness ran from. */
    static Map<String, Object> digests(Checklist checklist) throws IOException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("checklist", Map.of("file", "checklist/checklist.yaml", "version", checklist.version(),
                "sha256", checklist.digest()));
        d.put("features", featureDigests());
        return d;
    }

    /** Every {@code features/**.feature} in the jar or class directory the harness runs from, by path. */
    static Map<String, String> featureDigests() throws IOException {
        Path location;
        try {
            location = Path.of(EvidenceAssembly.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("where the harness runs from cannot be told: " + e.getMessage(), e);
        }
        if (Files.isDirectory(location)) return digestsUnder(location.resolve("features"), location);
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return digestsUnder(jar.getPath("/features"), jar.getPath("/"));
        }
    }

    private static Map<String, String> digestsUnder(Path dir, Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".feature")).toList()) {
                out.put(root.relativize(f).toString(), "sha256:" + EvidenceBundle.sha256Hex(Files.readAllBytes(f)));
            }
        }
        if (out.isEmpty()) throw new IOException("no feature files under " + dir);
        return out;
    }

    private static Map<String, Object> versions(ApprovalSummary s, String simulatorUrl, Masking masking) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("simulator", s.simulatorVersion());
        v.put("harness", s.harnessVersion());
        v.put("checklist", s.checklistVersion());
        v.put("allure", AllureHtmlReport.ALLURE_VERSION);
        v.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        v.put("simulatorUrl", simulatorUrl);
        v.put("masking", masking.enabled() ? "on: identity numbers and secrets masked in summary.*, report.html"
                + " and profile/*.yaml; journal.json and exchanges/ raw" : "off");
        v.put("bundledAt", Instant.now().toString());
        return v;
    }
}
