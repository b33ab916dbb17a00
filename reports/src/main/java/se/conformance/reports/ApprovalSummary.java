package se.conformance.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import se.conformance.approval.applicability.Applicability;
import se.conformance.approval.applicability.Capability;
import se.conformance.approval.level.Deviation;
import se.conformance.approval.level.ItemResult;
import se.conformance.approval.level.ItemStatus;
import se.conformance.approval.level.LevelEstimate;
import se.conformance.approval.level.LevelEstimator;
import se.conformance.approval.level.LevelVerdict;
import se.conformance.checklist.Checklist;
import se.conformance.checklist.ChecklistItem;

/**
 * What a run proves: the approval summary ({@code reports/out/<run-id>/summary.json}), with the
 * fields of docs/harness.md "Summary" in that order.
 *
 * @param runId            the run's id
 * @param system           the vendor system
 * @param version          its version
 * @param supplier         the supplier
 * @param capabilities     what it declares it implements
 * @param targetLevel      the level it seeks
 * @param estimatedLevel   the level its declared change suggests, labelled "estimate"
 * @param reachedLevel     the highest level whose items (and all below) are fulfilled; 0 when not even Nivå 1
 * @param levels           Nivå 1..5 with the blocking item ids
 * @param items            every checklist item with its result
 * @param attestations     the signed statements supplied
 * @param deviations       the declared deviations as judged on the run date
 * @param simulatorVersion the simulator's version
 * @param harnessVersion   the harness's version
 * @param checklistVersion the checklist's version
 * @param checklistDigest  {@code sha256:…} of the checklist data file
 * @param startedAt        when the run started
 * @param finishedAt       when it finished
 * @param verdict          one line: outcome, reached and target level, what blocks
 */
public record ApprovalSummary(
        String runId,
        String system,
        String version,
        String supplier,
        List<Capability> capabilities,
        int targetLevel,
        LevelEstimate estimatedLevel,
        int reachedLevel,
        List<LevelOutcome> levels,
        List<ItemOutcome> items,
        List<Attestation> attestations,
        List<DeviationOutcome> deviations,
        String simulatorVersion,
        String harnessVersion,
        String checklistVersion,
        String checklistDigest,
        Instant startedAt,
        Instant finishedAt,
        String verdict) {

    public ApprovalSummary {
        capabilities = List.copyOf(capabilities);
        levels = List.copyOf(levels);
        items = List.copyOf(items);
        attestations = List.copyOf(attestations);
        deviations = List.copyOf(deviations);
    }

    /**
     * Builds the summary of a run.
     *
     * <p>Items that do not apply are reported {@code not-applicable} whatever the run recorded;
     * applicable items without a result are reported {@code skipped} (scenario) or
     * {@code missing-attestation} (attestation, document) with the reason "no result recorded",
     * so a gap in the run is visible rather than silently absent. Deviations expire against the
     * UTC date of {@code finishedAt}.
     */
    public static ApprovalSummary build(String runId, Checklist checklist, SystemProfile profile,
            Map<String, ItemResult> results, List<Attestation> attestations, List<Deviation> deviations,
            Versions versions, Instant startedAt, Instant finishedAt) {
        Map<String, Applicability> applicability = Applicability.decideAll(checklist, profile.capabilities());
        LocalDate runDate = finishedAt.atZone(ZoneOffset.UTC).toLocalDate();
        LevelVerdict verdict = LevelVerdict.compute(checklist, applicability, results, deviations, runDate);

        List<ItemOutcome> items = new ArrayList<>();
        for (ChecklistItem item : checklist.items()) {
            Applicability decision = applicability.get(item.id());
            ItemResult result = results.get(item.id());
            ItemStatus status;
            String reason;
            if (!decision.applies()) {
                status = ItemStatus.NOT_APPLICABLE;
                reason = decision.reason();
            } else if (result == null) {
                status = item.evidence() == se.conformance.checklist.Evidence.SCENARIO
                        ? ItemStatus.SKIPPED : ItemStatus.MISSING_ATTESTATION;
                reason = "no result recorded";
            } else {
                status = result.status();
                reason = result.reason();
            }
            DeviationOutcome deviation = verdict.deviationFor(item.id())
                    .map(use -> DeviationOutcome.of(use.deviation(), use.valid(), use.counted())).orElse(null);
            items.add(new ItemOutcome(item.id(), item.title(), item.requiredFrom(), item.service(), status, reason,
                    decision.reason(), result == null ? List.of() : result.traceIds(), deviation));
        }
        List<LevelOutcome> levels = verdict.levels().stream()
                .map(l -> new LevelOutcome(l.level(), l.name(), l.passed(), l.blocking())).toList();
        List<DeviationOutcome> deviationOutcomes = verdict.deviations().values().stream()
                .map(use -> DeviationOutcome.of(use.deviation(), use.valid(), use.counted()))
                .sorted(Comparator.comparing(DeviationOutcome::item)).toList();
        return new ApprovalSummary(runId, profile.system(), profile.version(), profile.supplier(),
                profile.capabilities().capabilities(), profile.targetLevel(),
                LevelEstimator.estimate(profile.changeKinds()), verdict.reachedLevel(), levels, items,
                attestations, deviationOutcomes, versions.simulatorVersion(), versions.harnessVersion(),
                checklist.version(), checklist.digest(), startedAt, finishedAt,
                verdict.oneLine(profile.targetLevel()));
    }
}
