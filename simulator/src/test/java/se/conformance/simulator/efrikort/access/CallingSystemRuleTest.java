package se.conformance.simulator.efrikort.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.caller.CallerIdentity;
import se.conformance.simulator.efrikort.EfrikortSeed.CallingSystem;
import se.conformance.simulator.efrikort.ResultCode;

class CallingSystemRuleTest {

    private static final String STOCKHOLM = "SE2321000016-39KJ";
    private static final String NORRBOTTEN = "SE2321000230-E00001";
    /** SYS-A is registered for Stockholm only; SYS-X is not registered at all. */
    private static final CallingSystem SYS_A = new CallingSystem("SYS-A", "Kassa A", "CP-A", List.of(STOCKHOLM));

    @ParameterizedTest(name = "[{index}] {0} {1} asks for {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "ANONYMOUS     |       | SE2321000230-E00001 | OK           | ",
            "DECLARED      | SYS-A | SE2321000016-39KJ   | OK           | ",
            "DECLARED      | SYS-A | SE2321000230-E00001 | ACCESSDENIED | anropande system SYS-A är inte registrerat för vårdhuvudman SE2321000230-E00001",
            "DECLARED      | SYS-X | SE2321000230-E00001 | OK           | ",
            "AUTHENTICATED | SYS-A | SE2321000016-39KJ   | OK           | ",
            "AUTHENTICATED | SYS-A | SE2321000230-E00001 | ACCESSDENIED | anropande system SYS-A är inte registrerat för vårdhuvudman SE2321000230-E00001",
            "AUTHENTICATED | SYS-X | SE2321000016-39KJ   | ACCESSDENIED | anropande system SYS-X är inte registrerat som anslutet system för vårdhuvudman SE2321000016-39KJ",
    })
    void check(CallerIdentity.Kind kind, String hsaId, String carePrincipalId, ResultCode code, String text) {
        CallerIdentity caller = new CallerIdentity(kind, hsaId);
        Optional<CallingSystem> system = "SYS-A".equals(hsaId) ? Optional.of(SYS_A) : Optional.empty();

        var answer = CallingSystemRule.check(caller, carePrincipalId, system);

        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.text()).isEqualTo(text);
    }
}
