package se.conformance.simulator.efrikort.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.efrikort.Commands.Actor;
import se.conformance.simulator.efrikort.EfrikortSeed.Assignment;
import se.conformance.simulator.efrikort.EfrikortSeed.CareProvider;
import se.conformance.simulator.efrikort.EfrikortSeed.CareUnit;
import se.conformance.simulator.efrikort.EfrikortSeed.Employee;
import se.conformance.simulator.efrikort.ResultCode;

class AccessRuleTest {

    private static final String REGION = "SE2321000016-39KJ";
    private static final String PROVIDER = "TSTNMT2321000156-1002";
    private static final CareProvider CARE_PROVIDER = new CareProvider(PROVIDER, "Testvårdgivare",
            List.of(new CareUnit("TSTNMT2321000156-1077", "Enhet")));
    private static final Employee EMPLOYEE = new Employee("E1", "Anna", List.of(
            new Assignment(REGION, PROVIDER, "EFK;Användare"),
            new Assignment("SE2321000230-E00001", PROVIDER, "EFK;BegränsadAnvändare")));

    @ParameterizedTest(name = "[{index}] {0}/{1}/{2} in {3} → {4}")
    @CsvSource(delimiter = '|', value = {
            "E1 | TSTNMT2321000156-1002 | TSTNMT2321000156-1077 | SE2321000016-39KJ   | OK           | ",
            "E1 | TSTNMT2321000156-1002 |                       | SE2321000016-39KJ   | OK           | ",
            "E1 | TSTNMT2321000156-1002 | TSTNMT2321000156-9999 | SE2321000016-39KJ   | ACCESSDENIED | careUnitId TSTNMT2321000156-9999 är ingen vårdenhet hos careProviderId TSTNMT2321000156-1002",
            "E1 | TSTNMT2321000156-2002 |                       | SE2321000016-39KJ   | ACCESSDENIED | employeeId E1 saknar rollen EFK;Användare för vårdhuvudman SE2321000016-39KJ inom careProviderId TSTNMT2321000156-2002",
            "E1 | TSTNMT2321000156-1002 |                       | SE2321000230-E00001 | ACCESSDENIED | employeeId E1 saknar rollen EFK;Användare för vårdhuvudman SE2321000230-E00001 inom careProviderId TSTNMT2321000156-1002",
            "E2 | TSTNMT2321000156-1002 |                       | SE2321000016-39KJ   | ACCESSDENIED | employeeId E2 saknar rollen EFK;Användare",
            "   | TSTNMT2321000156-1002 |                       | SE2321000016-39KJ   | VALIDATION_ERROR | actor.employeeId saknas",
            "E1 |                       |                       | SE2321000016-39KJ   | VALIDATION_ERROR | actor.careProviderId saknas",
    })
    void check(String employeeId, String careProviderId, String careUnitId, String region, ResultCode code,
            String text) {
        Optional<Employee> employee = "E1".equals(employeeId) ? Optional.of(EMPLOYEE) : Optional.empty();

        var answer = AccessRule.check(new Actor(employeeId, careProviderId, careUnitId), region, employee,
                Optional.of(CARE_PROVIDER));

        assertThat(answer.code()).isEqualTo(code);
        if (text != null) assertThat(answer.text()).startsWith(text);
    }

    @Test
    void aMissingActorIsAValidationError() {
        var answer = AccessRule.check(null, REGION, Optional.empty(), Optional.empty());

        assertThat(answer.code()).isEqualTo(ResultCode.VALIDATION_ERROR);
        assertThat(answer.text()).isEqualTo("actor saknas");
    }

    @ParameterizedTest(name = "registered by {0}, changed by {1} → {2}")
    @CsvSource({
            "TSTNMT2321000156-1002, TSTNMT2321000156-1002, OK",
            "TSTNMT2321000156-1002, TSTNMT2321000156-2002, ACCESSDENIED",
    })
    void onlyTheRegisteringProviderChangesAFee(String registeredBy, String actorProvider, ResultCode code) {
        var answer = AccessRule.checkOwner(new Actor("E1", actorProvider, null), "tx-1", registeredBy);

        assertThat(answer.code()).isEqualTo(code);
        if (code == ResultCode.ACCESSDENIED) {
            assertThat(answer.text()).contains("transactionId tx-1 registrerades av careProviderId " + registeredBy);
        }
    }
}
