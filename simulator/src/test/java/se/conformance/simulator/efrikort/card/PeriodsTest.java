package se.conformance.simulator.efrikort.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodsTest {

    @ParameterizedTest(name = "a period from {0} ends {1}")
    @CsvSource({
            "2022-04-25, 2023-04-24", // 1177 worked example
            "2017-10-13, 2018-10-12", // 1177 worked example
            "2024-02-29, 2025-02-28", // leap day: anniversary is 1 March
            "2024-03-01, 2025-02-28",
            "2023-03-01, 2024-02-29", // ends on a leap day
            "2023-02-28, 2024-02-27",
            "2024-01-01, 2024-12-31",
            "2023-01-31, 2024-01-30",
            "2024-12-31, 2025-12-30",
    })
    void periodEnd(LocalDate start, LocalDate end) {
        assertThat(Periods.endOf(start)).isEqualTo(end);
    }

    @ParameterizedTest(name = "on {0} fees from {1} count")
    @CsvSource({
            "2025-02-28, 2024-02-29",
            "2024-02-29, 2023-03-01",
            "2024-03-01, 2023-03-02",
            "2025-01-10, 2024-01-11",
            "2024-12-31, 2024-01-01",
    })
    void windowStart(LocalDate asOf, LocalDate start) {
        assertThat(Periods.windowStart(asOf)).isEqualTo(start);
    }

    @ParameterizedTest(name = "the window of the last day of a period from {0} reaches back to it")
    @CsvSource({"2024-02-29", "2024-03-01", "2023-03-01", "2023-02-28", "2022-04-25", "2024-01-31"})
    void theWindowOfAPeriodsLastDayContainsItsStart(LocalDate start) {
        assertThat(Periods.windowStart(Periods.endOf(start))).isBeforeOrEqualTo(start);
    }
}
