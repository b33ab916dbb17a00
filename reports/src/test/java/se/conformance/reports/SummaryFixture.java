package se.conformance.reports;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.conformance.approval.applicability.Capability;
import se.conformance.approval.applicability.CapabilityStatement;
import se.conformance.approval.level.ChangeKind;
import se.conformance.approval.level.Deviation;
import se.conformance.approval.level.ItemResult;
import se.conformance.approval.level.ItemStatus;
import se.conformance.checklist.Checklist;
import se.conformance.checklist.Role;
import se.conformance.checklist.Service;

/**
 * One fixed run for the golden files: every volatile field (run id, times, versions) is fixed
 * here, and the checklist is the small one under src/test/resources/summary. Vendor text carries
 * markup and Markdown metacharacters to prove the writers escape it.
 */
final class SummaryFixture {

    static final Checklist CHECKLIST = Checklist.load(Path.of("src/test/resources/summary/checklist.yaml"));

    static final SystemProfile PROFILE = new SystemProfile("Referenskassan", "1.4.0",
            "Exempel & Söner <AB>",
            new CapabilityStatement(List.of(
                    new Capability(Service.EFRIKORT, Role.CLIENT, List.of("GetCardForPerson", "RegisterTransaction")),
                    new Capability(Service.INTYG, Role.SERVER, List.of("CertificateStatusUpdateForCare")))),
            5, Set.of(ChangeKind.NEW_CONTRACT, ChangeKind.CHANGED_USER_INTERFACE));

    static final Instant STARTED = Instant.parse("2026-11-25T09:00:00Z");
    static final Instant FINISHED = Instant.parse("2026-11-25T09:04:30Z");

    static Map<String, ItemResult> results() {
        Map<String, ItemResult> results = new LinkedHashMap<>();
        put(results, "ATT-PDL-001", ItemStatus.ATTESTED, "attested by Eva Exempel, CTO", List.of());
        put(results, "ATT-REF-001", ItemStatus.ATTESTED, "attested by Eva Exempel, CTO", List.of());
        put(results, "DOC-SOL-001", ItemStatus.ATTESTED, "document docs/solution.pdf supplied", List.of());
        put(results, "EFK-REG-001", ItemStatus.PASSED, "", List.of("trace-0001", "trace-0002"));
        put(results, "INT-NOT-001", ItemStatus.PASSED, "", List.of("trace-0003"));
        put(results, "EFK-REG-002", ItemStatus.PASSED, "", List.of("trace-0004"));
        put(results, "EFK-ERR-004", ItemStatus.FAILED,
                "[transport] the fee was shown as registered after a SOAP fault", List.of("trace-0005"));
        put(results, "EFK-ERR-006", ItemStatus.FAILED,
                "[transport] gave up after 2 s; the answer came after 5 s", List.of("trace-0006"));
        return results;
    }

    static List<Attestation> attestations() {
        return List.of(
                new Attestation("ATT-PDL-001", "Every read and write is logged <script>alert(\"x\")</script> | *all* of it",
                        "Eva Exempel, CTO", LocalDate.parse("2026-11-20")),
                new Attestation("ATT-REF-001", "Overcharged fees are refunded within 30 days & noted in e-frikort",
                        "Eva Exempel, CTO", LocalDate.parse("2026-11-20")));
    }

    static List<Deviation> deviations() {
        return List.of(
                new Deviation("EFK-ERR-004", "Fix in 1.4.1; users are told by a banner", "Anna Granskare",
                        LocalDate.parse("2027-06-30")),
                new Deviation("EFK-ERR-006", "Timeout raised in 1.3", "Anna Granskare", LocalDate.parse("2026-10-31")));
    }

    static ApprovalSummary summary() {
        return ApprovalSummary.build("run-20261125-0900", CHECKLIST, PROFILE, results(), attestations(),
                deviations(), new Versions("0.1.0-SNAPSHOT", "0.1.0-SNAPSHOT"), STARTED, FINISHED);
    }

    private static void put(Map<String, ItemResult> results, String id, ItemStatus status, String reason,
            List<String> traceIds) {
        results.put(id, new ItemResult(id, status, reason, traceIds));
    }

    private SummaryFixture() {}
}
