package se.conformance.simulator.efrikort.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.efrikort.ResultCode;
import se.conformance.simulator.efrikort.identity.PersonId;
import se.conformance.simulator.efrikort.identity.PersonIdRule;

class GroupingRuleTest {

    private static final PersonIdRule RULE = new PersonIdRule("^(99|98)\\d{8,11}$");
    private static final String ADULT = "191212121212";
    private static final String OTHER_ADULT = "198001012346";
    private static final String CHILD = "201003152384";
    private static final String TURNS_18_ON_2026_01_01 = "200801011230";
    private static final String RESERV = "991234567890";

    @ParameterizedTest(name = "[{index}] card {0} + {1} on {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            ADULT + "              | " + OTHER_ADULT + "            | 2025-03-10 | ERROR",
            ADULT + "              | " + CHILD + "                  | 2025-03-10 | OK",
            CHILD + "              | " + ADULT + "                  | 2025-03-10 | OK",
            ADULT + " " + CHILD + "| " + OTHER_ADULT + "            | 2025-03-10 | ERROR",
            ADULT + "              | " + RESERV + "                 | 2025-03-10 | OK",
            RESERV + "             | " + ADULT + "                  | 2025-03-10 | OK",
            ADULT + "              | " + TURNS_18_ON_2026_01_01 + " | 2025-12-31 | OK",
            ADULT + "              | " + TURNS_18_ON_2026_01_01 + " | 2026-01-01 | ERROR",
            CHILD + "              | " + TURNS_18_ON_2026_01_01 + " | 2026-01-01 | OK",
            ADULT + "              | " + ADULT + "                  | 2025-03-10 | OK",
    })
    void twoAdultsCannotShareACard(String members, String newcomer, LocalDate today, ResultCode code) {
        List<PersonId> onCard = Arrays.stream(members.trim().split("\\s+")).map(v -> RULE.parse(v).value()).toList();

        var answer = GroupingRule.check(onCard, RULE.parse(newcomer).value(), today);

        assertThat(answer.code()).isEqualTo(code);
        if (code == ResultCode.ERROR) {
            assertThat(answer.text()).startsWith("personId " + newcomer + ": två vuxna (18 år eller äldre) kan inte "
                    + "grupperas på samma kort; kortet har redan personId ");
        }
    }
}
