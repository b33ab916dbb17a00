package se.conformance.approval.level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.conformance.approval.level.ChangeKind.*;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LevelEstimatorTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Set.of(NEW_SYSTEM), 5, "new-system"),
                Arguments.of(Set.of(NEW_CONTRACT), 4, "new-contract"),
                Arguments.of(Set.of(CHANGED_MESSAGE_CONTENT), 3, "changed-message-content"),
                Arguments.of(Set.of(CHANGED_NON_FUNCTIONAL), 2, "changed-non-functional"),
                Arguments.of(Set.of(CHANGED_USER_INTERFACE), 2, "changed-user-interface"),
                Arguments.of(Set.of(NO_CHANGE), 1, "no-change"),
                Arguments.of(Set.of(CHANGED_USER_INTERFACE, NEW_CONTRACT), 4, "new-contract"),
                Arguments.of(Set.of(NO_CHANGE, CHANGED_MESSAGE_CONTENT, CHANGED_NON_FUNCTIONAL), 3,
                        "changed-message-content"),
                Arguments.of(Set.of(ChangeKind.values()), 5, "new-system"));
    }

    @ParameterizedTest(name = "{0} -> Nivå {1}")
    @MethodSource("cases")
    void suggests_the_highest_level_of_the_declared_kinds(Set<ChangeKind> kinds, int level, String decisive) {
        LevelEstimate estimate = LevelEstimator.estimate(kinds);
        assertThat(estimate.level()).isEqualTo(level);
        assertThat(estimate.label()).isEqualTo("estimate");
        assertThat(estimate.basis()).contains("from " + decisive).contains("the agency decides");
        kinds.forEach(k -> assertThat(estimate.basis()).contains(k.jsonName()));
    }

    @Test
    void nothing_declared_assumes_the_largest_approval_and_says_so() {
        LevelEstimate estimate = LevelEstimator.estimate(Set.of());
        assertThat(estimate.level()).isEqualTo(5);
        assertThat(estimate.basis()).startsWith("no change declared").contains("assumed new-system");
        assertThat(estimate.label()).isEqualTo("estimate");
    }

    @Test
    void an_estimate_cannot_be_labelled_anything_else() {
        assertThatThrownBy(() -> new LevelEstimate(3, "basis", "decision")).hasMessageContaining("estimate");
    }

    @Test
    void profile_names_parse() {
        assertThat(ChangeKind.fromName("changed-message-content")).contains(CHANGED_MESSAGE_CONTENT);
        assertThat(ChangeKind.fromName("rewrite")).isEmpty();
    }
}
