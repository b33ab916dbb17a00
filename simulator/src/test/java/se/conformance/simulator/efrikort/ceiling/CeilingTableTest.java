package se.conformance.simulator.efrikort.ceiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.efrikort.EfrikortSeed.Ceiling;

class CeilingTableTest {

    private static final CeilingTable TABLE = new CeilingTable("SE2321000016-39KJ", List.of(
            ceiling("2012-01-01", "1100"), ceiling("2019-01-01", "1150"), ceiling("2022-01-01", "1200"),
            ceiling("2023-01-01", "1300"), ceiling("2024-01-01", "1400"), ceiling("2025-01-01", "1450")));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2012-01-01, 1100",
            "2018-12-31, 1100",
            "2019-01-01, 1150",
            "2021-12-31, 1150",
            "2022-01-01, 1200",
            "2023-06-15, 1300",
            "2024-02-29, 1400",
            "2024-12-31, 1400",
            "2025-01-01, 1450",
            "2099-01-01, 1450",
    })
    void theCeilingOnADateIsTheLatestEntryNotAfterIt(LocalDate date, BigDecimal amount) {
        assertThat(TABLE.limitOn(date)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(amount));
        assertThat(TABLE.requireLimitOn(date)).isEqualByComparingTo(amount);
    }

    @Test
    void noCeilingBeforeTheFirstEntry() {
        assertThat(TABLE.limitOn(LocalDate.of(2011, 12, 31))).isEmpty();
        assertThatThrownBy(() -> TABLE.requireLimitOn(LocalDate.of(2011, 12, 31)))
                .isInstanceOf(NoCeilingException.class)
                .hasMessage("vårdhuvudman SE2321000016-39KJ: inget högkostnadstak gäller 2011-12-31");
    }

    @Test
    void entriesMayComeInAnyOrder() {
        CeilingTable table = new CeilingTable("X", List.of(ceiling("2025-01-01", "1450"), ceiling("2024-01-01", "1400")));

        assertThat(table.requireLimitOn(LocalDate.of(2024, 6, 1))).isEqualByComparingTo("1400");
    }

    @Test
    void refusesDuplicateDatesAndNonPositiveAmounts() {
        assertThatThrownBy(() -> new CeilingTable("X", List.of(ceiling("2024-01-01", "1"), ceiling("2024-01-01", "2"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CeilingTable("X", List.of(ceiling("2024-01-01", "0"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Ceiling ceiling(String date, String amount) {
        return new Ceiling(LocalDate.parse(date), new BigDecimal(amount));
    }
}
