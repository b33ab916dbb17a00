package se.conformance.simulator.efrikort.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.efrikort.Answer;
import se.conformance.simulator.efrikort.Model.CardReason;
import se.conformance.simulator.efrikort.Model.CardStatus;
import se.conformance.simulator.efrikort.ResultCode;

class CardRegistrationRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    @ParameterizedTest(name = "[{index}] {0} cardId {1} {2}..{3} → {4}")
    @CsvSource(delimiter = '|', value = {
            "VALID_CARD | 12345678  | 2025-01-01 | 2025-12-31 | OK               | ",
            "VALID_CARD |           | 2025-01-01 | 2025-12-31 | VALIDATION_ERROR | cardId krävs när cardReason är VALID_CARD",
            "VALID_CARD | 123456789012345678901 | 2025-01-01 | 2025-12-31 | VALIDATION_ERROR | högst 20 tecken",
            "MEDICAL    |           | 2025-03-10 | 2026-03-09 | OK               | ",
            "MEDICAL    |           | 2025-03-10 | 2026-03-10 | VALIDATION_ERROR | endDate 2026-03-10: längre än 12 månader från preliminaryCardDate 2025-03-10 (senast 2026-03-09)",
            "MEDICAL    |           | 2025-03-10 | 2025-03-09 | VALIDATION_ERROR | endDate 2025-03-09: före preliminaryCardDate 2025-03-10",
            "MEDICAL    |           | 2024-03-11 | 2025-03-09 | VALIDATION_ERROR | endDate 2025-03-09: har redan passerat",
            "MEDICAL    |           | 2024-03-11 | 2025-03-10 | OK               | ",
            "           |           | 2025-03-10 | 2026-03-09 | VALIDATION_ERROR | cardReason saknas",
            "MEDICAL    |           |            | 2026-03-09 | VALIDATION_ERROR | preliminaryCardDate saknas",
            "MEDICAL    |           | 2025-03-10 |            | VALIDATION_ERROR | endDate saknas",
    })
    void check(CardReason reason, String cardId, LocalDate preliminary, LocalDate end, ResultCode code, String text) {
        Answer<Void> answer = CardRegistrationRule.check(reason, cardId, preliminary, end, TODAY);

        assertThat(answer.code()).isEqualTo(code);
        if (text != null) assertThat(answer.text()).contains(text);
    }

    @ParameterizedTest(name = "existing {0}, extendExisting {1} → {2}")
    @CsvSource({
            ",            false, OK",
            "EXPIRED,     false, OK",
            "BELOW_LIMIT, false, ERROR",
            "PRELIMINARY, false, ERROR",
            "FINAL,       false, ERROR",
            "FINAL,       true,  OK",
            "BELOW_LIMIT, true,  OK",
    })
    void anExistingCurrentCardNeedsExtendExisting(CardStatus existing, boolean extend, ResultCode code) {
        Answer<Void> answer = CardRegistrationRule.checkExisting("191212121212", existing, "100000001", extend);

        assertThat(answer.code()).isEqualTo(code);
        if (code == ResultCode.ERROR) {
            assertThat(answer.text()).isEqualTo("personId 191212121212 har redan ett kort (cardId 100000001, status "
                    + existing + "); ange extendExisting=true för att ersätta dess värden");
        }
    }
}
