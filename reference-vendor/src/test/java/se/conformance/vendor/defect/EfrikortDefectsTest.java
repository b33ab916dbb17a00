package se.conformance.vendor.defect;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.vendor.TestSimulator.fault;
import static se.conformance.vendor.TestSimulator.hasElement;
import static se.conformance.vendor.TestSimulator.journal;
import static se.conformance.vendor.TestSimulator.ok;
import static se.conformance.vendor.TestSimulator.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.conformance.vendor.ReferenceVendor;
import se.conformance.vendor.TestSimulator;

/** Each e-frikort defect visibly breaks its rule — and only its rule. */
class EfrikortDefectsTest {

    static final String TOLVAN = "19121212-1212";

    @BeforeEach
    void reset() {
        TestSimulator.reset();
    }

    static Map<String, Object> visit(String patient, String date, String fee) {
        return Map.of("patient", patient, "date", date, "fee", fee);
    }

    @Test
    void theDefectNamesAreThoseOfTheHarnessTable() {
        assertThat(Arrays.stream(Defect.values()).map(Defect::id)).containsExactly("hyphenated-samordningsnummer",
                "missing-employee-on-correction", "full-fee-at-crossing", "preliminary-as-no-frikort", "registers-no-show",
                "zero-amount-registration", "cancel-without-reason", "optinrequired-ignored", "result-text-hidden",
                "today-as-transaction-date", "technical-error-on-duplicate", "slow-notification-answer",
                "result-in-wrong-namespace");
        assertThat(Defect.values()).allSatisfy(d -> assertThat(d.breaks()).isNotEmpty()
                .allMatch(id -> id.matches("[A-Z]{3}-[A-Z]{2,5}-[0-9]{3}")));
        assertThat(Defect.byId("full-fee-at-crossing")).contains(Defect.FULL_FEE_AT_CROSSING);
    }

