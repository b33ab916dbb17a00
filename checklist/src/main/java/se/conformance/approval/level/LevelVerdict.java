package se.conformance.approval.level;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.conformance.approval.applicability.Applicability;
import se.conformance.checklist.Checklist;
import se.conformance.checklist.ChecklistItem;

/**
 * The level verdict of a run (anchors.md §3 item 1): for each of Nivå 1..5 whether it is
 * fulfilled and which items block it, the highest level reached, and — against a target — the
 * outcome in Inera's words.
 *
 * <p>An item counts towards a level when it is applicable, its {@code requiredFrom} is at most the
 * level, and it is {@link ItemStatus#PASSED} or {@link ItemStatus#ATTESTED}, or it is
 * {@link ItemStatus#FAILED} with a deviation valid on the run date. A deviation accepts a known
 * defect, not absent evidence, so it never lifts a skipped item or a missing attestation. An
 * applicable item without a result blocks: no evidence is not a pass.
 *
 * @param levels        Nivå 1..5 in order
 * @param reachedLevel  the highest L such that Nivå 1..L all pass; 0 when Nivå 1 fails
 * @param deviations    per item id, the deviation considered for it and whether it counted
 * @param notes         what the verdict must say in words, e.g. that a deviation expired
 */
public record LevelVerdict(List<LevelResult> levels, int reachedLevel, Map<String, DeviationUse> deviations,
        List<String> notes) {

    public LevelVerdict {
        levels = List.copyOf(levels);
        deviations = Map.copyOf(deviations);
        notes = List.copyOf(notes);
    }

    /**
     * How a declared deviation was used.
     *
     * @param deviation the declaration
     * @param valid     whether it had not expired on the run date
     * @param counted   whether it turned a failed item into a conditional pass
     */
    public record DeviationUse(Deviation deviation, boolean valid, boolean counted) {}

    /**
     * Computes the verdict.
     *
     * @param checklist     the checklist
     * @param applicability per item id whether it applies; an item missing here is treated as
     *                      applicable (a gap in the selection must not quietly pass)
     * @param results       per item id what the run found
     * @param deviations    the accepted deviations declared in the profile
     * @param today         the run date against which deviations expire
     */
    public static LevelVerdict compute(Checklist checklist, Map<String, Applicability> applicability,
            Map<String, ItemResult> results, List<Deviation> deviations, LocalDate today) {
        Map<String, DeviationUse> uses = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Deviation deviation : deviations) {
            boolean valid = deviation.validOn(today);
            ItemResult result = results.get(deviation.item());
            boolean failed = result != null && result.status() == ItemStatus.FAILED;
            boolean applies = checklist.item(deviation.item()).isPresent() && applies(applicability, deviation.item());
            uses.put(deviation.item(), new DeviationUse(deviation, valid, valid && failed && applies));
            if (checklist.item(deviation.item()).isEmpty()) {
                notes.add("deviation for " + deviation.item() + " names no checklist item and is ignored");
            } else if (!valid && failed) {
                notes.add("deviation for " + deviation.item() + " expired " + deviation.expires()
                        + ": the failure counts");
            }
        }

        List<LevelResult> levels = new ArrayList<>();
        int reached = 0;
        boolean allBelowPassed = true;
        for (int level = 1; level <= 5; level++) {
            List<String> blocking = new ArrayList<>();
            List<String> conditional = new ArrayList<>();
            for (ChecklistItem item : checklist.items()) {
                if (item.requiredFrom() > level || !applies(applicability, item.id())) {
                    continue;
                }
                ItemResult result = results.get(item.id());
                ItemStatus status = result == null ? null : result.status();
                if (status == ItemStatus.PASSED || status == ItemStatus.ATTESTED) {
                    continue;
                }
                DeviationUse use = uses.get(item.id());
                if (status == ItemStatus.FAILED && use != null && use.counted()) {
                    conditional.add(item.id());
                } else {
                    blocking.add(item.id());
                }
            }
            boolean passed = blocking.isEmpty();
            levels.add(new LevelResult(level, checklist.level(level).name(), passed, blocking, conditional));
            if (passed && allBelowPassed) {
                reached = level;
            } else {
                allBelowPassed = false;
            }
        }
        return new LevelVerdict(levels, reached, uses, notes);
    }

    /** The result for Nivå {@code level}. */
    public LevelResult level(int level) {
        return levels.get(level - 1);
    }

    /** The deviation considered for an item, if one was declared. */
    public Optional<DeviationUse> deviationFor(String itemId) {
        return Optional.ofNullable(deviations.get(itemId));
    }

    /**
     * The outcome against a target level: godkänd when reached without deviations, godkänd med
     * förbehåll when reached only thanks to deviations, otherwise underkänd.
     */
    public ApprovalOutcome outcome(int targetLevel) {
        if (targetLevel < 1 || targetLevel > 5) {
            throw new IllegalArgumentException("target level " + targetLevel + " is outside 1..5");
        }
        if (reachedLevel < targetLevel) {
            return ApprovalOutcome.UNDERKAND;
        }
        return level(targetLevel).conditional().isEmpty()
                ? ApprovalOutcome.GODKAND
                : ApprovalOutcome.GODKAND_MED_FORBEHALL;
    }

    /** One line for people: outcome, reached and target level, what blocks the next level, notes. */
    public String oneLine(int targetLevel) {
        ApprovalOutcome outcome = outcome(targetLevel);
        StringBuilder line = new StringBuilder(outcome.swedish())
                .append(": reached Nivå ").append(reachedLevel).append(" of target Nivå ").append(targetLevel);
        if (reachedLevel < targetLevel) {
            line.append("; Nivå ").append(reachedLevel + 1).append(" blocked by ")
                    .append(String.join(", ", level(reachedLevel + 1).blocking()));
        }
        if (outcome == ApprovalOutcome.GODKAND_MED_FORBEHALL) {
            line.append("; with deviations for ").append(String.join(", ", level(targetLevel).conditional()));
        }
        notes.forEach(note -> line.append("; ").append(note));
        return line.toString();
    }

    private static boolean applies(Map<String, Applicability> applicability, String id) {
        Applicability decision = applicability.get(id);
        return decision == null || decision.applies();
    }
}
