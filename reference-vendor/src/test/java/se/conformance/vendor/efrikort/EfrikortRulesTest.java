package se.conformance.vendor.efrikort;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.vendor.TestSimulator.fault;
import static se.conformance.vendor.TestSimulator.hasElement;
import static se.conformance.vendor.TestSimulator.journal;
import static se.conformance.vendor.TestSimulator.ok;
import static se.conformance.vendor.TestSimulator.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.vendor.ReferenceVendor;
import se.conformance.vendor.TestSimulator;

/** The correct vendor keeps every e-frikort rule (checklist EFK-*), seen in the simulator's journal. */
class EfrikortRulesTest {

    static final String TOLVAN = "19121212-1212";
    static final String SAMORDNING = "19701063-2391";
    static final String NORRBOTTEN = "SE2321000230-E00001";
    ReferenceVendor vendor;

    @BeforeEach
    void start() {
        TestSimulator.reset();
        vendor = TestSimulator.vendor();
    }

    @AfterEach
    void stop() {
        vendor.stop();
    }

    static Map<String, Object> visit(String patient, String date, String fee) {
        return Map.of("patient", patient, "date", date, "fee", fee);
    }

    @Test
    void aQualifyingFeeIsLookedUpThenRegisteredWithTwelveDigitsTheVisitDateAndACompleteActor() {
        JsonNode a = ok(vendor, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "200"));
        assertThat(a.path("outcome").asText()).isEqualTo("done");
        assertThat(a.path("registered").asBoolean()).isTrue();
        assertThat(a.path("charged").decimalValue()).isEqualByComparingTo("200");
        assertThat(a.path("transactionId").asText()).isNotBlank();