    @Test
    void hyphenatedSamordningsnummerHyphenatesOnlyASamordningsnummer() {
        try (ReferenceVendor v = TestSimulator.vendor(Defect.HYPHENATED_SAMORDNINGSNUMMER)) {
            JsonNode a = ok(v, "efrikort.register-visit", visit("19701063-2391", "2025-03-01", "200"));
            assertThat(a.path("registered").asBoolean()).isFalse();
            assertThat(value(journal("GetCardForPerson").get(0), "personId")).isEqualTo("19701063-2391");
            assertThat(journal("GetCardForPerson").get(0).path("resultCode").asText()).isEqualTo("VALIDATION_ERROR");
            JsonNode b = ok(v, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "200"));
            assertThat(b.path("registered").asBoolean()).isTrue();
            assertThat(value(journal("RegisterTransaction").get(0), "personId")).isEqualTo("191212121212");
        }
    }

    @Test
    void missingEmployeeOnCorrectionLeavesOutOnlyTheEmployeeOfUpdateTransaction() {
        try (ReferenceVendor v = TestSimulator.vendor(Defect.MISSING_EMPLOYEE_ON_CORRECTION)) {
            String id = ok(v, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "200")).path("transactionId").asText();
            assertThat(hasElement(journal("RegisterTransaction").get(0), "employeeId")).isTrue();
            JsonNode a = ok(v, "efrikort.correct-fee", Map.of("transactionId", id, "amount", "150", "reason", "Fel belopp"));
            assertThat(a.path("registered").asBoolean()).isFalse();
            JsonNode upd = journal("UpdateTransaction").get(0);
            assertThat(hasElement(upd, "employeeId")).isFalse();
            assertThat(upd.path("resultCode").asText()).isEqualTo("VALIDATION_ERROR");
        }
    }

    @Test
    void fullFeeAtCrossingChargesAndRegistersTheWholeFee() {
        try (ReferenceVendor v = TestSimulator.vendor(Defect.FULL_FEE_AT_CROSSING)) {
            ok(v, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "1400"));
            JsonNode a = ok(v, "efrikort.register-visit", visit(TOLVAN, "2025-03-05", "200"));
            assertThat(a.path("charged").decimalValue()).isEqualByComparingTo("200");
            assertThat(journal("RegisterTransaction")).extracting(e -> value(e, "amount")).containsExactly("1400.0", "200.0");
        }
    }

    @Test
    void preliminaryAsNoFrikortChargesAndRegistersOnAPreliminaryCard() {
        try (ReferenceVendor v = TestSimulator.vendor(Defect.PRELIMINARY_AS_NO_FRIKORT)) {
            ok(v, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "1450"));
            JsonNode card = ok(v, "efrikort.lookup-card", Map.of("patient", TOLVAN));
            assertThat(card.path("cardStatus").asText()).isEqualTo("PRELIMINARY");
            assertThat(card.path("frikort").asBoolean()).isFalse();
            JsonNode a = ok(v, "efrikort.register-visit", visit(TOLVAN, "2025-03-05", "200"));
            assertThat(a.path("charged").decimalValue()).isEqualByComparingTo("200");
            assertThat(journal("RegisterTransaction")).hasSize(2);
        }
    }

    @Test
    void registersNoShowRegistersAnUteblivetBesokButNotCertificatesOrVaccinations() {
        try (ReferenceVendor v = TestSimulator.vendor(Defect.REGISTERS_NO_SHOW)) {
            ok(v, "efrikort.register-visit", Map.of("patient", TOLVAN, "date", "2025-03-01", "fee", "300", "visitType", "CERTIFICATE"));
            assertThat(journal("RegisterTransaction")).isEmpty();
            JsonNode a = ok(v, "efrikort.register-visit", Map.of("patient", TOLVAN, "date", "2025-03-01", "fee", "200",
                    "visitType", "NO_SHOW"));
            assertThat(a.path("registered").asBoolean()).isTrue();
            assertThat(journal("RegisterTransaction")).extracting(e -> value(e, "amount")).containsExactly("200.0");
        }
    }

    @Test
    void zeroAmountRegistrationSendsAFreeVisitAsZero() {
        try (ReferenceVendor v = TestSimulator.vendor(Defect.ZERO_AMOUNT_REGISTRATION)) {
            ok(v, "efrikort.register-visit", Map.of("patient", TOLVAN, "date", "2025-03-01", "fee", "0", "visitType", "FREE_VISIT"));
            assertThat(journal("RegisterTransaction")).extracting(e -> value(e, "amount")).containsExactly("0.0");
            JsonNode b = ok(v, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "200"));
            assertThat(b.path("charged").decimalValue()).isEqualByComparingTo("200");
        }
    }

    @Test
    void cancelWithoutReasonLeavesOutDeleteReason() {
        try (ReferenceVendor v = TestSimulator.vendor(Defect.CANCEL_WITHOUT_REASON)) {
            String id = ok(v, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "200")).path("transactionId").asText();
            ok(v, "efrikort.cancel-fee", Map.of("transactionId", id, "reason", "Fel patient"));
            JsonNode del = journal("DeleteTransaction").get(0);
            assertThat(hasElement(del, "deleteReason")).isFalse();
            assertThat(hasElement(del, "employeeId")).isTrue();
        }
    }

    @Test
    void optinrequiredIgnoredDoesNothingMore() {
        try (ReferenceVendor v = TestSimulator.vendor(Defect.OPTINREQUIRED_IGNORED)) {
            fault(Map.of("operation", "RegisterTransaction", "resultCode", "OPTINREQUIRED", "resultText", "saknar samtycke",
                    "count", 1));
            JsonNode a = ok(v, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "200"));
            assertThat(a.path("registered").asBoolean()).isFalse();
            assertThat(TestSimulator.operations()).containsExactly("GetCardForPerson", "RegisterTransaction");
        }
    }

    @Test
    void resultTextHiddenShowsAGenericTextOnInfoAndErrorOnly() {
        try (ReferenceVendor v = TestSimulator.vendor(Defect.RESULT_TEXT_HIDDEN)) {
            fault(Map.of("operation", "RegisterTransaction", "resultCode", "ERROR", "resultText", "Särskilt fel 4711",
                    "count", 1));
            JsonNode a = ok(v, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "200"));
            assertThat(a.path("outcome").asText()).isEqualTo("failed");
            assertThat(a.path("shown").asText()).isNotBlank().doesNotContain("Särskilt fel 4711");
            JsonNode denied = ok(v, "efrikort.register-visit", Map.of("patient", TOLVAN, "date", "2025-03-01", "fee", "200",
                    "employee", "TSTNMT2321000156-1080"));
            assertThat(denied.path("shown").asText()).contains("saknar rollen");
        }
    }

    @Test
    void todayAsTransactionDateSendsTheVendorsDate() {
        try (ReferenceVendor v = TestSimulator.vendor(Defect.TODAY_AS_TRANSACTION_DATE)) {
            ok(v, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "200"));
            assertThat(value(journal("RegisterTransaction").get(0), "transactionDate")).isEqualTo("2025-03-10");
            ok(v, "efrikort.register-visit", Map.of("patient", TOLVAN, "date", "2025-03-01", "fee", "200", "today", "2025-03-09"));
            assertThat(value(journal("RegisterTransaction").get(1), "transactionDate")).isEqualTo("2025-03-09");
        }
    }
}
