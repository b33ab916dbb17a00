package se.conformance.simulator.efrikort.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.efrikort.EfrikortSeed.ConsentModel;
import se.conformance.simulator.efrikort.ResultCode;

class ConsentRuleTest {

    @ParameterizedTest(name = "{0} region, {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "OPT_OUT | NONE      | OK            | ",
            "OPT_OUT | OPTED_IN  | OK            | ",
            "OPT_OUT | OPTED_OUT | OPTOUT        | personId 191212121212 har valt att stå utanför e-frikort (opt-out) hos vårdhuvudman R för korttyp CARE_VISIT; registrera opt-in (RegisterOptIn) först",
            "OPT_IN  | NONE      | OPTINREQUIRED | personId 191212121212 saknar registrerat samtycke (opt-in) hos vårdhuvudman R för korttyp CARE_VISIT; registrera opt-in (RegisterOptIn) och försök igen",
            "OPT_IN  | OPTED_IN  | OK            | ",
            "OPT_IN  | OPTED_OUT | OPTOUT        | personId 191212121212 har valt att stå utanför",
    })
    void check(ConsentModel model, ConsentState state, ResultCode code, String text) {
        var answer = ConsentRule.check(model, state, "R", "191212121212", "CARE_VISIT");

        assertThat(answer.code()).isEqualTo(code);
        if (text != null) assertThat(answer.text()).startsWith(text);
    }

    @ParameterizedTest(name = "readConsent {0}, registered by {1}, caller {2} → shown {3}")
    @CsvSource({
            "true,  P1, P2, true",
            "true,  P1,   , true",
            "false, P1, P1, true",
            "false, P1, P2, false",
            "false, P1,   , false",
    })
    void readConsent(boolean readConsent, String registeredBy, String caller, boolean shown) {
        assertThat(ReadConsentRule.showsProvider(readConsent, registeredBy, caller)).isEqualTo(shown);
    }
}
