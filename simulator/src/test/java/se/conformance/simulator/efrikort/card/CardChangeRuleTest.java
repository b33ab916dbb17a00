package se.conformance.simulator.efrikort.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.efrikort.Answer;
import se.conformance.simulator.efrikort.Model.CardStatus;
import se.conformance.simulator.efrikort.ResultCode;
import se.conformance.simulator.efrikort.card.CardChangeRule.CardDates;

class CardChangeRuleTest {

    private static final CardDates CURRENT = new CardDates("100000001", LocalDate.of(2025, 1, 1),
            LocalDate.of(2025, 3, 1), LocalDate.of(2025, 12, 31));

    @ParameterizedTest(name = "[{index}] {0}, transactions {1}: {2} {3} {4} {5} → {6}")
    @CsvSource(delimiter = '|', value = {
            // status     | tx    | cardId    | start      | preliminary | end        | code             | text
            "FINAL        | true  | 100000001 | 2025-01-01 | 2025-03-01  | 2025-12-31 | ERROR            | kortet är slutgiltigt (FINAL) och har avgifter",
            "FINAL        | false | 100000001 | 2025-01-01 | 2025-02-01  | 2025-11-30 | OK               | ",
            "FINAL        | false | 100000001 | 2025-01-01 | 2025-03-01  | 2025-12-31 | OK               | ",
            "FINAL        | false | 999       | 2025-01-01 | 2025-03-01  | 2025-12-31 | ERROR            | endast giltighetsdatumen",
            "FINAL        | false | 100000001 | 2025-02-01 | 2025-03-01  | 2025-12-31 | ERROR            | endast giltighetsdatumen",
            "FINAL        | false | 100000001 | 2025-01-01 | 2025-03-01  | 2026-01-01 | VALIDATION_ERROR | endDate 2026-01-01: utanför 12-månadersperioden från startDate 2025-01-01 (senast 2025-12-31)",
            "FINAL        | false | 100000001 | 2025-01-01 | 2024-12-31  | 2025-12-31 | VALIDATION_ERROR | preliminaryCardDate 2024-12-31: före startDate 2025-01-01",
            "PRELIMINARY  | true  | 999       | 2025-01-01 | 2025-03-01  | 2025-12-31 | OK               | ",
            "PRELIMINARY  | true  | 100000001 | 2025-01-01 | 2025-03-02  | 2025-12-31 | ERROR            | endast cardId kan ändras",
            "PRELIMINARY  | true  | 100000001 | 2025-01-01 | 2025-03-01  | 2025-12-30 | ERROR            | endast cardId kan ändras",
            "PRELIMINARY  | false | 999       | 2025-02-01 | 2025-02-01  | 2026-01-31 | OK               | ",
            "PRELIMINARY  | false | 999       | 2025-02-01 | 2025-02-01  | 2026-02-01 | VALIDATION_ERROR | endDate 2026-02-01: utanför 12-månadersperioden",
            "PRELIMINARY  | false | 999       | 2025-02-01 | 2025-05-01  | 2025-04-30 | VALIDATION_ERROR | endDate 2025-04-30: före preliminaryCardDate 2025-05-01",
            "PRELIMINARY  | false |           | 2025-02-01 | 2025-05-01  | 2025-06-30 | VALIDATION_ERROR | cardId saknas",
            "PRELIMINARY  | false | 999       |            | 2025-05-01  | 2025-06-30 | VALIDATION_ERROR | startDate saknas",
            "BELOW_LIMIT  | true  | 100000001 | 2025-01-01 | 2025-03-01  | 2025-12-31 | ERROR            | BELOW_LIMIT",
            "BELOW_LIMIT  | false | 100000001 | 2025-01-01 | 2025-03-01  | 2025-12-31 | ERROR            | BELOW_LIMIT",
            "EXPIRED      | false | 100000001 | 2025-01-01 | 2025-03-01  | 2025-12-31 | ERROR            | EXPIRED",
    })
    void check(CardStatus status, boolean transactions, String cardId, LocalDate start, LocalDate preliminary,
            LocalDate end, ResultCode code, String text) {
        Answer<Void> answer = CardChangeRule.check("sys-1", status, transactions, CURRENT,
                new CardDates(cardId, start, preliminary, end));

        assertThat(answer.code()).isEqualTo(code);
        if (text != null) assertThat(answer.text()).contains(text);
    }
}
