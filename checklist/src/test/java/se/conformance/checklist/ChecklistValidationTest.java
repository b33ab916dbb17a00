package se.conformance.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loading fails with a message naming the item and field for each kind of broken data. */
class ChecklistValidationTest {

    private static final String HEADER = """
            version: 1.0.0
            published: 2026-11-25
            processSteps:
              - {id: presentera-ide, order: 1, name: {sv: a, en: a}, description: d, source: s}
              - {id: vi-forbereder-oss, order: 2, name: {sv: a, en: a}, description: d, source: s}
              - {id: ni-utvecklar, order: 3, name: {sv: a, en: a}, description: d, source: s}
              - {id: beslut, order: 4, name: {sv: a, en: a}, description: d, source: s}
              - {id: avslut-och-erfarenheter, order: 5, name: {sv: a, en: a}, description: d, source: s}
            levels:
              - {level: 1, name: Nivå 1, meaning: {sv: a, en: a}, price: {amountSek: 0, variableCost: false, text: t}}
              - {level: 2, name: Nivå 2, meaning: {sv: a, en: a}, price: {amountSek: 1, variableCost: true, text: t}}
              - {level: 3, name: Nivå 3, meaning: {sv: a, en: a}, price: {amountSek: 2, variableCost: true, text: t}}
              - {level: 4, name: Nivå 4, meaning: {sv: a, en: a}, price: {amountSek: 3, variableCost: true, text: t}}
              - {level: 5, name: Nivå 5, meaning: {sv: a, en: a}, price: {amountSek: 4, variableCost: true, text: t}}
            ineraSteps:
              source: our reading
              steps:
                - {id: verifiering, order: 5, name: {sv: a, en: a}, description: d}
            outcomes:
              - {id: godkand, name: {sv: a, en: a}, description: d}
              - {id: godkand-med-forbehall, name: {sv: a, en: a}, description: d}
              - {id: underkand, name: {sv: a, en: a}, description: d}
            items:
            """;

    /** A valid item line; each case replaces one field. */
    private static String item(String id, String overrides) {
        String base = "{id: %s, title: {sv: t, en: t}, description: d, service: efrikort, role: client, "
                + "contracts: [RegisterTransaction], processStep: ni-utvecklar, requiredFrom: 2, evidence: scenario, "
                + "source: s%s}";
        return "  - " + String.format(base, id, overrides) + "\n";
    }

    private static byte[] yaml(String items) {
        return (HEADER + items).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_valid_minimal_checklist_loads() {
        Checklist checklist = Checklist.parse(yaml(item("EFK-REG-001", "")));
        assertThat(checklist.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("EFK-REG-001");
            assertThat(i.evidence()).isEqualTo(Evidence.SCENARIO);
            assertThat(i.role()).isEqualTo(Role.CLIENT);
        });
    }

    static Stream<Arguments> brokenData() {
        return Stream.of(
                Arguments.of("duplicate id", item("EFK-REG-001", "") + item("EFK-REG-001", ""), List.of(),
                        "item EFK-REG-001: field id: duplicate id"),
                Arguments.of("id in lower case", item("efk-reg-001", ""), List.of(),
                        "item efk-reg-001: field id: 'efk-reg-001' does not match"),
                Arguments.of("id with four digits", item("EFK-REG-0001", ""), List.of(),
                        "item EFK-REG-0001: field id"),
                Arguments.of("requiredFrom 0", item("EFK-REG-001", "").replace("requiredFrom: 2", "requiredFrom: 0"),
                        List.of(), "item EFK-REG-001: field requiredFrom: 0 is outside 1..5"),
                Arguments.of("requiredFrom 6", item("EFK-REG-001", "").replace("requiredFrom: 2", "requiredFrom: 6"),
                        List.of(), "item EFK-REG-001: field requiredFrom: 6 is outside 1..5"),
                Arguments.of("unknown processStep",
                        item("EFK-REG-001", "").replace("processStep: ni-utvecklar", "processStep: testa"),
                        List.of(), "item EFK-REG-001: field processStep: unknown step 'testa'"),
                Arguments.of("scenario item without contracts",
                        item("EFK-REG-001", "").replace("contracts: [RegisterTransaction]", "contracts: []"),
                        List.of(), "item EFK-REG-001: field contracts: a scenario item of service efrikort"),
                Arguments.of("id both active and retired", item("EFK-REG-001", ""), List.of("EFK-REG-001"),
                        "item EFK-REG-001: field id: listed both as active and in retired-ids.txt"),
                Arguments.of("unknown service", item("EFK-REG-001", "").replace("service: efrikort", "service: recept"),
                        List.of(), "item EFK-REG-001: field service: 'recept'"),
                Arguments.of("unknown evidence",
                        item("EFK-REG-001", "").replace("evidence: scenario", "evidence: test"),
                        List.of(), "item EFK-REG-001: field evidence: 'test'"),
                Arguments.of("unknown ineraStep", item("EFK-REG-001", ", ineraStep: granska"), List.of(),
                        "item EFK-REG-001: field ineraStep: unknown step 'granska'"),
                Arguments.of("misspelt field", item("EFK-REG-001", ", requiredFrm: 3"), List.of(),
                        "Unrecognized field \"requiredFrm\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenData")
    void broken_data_fails_naming_item_and_field(String name, String items, List<String> retired, String message) {
        assertThatThrownBy(() -> Checklist.parse(yaml(items), "test.yaml", retired, List.of()))
                .isInstanceOf(ChecklistException.class)
                .hasMessageContaining("test.yaml")
                .hasMessageContaining(message);
    }
}
