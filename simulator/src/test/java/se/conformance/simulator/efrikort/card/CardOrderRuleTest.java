package se.conformance.simulator.efrikort.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.efrikort.Model.CardStatus;
import se.conformance.simulator.efrikort.ResultCode;

class CardOrderRuleTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"FINAL, OK", "PRELIMINARY, ERROR", "BELOW_LIMIT, ERROR", "EXPIRED, ERROR"})
    void onlyAFinalCardCanBeOrdered(CardStatus status, ResultCode code) {
        var answer = CardOrderRule.check("sys-1", status);

        assertThat(answer.code()).isEqualTo(code);
        if (code == ResultCode.ERROR) {
            assertThat(answer.text()).isEqualTo("cardSystemId sys-1: kortet har status " + status
                    + "; ett nytt kort kan bara beställas för ett slutgiltigt (FINAL) kort");
        }
    }
}
