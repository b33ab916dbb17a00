package se.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.conformance.approval.level.ItemStatus;
import se.conformance.checklist.Checklist;
import se.conformance.checklist.ChecklistItem;
import se.conformance.harness.run.ChecklistRun;
import se.conformance.reports.ItemOutcome;
import se.conformance.vendor.defect.Defect;

/**
 * The harness discriminates: the correct reference vendor passes every applicable item and
 * reaches Nivå 5; each deliberately broken variant fails exactly the items its defect breaks,
 * and its level drops to just below the lowest level those items are required from.
 */
class ReferenceVendorChecklistTest {

    private static ReferenceRuns runs;
    private static final Checklist CHECKLIST = Checklist.load();

    @BeforeAll
    static void start() throws Exception {
        runs = new ReferenceRuns();
    }

    @AfterAll
    static void stop() {
        runs.close();
    }

    @Test
    void theCorrectReferenceVendorPassesEveryApplicableItemAndReachesLevelFive() throws Exception {
        ChecklistRun.Outcome outcome = runs.run(EnumSet.noneOf(Defect.class), true);

        List<String> notPassed = outcome.summary().items().stream()
                .filter(i -> i.status() != ItemStatus.PASSED && i.status() != ItemStatus.ATTESTED)
                .map(i -> i.id() + " " + i.status() + " " + i.reason()).toList();
        assertThat(notPassed).isEmpty();
        assertThat(outcome.summary().reachedLevel()).isEqualTo(5);
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.summary().items()).hasSize(CHECKLIST.items().size());
        for (String file : List.of("summary.json", "summary.html", "summary.md", "journal.json", "report.html")) {
            assertThat(outcome.runDirectory().resolve(file)).isRegularFile();
        }
        assertThat(outcome.runDirectory().resolve("allure-results")).isDirectoryContaining("glob:**-result.json");
        // Every scenario item carries the trace ids of the exchanges that prove it (client items).
        assertThat(outcome.summary().items().stream().filter(i -> i.id().startsWith("EFK-REG-001")).findFirst()
                .orElseThrow().traceIds()).isNotEmpty();
        assertThat(Files.readString(outcome.runDirectory().resolve("summary.json"))).contains("\"reachedLevel\" : 5");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Defect.class)
    void eachDefectFailsExactlyTheItemsItBreaksAndTheLevelDrops(Defect defect) throws Exception {
        ChecklistRun.Outcome outcome = runs.run(EnumSet.of(defect), false);

        List<String> failed = outcome.summary().items().stream().filter(i -> i.status() == ItemStatus.FAILED)
                .map(ItemOutcome::id).sorted().toList();
        List<String> notFailedNotPassed = outcome.summary().items().stream()
                .filter(i -> i.status() != ItemStatus.FAILED && i.status() != ItemStatus.PASSED
                        && i.status() != ItemStatus.ATTESTED)
                .map(i -> i.id() + " " + i.status() + " " + i.reason()).toList();
        assertThat(failed).as("failed items with defect %s", defect.id())
                .containsExactlyElementsOf(defect.breaks().stream().sorted().toList());
        assertThat(notFailedNotPassed).isEmpty();
        int lowestBroken = defect.breaks().stream().map(id -> CHECKLIST.item(id).orElseThrow())
                .mapToInt(ChecklistItem::requiredFrom).min().orElseThrow();
        assertThat(outcome.summary().reachedLevel()).isEqualTo(lowestBroken - 1);
        assertThat(outcome.exitCode()).isEqualTo(1);
        for (String id : defect.breaks()) {
            ItemOutcome item = outcome.summary().items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
            assertThat(item.reason()).as("reason of %s", id).startsWith("[").contains(id);
        }
    }
}
