package se.conformance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.conformance.approval.level.ItemResult;
import se.conformance.approval.level.ItemStatus;

class ApprovalSummaryTest {

    private static final ApprovalSummary SUMMARY = SummaryFixture.summary();

    static Stream<Arguments> items() {
        return Stream.of(
                Arguments.of("ATT-PDL-001", ItemStatus.ATTESTED, "in: general items apply to every system", null),
                Arguments.of("INT-DRAFT-001", ItemStatus.NOT_APPLICABLE,
                        "out: the profile declares no intyg client role", null),
                Arguments.of("EFK-ERR-004", ItemStatus.FAILED,
                        "in: the profile declares efrikort client with RegisterTransaction", true),
                Arguments.of("EFK-ERR-006", ItemStatus.FAILED,
                        "in: the profile declares efrikort client with GetCardForPerson", false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("items")
    void each_item_carries_status_applicability_and_deviation(String id, ItemStatus status, String applicability,
            Boolean deviationValid) {
        ItemOutcome item = SUMMARY.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
        assertThat(item.status()).isEqualTo(status);
        assertThat(item.applicability()).isEqualTo(applicability);
        if (deviationValid == null) {
            assertThat(item.deviation()).isNull();
        } else {
            assertThat(item.deviation().valid()).isEqualTo(deviationValid);
        }
    }

    @Test
    void the_expired_deviation_blocks_nivå_5_and_the_verdict_says_so() {
        assertThat(SUMMARY.reachedLevel()).isEqualTo(4);
        assertThat(SUMMARY.levels().get(4).blocking()).containsExactly("EFK-ERR-006");
        assertThat(SUMMARY.levels().get(3).passed()).isTrue();
        assertThat(SUMMARY.verdict()).startsWith("underkänd: reached Nivå 4 of target Nivå 5")
                .contains("deviation for EFK-ERR-006 expired 2026-10-31: the failure counts");
        assertThat(SUMMARY.estimatedLevel().level()).isEqualTo(4);
    }

    @Test
    void applicable_items_without_a_result_are_reported_as_gaps() {
        Map<String, ItemResult> results = SummaryFixture.results();
        results.remove("EFK-REG-001");
        results.remove("DOC-SOL-001");
        ApprovalSummary summary = ApprovalSummary.build("r", SummaryFixture.CHECKLIST, SummaryFixture.PROFILE, results,
                List.of(), List.of(), new Versions("s", "h"), SummaryFixture.STARTED, SummaryFixture.FINISHED);
        assertThat(summary.items()).filteredOn(i -> List.of("EFK-REG-001", "DOC-SOL-001").contains(i.id()))
                .extracting(ItemOutcome::status, ItemOutcome::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ItemStatus.MISSING_ATTESTATION, "no result recorded"),
                        org.assertj.core.groups.Tuple.tuple(ItemStatus.SKIPPED, "no result recorded"));
        assertThat(summary.reachedLevel()).isZero();
        assertThat(summary.levels().get(0).blocking()).containsExactly("DOC-SOL-001");
    }
}
