package se.conformance.checklist.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.conformance.checklist.Checklist;
import se.conformance.checklist.ChecklistItem;
import se.conformance.checklist.trace.Violation.Kind;

/**
 * The gate over src/test/resources/trace: the good features pass; each bad file added to them,
 * or a good file taken away, gives exactly the one violation it is named after.
 */
class TraceabilityGateTest {

    private static final Path TRACE = Path.of("src/test/resources/trace");

    @TempDir
    Path features;

    private Checklist checklist(List<String> extraKnownIds) throws IOException {
        Checklist base = Checklist.load(TRACE.resolve("checklist.yaml"));
        List<String> known = new ArrayList<>(base.knownIds());
        known.addAll(extraKnownIds);
        return Checklist.parse(Files.readAllBytes(TRACE.resolve("checklist.yaml")), "trace/checklist.yaml",
                base.retiredIds(), known);
    }

    private void copyGoodFeaturesExcept(String left) throws IOException {
        try (Stream<Path> files = Files.list(TRACE.resolve("good"))) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals(left)) {
                    Files.copy(file, features.resolve(file.getFileName()));
                }
            }
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("good features", null, null, List.of(), List.of(), null),
                Arguments.of("two item tags", "ITEM_TAG_COUNT.feature", null, List.of(), List.of(Kind.ITEM_TAG_COUNT),
                        "has 2 item-id tags [EFK-REG-001, EFK-REG-002]"),
                Arguments.of("no item tag", "ITEM_TAG_COUNT-none.feature", null, List.of(),
                        List.of(Kind.ITEM_TAG_COUNT), "has 0 item-id tags"),
                Arguments.of("no level tag", "LEVEL_TAG_COUNT.feature", null, List.of(), List.of(Kind.LEVEL_TAG_COUNT),
                        "has 0 @niva-N tags"),
                Arguments.of("level on feature and scenario", "LEVEL_TAG_COUNT-two.feature", null, List.of(),
                        List.of(Kind.LEVEL_TAG_COUNT), "has 2 @niva-N tags"),
                Arguments.of("level tag differs from requiredFrom", "LEVEL_MISMATCH.feature", null, List.of(),
                        List.of(Kind.LEVEL_MISMATCH), "tagged @niva-2 but EFK-REG-002 is required from Nivå 3"),
                Arguments.of("unknown id", "UNKNOWN_ID.feature", null, List.of(), List.of(Kind.UNKNOWN_ID),
                        "EFK-NEW-001, which is not in the checklist"),
                Arguments.of("retired id", "RETIRED_ID.feature", null, List.of(), List.of(Kind.RETIRED_ID),
                        "retired id EFK-OLD-001"),
                Arguments.of("attestation with a scenario", "SCENARIO_FOR_NON_SCENARIO_ITEM.feature", null, List.of(),
                        List.of(Kind.SCENARIO_FOR_NON_SCENARIO_ITEM), "whose evidence is attestation: only a scenario tagged @attestering may record it"),
                Arguments.of("unparsable feature", "PARSE_ERROR.feature", null, List.of(), List.of(Kind.PARSE_ERROR),
                        "PARSE_ERROR.feature"),
                Arguments.of("scenario item without scenario", null, "intyg.feature", List.of(),
                        List.of(Kind.NO_SCENARIO), "INT-NOT-001 needs evidence by scenario"),
                Arguments.of("published id disappeared", null, null, List.of("EFK-GONE-001"),
                        List.of(Kind.DISAPPEARED_ID), "EFK-GONE-001 disappeared: retire it in retired-ids.txt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void finds_exactly_the_expected_violation(String name, String badFile, String goodFileLeftOut,
            List<String> extraKnownIds, List<Kind> expected, String messagePart) throws IOException {
        copyGoodFeaturesExcept(goodFileLeftOut);
        if (badFile != null) {
            Files.copy(TRACE.resolve("bad").resolve(badFile), features.resolve(badFile));
        }

        List<Violation> violations = TraceabilityGate.check(checklist(extraKnownIds), features);

        assertThat(violations).extracting(Violation::kind).containsExactlyElementsOf(expected);
        if (messagePart != null) {
            assertThat(violations.get(0).toString()).contains(messagePart);
        }
    }

    @Test
    void a_duplicated_checklist_id_is_a_violation() {
        assertThat(TraceabilityGate.checkIds(List.of("EFK-REG-001", "EFK-REG-002", "EFK-REG-001"), List.of(),
                List.of("EFK-REG-001", "EFK-REG-002")))
                .extracting(Violation::kind, Violation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.DUPLICATE_ID,
                        "EFK-REG-001 is listed more than once in the checklist"));
    }

    @Test
    void a_retired_id_is_not_reported_as_disappeared() {
        assertThat(TraceabilityGate.checkIds(List.of("EFK-REG-002"), List.of("EFK-OLD-001"),
                List.of("EFK-OLD-001", "EFK-REG-002"))).isEmpty();
    }

    @Test
    void the_shipped_registers_account_for_every_published_id() {
        Checklist shipped = Checklist.load();
        assertThat(TraceabilityGate.checkIds(shipped.items().stream().map(ChecklistItem::id).toList(),
                shipped.retiredIds(), shipped.knownIds())).isEmpty();
    }

    @Test
    void violations_name_file_and_line() throws IOException {
        copyGoodFeaturesExcept(null);
        Files.copy(TRACE.resolve("bad/LEVEL_MISMATCH.feature"), features.resolve("LEVEL_MISMATCH.feature"));
        assertThat(TraceabilityGate.check(checklist(List.of()), features))
                .singleElement().extracting(Violation::location).isEqualTo("LEVEL_MISMATCH.feature:5");
    }
}
