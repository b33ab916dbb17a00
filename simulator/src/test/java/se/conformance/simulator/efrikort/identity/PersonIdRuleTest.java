package se.conformance.simulator.efrikort.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.efrikort.Answer;
import se.conformance.simulator.efrikort.ResultCode;

class PersonIdRuleTest {

    private static final String DEFAULT_PATTERN = "^(99|98)\\d{8,11}$";
    private final PersonIdRule rule = new PersonIdRule(DEFAULT_PATTERN);

    @ParameterizedTest(name = "{0} is a {1} born {2}")
    @CsvSource({
            "191212121212,  PERSONNUMMER,      1912-12-12",
            "200801011230,  PERSONNUMMER,      2008-01-01",
            "202402291237,  PERSONNUMMER,      2024-02-29",
            "200002291235,  PERSONNUMMER,      2000-02-29",
            "197010632391,  SAMORDNINGSNUMMER, 1970-10-03",
            "9912345678,    RESERVNUMMER,      ",
            "991234567890,  RESERVNUMMER,      ",
            "9812345678901, RESERVNUMMER,      ",
    })
    void accepts(String value, PersonIdKind kind, LocalDate birthDate) {
        Answer<PersonId> answer = rule.parse(value);

        assertThat(answer.code()).isEqualTo(ResultCode.OK);
        assertThat(answer.value().value()).isEqualTo(value);
        assertThat(answer.value().kind()).isEqualTo(kind);
        assertThat(answer.value().birthDate().orElse(null)).isEqualTo(birthDate);
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "19121212-1212  | personId 19121212-1212: endast siffror, utan bindestreck eller plustecken",
            "121212-1212    | personId 121212-1212: endast siffror, utan bindestreck eller plustecken",
            "191212+1212    | personId 191212+1212: endast siffror, utan bindestreck eller plustecken",
            "19121212121212 | personId 19121212121212: högst 13 tecken",
            "1912121212     | personId 1912121212: ska vara 12 siffror ÅÅÅÅMMDDNNNK",
            "1912121212A2   | personId 1912121212A2: endast siffror",
            "191212121213   | personId 191212121213: felaktig kontrollsiffra",
            "191213121212   | personId 191213121212: ogiltigt födelsedatum 19121312",
            "199002291236   | personId 199002291236: ogiltigt födelsedatum 19900229",
            "197010922391   | personId 197010922391: ogiltigt födelsedatum i samordningsnumret",
            "99123          | personId 99123: ska vara 12 siffror",
            "99123456789012 | personId 99123456789012: högst 13 tecken",
    })
    void refuses(String value, String text) {
        Answer<PersonId> answer = rule.parse(value);

        assertThat(answer.code()).isEqualTo(ResultCode.VALIDATION_ERROR);
        assertThat(answer.text()).startsWith(text);
    }

    @Test
    void refusesAMissingValue() {
        assertThat(rule.parse(null).text()).isEqualTo("personId saknas");
        assertThat(rule.parse(" ").text()).isEqualTo("personId saknas");
    }

    @ParameterizedTest(name = "pattern {0}: {1} accepted = {2}")
    @CsvSource({
            "'^(99|98)\\d{8,11}$', 9912345678,    true",
            "'^(99|98)\\d{8,11}$', 991234567,     false",
            "'^SLL\\d{10}$',       SLL1234567890, true",
            "'^SLL\\d{10}$',       9912345678,    false",
    })
    void theReservnummerPatternIsConfiguration(String pattern, String value, boolean accepted) {
        Answer<PersonId> answer = new PersonIdRule(pattern).parse(value);

        assertThat(answer.code().performed()).isEqualTo(accepted);
        if (accepted) assertThat(answer.value().kind()).isEqualTo(PersonIdKind.RESERVNUMMER);
    }

    @Test
    void aBrokenPatternIsRefusedWhenConfigured() {
        assertThatThrownBy(() -> new PersonIdRule("(99")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reguljärt uttryck");
    }

    @ParameterizedTest(name = "{0} on {1}: age {2}, adult {3}")
    @CsvSource({
            "200801011230, 2026-01-01, 18, true",
            "200801011230, 2025-12-31, 17, false",
            "202402291237, 2025-02-28, 0,  false",
            "202402291237, 2025-03-01, 1,  false",
            "191212121212, 2025-03-10, 112, true",
            "197010632391, 2025-03-10, 54, true",
    })
    void ageOnADate(String value, LocalDate date, int age, boolean adult) {
        PersonId person = rule.parse(value).value();

        assertThat(person.ageOn(date)).hasValue(age);
        assertThat(person.isAdultOn(date)).isEqualTo(adult);
    }

    @Test
    void aReservnummerHasNoAgeAndIsNoAdult() {
        PersonId person = rule.parse("991234567890").value();

        assertThat(person.ageOn(LocalDate.of(2025, 1, 1))).isEmpty();
        assertThat(person.isAdultOn(LocalDate.of(2025, 1, 1))).isFalse();
    }
}
