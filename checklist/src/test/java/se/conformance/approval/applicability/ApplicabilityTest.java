package se.conformance.approval.applicability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.conformance.checklist.Checklist;
import se.conformance.checklist.Role;
import se.conformance.checklist.Service;

class ApplicabilityTest {

    private static final Checklist CHECKLIST = Checklist.load();

    private static final CapabilityStatement EFRIKORT_REGISTER_ONLY = new CapabilityStatement(List.of(
            new Capability(Service.EFRIKORT, Role.CLIENT, List.of("GetCardForPerson", "RegisterTransaction"))));

    private static final CapabilityStatement INTYG_CLIENT_ONLY = new CapabilityStatement(List.of(
            new Capability(Service.INTYG, Role.CLIENT, List.of("CreateDraftCertificate"))));

    private static final CapabilityStatement NOTHING = new CapabilityStatement(List.of());

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("ATT-SITHS-001", NOTHING, true, "in: general items apply to every system"),
                Arguments.of("DOC-SOL-001", INTYG_CLIENT_ONLY, true, "in: general items apply to every system"),
                Arguments.of("EFK-REG-001", EFRIKORT_REGISTER_ONLY, true,
                        "in: the profile declares efrikort client with RegisterTransaction"),
                Arguments.of("EFK-ID-001", EFRIKORT_REGISTER_ONLY, true,
                        "in: the profile declares efrikort client with GetCardForPerson, RegisterTransaction"),
                // One of the item's contracts is enough.
                Arguments.of("EFK-ACT-001", EFRIKORT_REGISTER_ONLY, true,
                        "in: the profile declares efrikort client with RegisterTransaction"),
                Arguments.of("EFK-CARD-001", EFRIKORT_REGISTER_ONLY, false,
                        "out: the profile declares efrikort client without RegisterCard"),
                Arguments.of("EFK-ADM-001", INTYG_CLIENT_ONLY, false, "out: the profile declares no efrikort client role"),
                Arguments.of("INT-NOT-001", INTYG_CLIENT_ONLY, false, "out: the profile declares no intyg server role"),
                Arguments.of("INT-DRAFT-001", INTYG_CLIENT_ONLY, true,
                        "in: the profile declares intyg client with CreateDraftCertificate"),
                Arguments.of("ATT-REF-001", EFRIKORT_REGISTER_ONLY, true,
                        "in: the profile declares efrikort (client); attestation items of a service apply in any role"),
                Arguments.of("ATT-REF-001", INTYG_CLIENT_ONLY, false, "out: the profile declares no efrikort role"));
    }

    @ParameterizedTest(name = "{0} with {1} -> {3}")
    @MethodSource("cases")
    void decides_with_a_reason(String itemId, CapabilityStatement statement, boolean applies, String reason) {
        Applicability decision = Applicability.decide(CHECKLIST.item(itemId).orElseThrow(), statement);
        assertThat(decision).isEqualTo(new Applicability(applies, reason));
    }

    @Test
    void an_attestation_item_of_a_service_applies_when_the_service_is_declared_only_as_server() {
        var serverOnly = new CapabilityStatement(List.of(
                new Capability(Service.EFRIKORT, Role.SERVER, List.of("Anything"))));
        assertThat(Applicability.decide(CHECKLIST.item("ATT-REF-001").orElseThrow(), serverOnly).applies()).isTrue();
    }

    @Test
    void decide_all_covers_every_item_in_checklist_order() {
        Map<String, Applicability> all = Applicability.decideAll(CHECKLIST, EFRIKORT_REGISTER_ONLY);
        assertThat(all.keySet()).containsExactlyElementsOf(
                CHECKLIST.items().stream().map(i -> i.id()).toList());
        assertThat(all.values()).allSatisfy(a -> assertThat(a.reason()).startsWith(a.applies() ? "in: " : "out: "));
        assertThat(all.entrySet().stream().filter(e -> e.getValue().applies()).map(Map.Entry::getKey))
                .contains("EFK-REG-005", "EFK-ERR-006").doesNotContain("INT-NOT-001", "EFK-GRP-001");
    }
}
