package se.conformance.approval.level;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.conformance.approval.applicability.Applicability;
import se.conformance.checklist.Checklist;
import se.conformance.checklist.ChecklistItem;
import se.conformance.checklist.Evidence;

class LevelVerdictTest {

    private static final Checklist CHECKLIST = Checklist.load();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    /** One case: changes to an all-pass, all-applicable run, and the expected verdict. */
    record Case(String name, Consumer<Map<String, ItemResult>> results, Consumer<Map<String, Applicability>> applicability,
            List<Deviation> deviations, int reached, ApprovalOutcome outcomeAt5, List<String> blockingNext,
            String lineContains) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Consumer<Map<String, ItemResult>> set(String id, ItemStatus status) {
        return results -> results.put(id, new ItemResult(id, status, "", List.of()));
    }

    private static Consumer<Map<String, ItemResult>> remove(String id) {
        return results -> results.remove(id);
    }

    private static Consumer<Map<String, Applicability>> outOf(String... ids) {
        return decisions -> {
            for (String id : ids) {
                decisions.put(id, new Applicability(false, "out: test"));
            }
        };
    }

    private static final Consumer<Map<String, Applicability>> ALL_IN = d -> {};

    private static Deviation deviation(String item, LocalDate expires) {
        return new Deviation(item, "known defect, fix planned", "Approver A", expires);
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("everything passes", r -> {}, ALL_IN, List.of(), 5, ApprovalOutcome.GODKAND, List.of(),
                        "godkänd: reached Nivå 5 of target Nivå 5"),
                new Case("one level-3 item fails", set("EFK-REG-002", ItemStatus.FAILED), ALL_IN, List.of(), 2,
                        ApprovalOutcome.UNDERKAND, List.of("EFK-REG-002"), "Nivå 3 blocked by EFK-REG-002"),
                new Case("a level-1 attestation is missing", set("ATT-PDL-001", ItemStatus.MISSING_ATTESTATION),
                        ALL_IN, List.of(), 0, ApprovalOutcome.UNDERKAND, List.of("ATT-PDL-001"),
                        "reached Nivå 0"),
                new Case("a level-2 item without any result blocks", remove("EFK-GET-001"), ALL_IN, List.of(), 1,
                        ApprovalOutcome.UNDERKAND, List.of("EFK-GET-001"), "Nivå 2 blocked by EFK-GET-001"),
                new Case("a skipped level-4 item blocks", set("INT-NOT-006", ItemStatus.SKIPPED), ALL_IN, List.of(), 3,
                        ApprovalOutcome.UNDERKAND, List.of("INT-NOT-006"), "Nivå 4 blocked by INT-NOT-006"),
                new Case("an item not applicable does not block, even failed",
                        set("EFK-GRP-001", ItemStatus.FAILED), outOf("EFK-GRP-001"), List.of(), 5,
                        ApprovalOutcome.GODKAND, List.of(), "godkänd"),
                new Case("an item not applicable does not block without a result",
                        remove("INT-QA-003"), outOf("INT-QA-003"), List.of(), 5, ApprovalOutcome.GODKAND, List.of(),
                        "godkänd"),
                new Case("a valid deviation lifts a failure", set("EFK-ERR-006", ItemStatus.FAILED), ALL_IN,
                        List.of(deviation("EFK-ERR-006", TODAY.plusDays(1))), 5, ApprovalOutcome.GODKAND_MED_FORBEHALL,
                        List.of(), "godkänd med förbehåll: reached Nivå 5 of target Nivå 5; with deviations for EFK-ERR-006"),
                new Case("a deviation expiring today still counts", set("EFK-ERR-006", ItemStatus.FAILED), ALL_IN,
                        List.of(deviation("EFK-ERR-006", TODAY)), 5, ApprovalOutcome.GODKAND_MED_FORBEHALL, List.of(),
                        "with deviations for EFK-ERR-006"),
                new Case("an expired deviation does not count and the verdict says so",
                        set("EFK-ERR-006", ItemStatus.FAILED), ALL_IN,
                        List.of(deviation("EFK-ERR-006", TODAY.minusDays(1))), 4, ApprovalOutcome.UNDERKAND,
                        List.of("EFK-ERR-006"), "deviation for EFK-ERR-006 expired 2026-11-24: the failure counts"),
                new Case("a deviation does not lift a missing attestation",
                        set("ATT-SITHS-001", ItemStatus.MISSING_ATTESTATION), ALL_IN,
                        List.of(deviation("ATT-SITHS-001", TODAY.plusYears(1))), 0, ApprovalOutcome.UNDERKAND,
                        List.of("ATT-SITHS-001"), "Nivå 1 blocked by ATT-SITHS-001"),
                new Case("a failure at level 2 stops every level above it even if they pass",
                        set("INT-NOT-002", ItemStatus.FAILED), ALL_IN, List.of(), 1, ApprovalOutcome.UNDERKAND,
                        List.of("INT-NOT-002"), "Nivå 2 blocked by INT-NOT-002"),
                new Case("a deviation naming no item is ignored and noted", r -> {}, ALL_IN,
                        List.of(deviation("EFK-XXX-999", TODAY.plusDays(1))), 5, ApprovalOutcome.GODKAND, List.of(),
                        "deviation for EFK-XXX-999 names no checklist item"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void computes_levels_blocking_items_and_outcome(Case c) {
        Map<String, ItemResult> results = new HashMap<>();
        for (ChecklistItem item : CHECKLIST.items()) {
            ItemStatus status = item.evidence() == Evidence.SCENARIO ? ItemStatus.PASSED : ItemStatus.ATTESTED;
            results.put(item.id(), new ItemResult(item.id(), status, "", List.of()));
        }
        c.results().accept(results);
        Map<String, Applicability> applicability = new HashMap<>();
        CHECKLIST.items().forEach(i -> applicability.put(i.id(), new Applicability(true, "in: test")));
        c.applicability().accept(applicability);

        LevelVerdict verdict = LevelVerdict.compute(CHECKLIST, applicability, results, c.deviations(), TODAY);

        assertThat(verdict.reachedLevel()).isEqualTo(c.reached());
        assertThat(verdict.outcome(5)).isEqualTo(c.outcomeAt5());
        assertThat(verdict.levels()).extracting(LevelResult::level).containsExactly(1, 2, 3, 4, 5);
        for (LevelResult level : verdict.levels()) {
            assertThat(level.passed()).as("Nivå %d passed", level.level()).isEqualTo(level.level() <= c.reached());
        }
        if (c.reached() < 5) {
            assertThat(verdict.level(c.reached() + 1).blocking()).containsExactlyElementsOf(c.blockingNext());
        }
        assertThat(verdict.oneLine(5)).contains(c.lineContains());
    }
}
