package se.conformance.simulator.efrikort.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.efrikort.ResultCode;

class FeeRuleTest {

    @ParameterizedTest(name = "amount {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "200       | OK               | ",
            "0.01      | OK               | ",
            "200.50    | OK               | ",
            "200.500   | OK               | ",
            "999999.99 | OK               | ",
            "0         | VALIDATION_ERROR | amount 0: beloppet måste vara större än 0",
            "0.00      | VALIDATION_ERROR | amount 0.00: beloppet måste vara större än 0",
            "-5        | VALIDATION_ERROR | amount -5: beloppet måste vara större än 0",
            "200.005   | VALIDATION_ERROR | amount 200.005: högst två decimaler (öre)",
            "1000000   | VALIDATION_ERROR | amount 1000000: beloppet måste vara mindre än 1 000 000 kr",
            "          | VALIDATION_ERROR | amount saknas",
    })
    void amount(BigDecimal amount, ResultCode code, String text) {
        var answer = FeeRule.checkAmount(amount);

        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "transactionDate {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "2025-03-10 | OK               | ",
            "2020-01-01 | OK               | ",
            "2025-03-11 | VALIDATION_ERROR | transactionDate 2025-03-11: får inte ligga i framtiden (i dag är 2025-03-10)",
            "           | VALIDATION_ERROR | transactionDate saknas",
    })
    void date(LocalDate date, ResultCode code, String text) {
        var answer = FeeRule.checkDate(date, LocalDate.of(2025, 3, 10));

        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.text()).isEqualTo(text);
    }
}