        assertThat(TestSimulator.operations()).containsExactly("GetCardForPerson", "RegisterTransaction");
        JsonNode reg = journal("RegisterTransaction").get(0);
        assertThat(reg.path("resultCode").asText()).isEqualTo("OK");
        assertThat(reg.path("validation").asText()).isEqualTo("VALID");
        assertThat(reg.path("logicalAddress").asText()).isEqualTo("SE2321000016-39KJ");
        assertThat(value(reg, "personId")).isEqualTo("191212121212");
        assertThat(value(reg, "transactionDate")).isEqualTo("2025-03-01");
        assertThat(value(reg, "employeeId")).isEqualTo("TSTNMT2321000156-1079");
        assertThat(value(reg, "careProviderId")).isEqualTo("TSTNMT2321000156-1002");
        assertThat(value(reg, "careUnitId")).isEqualTo("TSTNMT2321000156-1077");
        assertThat(value(journal("GetCardForPerson").get(0), "personId")).isEqualTo("191212121212");
    }

    @ParameterizedTest(name = "{0} is sent as {1}")
    @CsvSource({"19121212-1212, 191212121212", "191212121212, 191212121212", "121212-1212, 201212121212",
            "121212+1212, 191212121212", "19701063-2391, 197010632391", "701063-2391, 197010632391"})
    void identityNumbersAreSentAsTwelveDigits(String typed, String sent) {
        JsonNode a = ok(vendor, "efrikort.lookup-card", Map.of("patient", typed));
        assertThat(a.path("outcome").asText()).isIn("done", "failed");
        assertThat(value(journal("GetCardForPerson").get(0), "personId")).isEqualTo(sent);
    }

    @Test
    void atTheCrossingOnlyTheRemainderIsChargedAndRegisteredAndAfterItThePreliminaryCardIsAFrikort() {
        ok(vendor, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "1400"));
        JsonNode crossing = ok(vendor, "efrikort.register-visit", visit(TOLVAN, "2025-03-05", "200"));
        assertThat(crossing.path("charged").decimalValue()).isEqualByComparingTo("50");
        assertThat(crossing.path("registered").asBoolean()).isTrue();
        assertThat(journal("RegisterTransaction")).extracting(e -> value(e, "amount")).containsExactly("1400.0", "50.0");

        JsonNode card = ok(vendor, "efrikort.lookup-card", Map.of("patient", TOLVAN));
        assertThat(card.path("cardStatus").asText()).isEqualTo("PRELIMINARY");
        assertThat(card.path("frikort").asBoolean()).isTrue();

        JsonNode free = ok(vendor, "efrikort.register-visit", visit(TOLVAN, "2025-03-07", "200"));
        assertThat(free.path("outcome").asText()).isEqualTo("refused");
        assertThat(free.path("frikort").asBoolean()).isTrue();
        assertThat(free.path("charged").decimalValue()).isZero();
        assertThat(free.path("registered").asBoolean()).isFalse();
        assertThat(journal("RegisterTransaction")).hasSize(2);
    }

    @ParameterizedTest(name = "{0} {1} kr is not registered")
    @CsvSource({"NO_SHOW, 200, 200", "CERTIFICATE, 300, 300", "VACCINATION, 250, 250", "FREE_VISIT, 0, 0",
            "FREE_VISIT, 200, 0", "VISIT, 0, 0"})
    void nonQualifyingAndFreeVisitsAreNeverRegistered(String visitType, String fee, String charged) {
        JsonNode a = ok(vendor, "efrikort.register-visit",
                Map.of("patient", TOLVAN, "date", "2025-03-01", "fee", fee, "visitType", visitType));
        assertThat(a.path("outcome").asText()).isEqualTo("refused");
        assertThat(a.path("registered").asBoolean()).isFalse();
        assertThat(a.path("charged").decimalValue()).isEqualByComparingTo(charged);
        assertThat(a.path("shown").asText()).isNotBlank();
        assertThat(journal("RegisterTransaction")).isEmpty();
    }

    @Test
    void aFeeIsCorrectedWithItsReasonAndCancelledWithItsReason() {
        String id = ok(vendor, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "200")).path("transactionId").asText();
        JsonNode corrected = ok(vendor, "efrikort.correct-fee", Map.of("transactionId", id, "amount", "150",
                "reason", "Fel belopp"));
        assertThat(corrected.path("registered").asBoolean()).isTrue();
        JsonNode upd = journal("UpdateTransaction").get(0);
        assertThat(upd.path("resultCode").asText()).isEqualTo("OK");
        assertThat(value(upd, "updateReason")).isEqualTo("Fel belopp");
        assertThat(value(upd, "transactionDate")).isEqualTo("2025-03-01");
        assertThat(value(upd, "employeeId")).isEqualTo("TSTNMT2321000156-1079");

        JsonNode cancelled = ok(vendor, "efrikort.cancel-fee", Map.of("transactionId", id, "reason", "Fel patient"));
        assertThat(cancelled.path("registered").asBoolean()).isTrue();
        JsonNode del = journal("DeleteTransaction").get(0);
        assertThat(del.path("resultCode").asText()).isEqualTo("OK");
        assertThat(value(del, "deleteReason")).isEqualTo("Fel patient");
    }

    @Test
    void onOptInRequiredTheConsentIsRegisteredAndTheFeeRegisteredAgain() {
        fault(Map.of("operation", "RegisterTransaction", "resultCode", "OPTINREQUIRED",
                "resultText", "personId saknar registrerat samtycke", "count", 1));
        JsonNode a = ok(vendor, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "200"));
        assertThat(a.path("registered").asBoolean()).isTrue();
        assertThat(TestSimulator.operations()).containsExactly("GetCardForPerson", "RegisterTransaction",
                "RegisterOptIn", "RegisterTransaction");
        assertThat(value(journal("RegisterOptIn").get(0), "personId")).isEqualTo("191212121212");
    }

    @Test
    void onOptOutNothingIsRegisteredAndTheUserIsTold() {
        fault(Map.of("operation", "RegisterTransaction", "resultCode", "OPTOUT",
                "resultText", "personId 191212121212 har valt att stå utanför e-frikort", "count", 1));
        JsonNode a = ok(vendor, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "200"));
        assertThat(a.path("outcome").asText()).isEqualTo("failed");
        assertThat(a.path("registered").asBoolean()).isFalse();
        assertThat(a.path("shown").asText()).contains("opt-out").contains("har valt att stå utanför");
        assertThat(TestSimulator.operations()).containsExactly("GetCardForPerson", "RegisterTransaction");
    }

    @Test
    void accessDeniedIsShownAndNotRetried() {
        JsonNode a = ok(vendor, "efrikort.register-visit", Map.of("patient", TOLVAN, "date", "2025-03-01", "fee", "200",
                "employee", "TSTNMT2321000156-1080"));
        assertThat(a.path("outcome").asText()).isEqualTo("failed");
        assertThat(a.path("shown").asText()).contains("saknar rollen EFK;Användare");
        assertThat(journal("RegisterTransaction")).hasSize(1)
                .allSatisfy(e -> assertThat(e.path("resultCode").asText()).isEqualTo("ACCESSDENIED"));
    }

    @ParameterizedTest(name = "{0} shows its resultText")
    @CsvSource({"INFO, done, true", "ERROR, failed, false"})
    void theResultTextIsShownOnInfoAndError(String code, String outcome, boolean registered) {
        fault(Map.of("operation", "RegisterTransaction", "resultCode", code,
                "resultText", "Meddelande från e-frikort " + code, "count", 1));
        JsonNode a = ok(vendor, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "200"));
        assertThat(a.path("outcome").asText()).isEqualTo(outcome);
        assertThat(a.path("registered").asBoolean()).isEqualTo(registered);
        assertThat(a.path("shown").asText()).contains("Meddelande från e-frikort " + code);
    }

    @Test
    void aSoapFaultIsReportedAndTheFeeNotShownAsRegistered() {
        fault(Map.of("operation", "RegisterTransaction", "soapFaultString", "e-frikort nere", "count", 1));
        JsonNode a = ok(vendor, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "200"));
        assertThat(a.path("outcome").asText()).isEqualTo("failed");
        assertThat(a.path("registered").asBoolean()).isFalse();
        assertThat(a.path("shown").asText()).contains("e-frikort nere");
    }

    @Test
    void aCallWithoutAnswerIsGivenUpAtTheTimeOutAndTheSystemStaysUsable() {
        vendor.stop();
        vendor = ReferenceVendor.builder().withPort(0).withSimulatorUrl(TestSimulator.url())
                .withCallTimeout(Duration.ofMillis(400)).start();
        fault(Map.of("operation", "GetCardForPerson", "delayMillis", 1500, "count", 1));
        long t0 = System.nanoTime();
        JsonNode a = ok(vendor, "efrikort.lookup-card", Map.of("patient", TOLVAN));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1400));
        assertThat(a.path("outcome").asText()).isEqualTo("failed");
        assertThat(a.path("shown").asText()).contains("svarade inte");
        JsonNode again = ok(vendor, "efrikort.lookup-card", Map.of("patient", TOLVAN));
        assertThat(again.path("outcome").asText()).isEqualTo("done");
        assertThat(again.path("cardStatus").asText()).isEqualTo("NONE");
    }

    @Test
    void aSlowAnswerIsWaitedForAndUsed() {
        fault(Map.of("operation", "GetCardForPerson", "delayMillis", 800, "count", 1));
        JsonNode a = ok(vendor, "efrikort.lookup-card", Map.of("patient", TOLVAN));
        assertThat(a.path("outcome").asText()).isEqualTo("done");
        assertThat(a.path("frikort").asBoolean()).isFalse();
    }

    @Test
    void cardsAreRegisteredUpdatedAndOrderedAndReadConsentAndGroupingRegistered() {
        Map<String, Object> norrbotten = Map.of("carePrincipal", NORRBOTTEN, "patient", TOLVAN, "validFrom", "2025-03-01",
                "reason", "MEDICAL");
        JsonNode card = ok(vendor, "efrikort.register-card", norrbotten);
        assertThat(card.path("registered").asBoolean()).as(card.toString()).isTrue();
        assertThat(card.path("cardId").asText()).isNotBlank();
        assertThat(value(journal("RegisterCard").get(0), "cardReason")).isEqualTo("MEDICAL");

        JsonNode updated = ok(vendor, "efrikort.update-card", Map.of("carePrincipal", NORRBOTTEN, "patient", TOLVAN,
                "cardId", card.path("cardId").asText(), "validFrom", "2025-03-02", "validTo", "2026-02-27"));
        assertThat(updated.path("registered").asBoolean()).as(updated.toString()).isTrue();
        assertThat(value(journal("UpdateCard").get(0), "endDate")).isEqualTo("2026-02-27");

        JsonNode ordered = ok(vendor, "efrikort.order-card", Map.of("carePrincipal", NORRBOTTEN, "patient", TOLVAN));
        assertThat(ordered.path("registered").asBoolean()).as(ordered.toString()).isTrue();

        JsonNode consent = ok(vendor, "efrikort.read-consent", Map.of("patient", TOLVAN, "consent", false));
        assertThat(consent.path("registered").asBoolean()).as(consent.toString()).isTrue();
        assertThat(value(journal("UpdateReadConsent").get(0), "consent")).isEqualTo("false");

        ok(vendor, "efrikort.register-visit", visit(TOLVAN, "2025-03-01", "200"));
        JsonNode grouped = ok(vendor, "efrikort.group", Map.of("patient", "20150505-1118", "guardian", TOLVAN));
        assertThat(grouped.path("registered").asBoolean()).as(grouped.toString()).isTrue();
        assertThat(value(journal("GroupPerson").get(0), "personId")).isEqualTo("201505051118");
    }

    @Test
    void everyRegisteringCallCarriesACompleteActor() {
        ok(vendor, "efrikort.register-visit", visit(SAMORDNING, "2025-03-01", "200"));
        List<String> ops = List.of("RegisterTransaction");
        for (String op : ops) {
            assertThat(journal(op)).allSatisfy(e -> {
                assertThat(hasElement(e, "employeeId")).isTrue();
                assertThat(hasElement(e, "careProviderId")).isTrue();
                assertThat(hasElement(e, "careUnitId")).isTrue();
            });
        }
        assertThat(value(journal("RegisterTransaction").get(0), "personId")).isEqualTo("197010632391");
    }
}
