package se.conformance.simulator.intyg.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectRuleTest {

    @ParameterizedTest(name = "{0}: recipient starts {1}, care starts {2}, care answers {3}, recipient answers {4}")
    @CsvSource({
            "KOMPLT, true, false, true,  false",
            "AVSTMN, true, true,  true,  true",
            "KONTKT, true, true,  true,  true",
            "OVRIGT, true, true,  true,  true",
            "PAMINN, true, false, false, false",
    })
    void whoMayStartAndAnswer(Amne amne, boolean recipientStarts, boolean careStarts, boolean careAnswers,
            boolean recipientAnswers) {
        assertThat(SubjectRule.mayStart(Side.RECIPIENT, amne)).isEqualTo(recipientStarts);
        assertThat(SubjectRule.mayStart(Side.CARE, amne)).isEqualTo(careStarts);
        assertThat(SubjectRule.mayAnswer(Side.CARE, amne)).isEqualTo(careAnswers);
        assertThat(SubjectRule.mayAnswer(Side.RECIPIENT, amne)).isEqualTo(recipientAnswers);
    }
}
