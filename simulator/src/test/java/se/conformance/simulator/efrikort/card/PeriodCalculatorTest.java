package se.conformance.simulator.efrikort.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.efrikort.EfrikortSeed.Ceiling;
import se.conformance.simulator.efrikort.ceiling.CeilingTable;
import se.conformance.simulator.efrikort.ceiling.NoCeilingException;

class PeriodCalculatorTest {

    private static final CeilingTable CEILINGS = new CeilingTable("SE2321000016-39KJ", List.of(
            ceiling("2012-01-01", "1100"), ceiling("2019-01-01", "1150"), ceiling("2022-01-01", "1200"),
            ceiling("2023-01-01", "1300"), ceiling("2024-01-01", "1400"), ceiling("2025-01-01", "1450")));

    private final PeriodCalculator calculator = new PeriodCalculator(CEILINGS);

    @ParameterizedTest(name = "[{index}] {0}: {1} as of {2}")
    @CsvSource(delimiter = '|', value = {
            // case                          | fees                                              | asOf       | reached | start      | reached on | end        | current | toLimit | expired | later
            "exact crossing                  | 2024-03-01:700 2024-06-01:700                     | 2024-06-01 | true    | 2024-03-01 | 2024-06-01 | 2025-02-28 | 1400    | 0       | 0       | 0",
            "1 kr below                      | 2024-03-01:700 2024-06-01:699                     | 2024-06-01 | false   | 2024-03-01 |            |            | 1399    | 1       | 0       | 0",
            "öre below                       | 2024-03-01:700 2024-06-01:699.99                  | 2024-06-01 | false   | 2024-03-01 |            |            | 1399.99 | 0.01    | 0       | 0",
            "crossing fee above the rest     | 2024-03-01:1300 2024-06-01:200                    | 2024-06-01 | true    | 2024-03-01 | 2024-06-01 | 2025-02-28 | 1500    | -100    | 0       | 0",
            "overcharge after reaching       | 2024-03-01:700 2024-06-01:700 2024-07-01:200      | 2024-07-01 | true    | 2024-03-01 | 2024-06-01 | 2025-02-28 | 1600    | -200    | 0       | 0",
            "overcharge on the end date      | 2024-03-01:1400 2025-02-28:100                    | 2025-02-28 | true    | 2024-03-01 | 2024-03-01 | 2025-02-28 | 1500    | -100    | 0       | 0",
            "a fee after the end is later    | 2024-03-01:1400 2025-03-01:100                    | 2025-03-01 | true    | 2024-03-01 | 2024-03-01 | 2025-02-28 | 1400    | 0       | 0       | 1",
            "leap day start                  | 2024-02-29:1400                                   | 2024-02-29 | true    | 2024-02-29 | 2024-02-29 | 2025-02-28 | 1400    | 0       | 0       | 0",
            "leap day window edge            | 2024-02-29:750 2025-02-28:700                     | 2025-02-28 | true    | 2024-02-29 | 2025-02-28 | 2025-02-28 | 1450    | 0       | 0       | 0",
            "window ends on a leap day       | 2023-03-01:700 2024-02-29:700                     | 2024-02-29 | true    | 2023-03-01 | 2024-02-29 | 2024-02-29 | 1400    | 0       | 0       | 0",
            "month end start                 | 2023-01-31:1300                                   | 2023-01-31 | true    | 2023-01-31 | 2023-01-31 | 2024-01-30 | 1300    | 0       | 0       | 0",
            "below on 1 Jan: new amount      | 2024-06-01:700 2025-01-10:700                     | 2025-01-10 | false   | 2024-06-01 |            |            | 1400    | 50      | 0       | 0",
            "reached before 1 Jan: kept      | 2024-06-01:700 2024-12-31:700                     | 2025-01-10 | true    | 2024-06-01 | 2024-12-31 | 2025-05-31 | 1400    | 0       | 0       | 0",
            "new amount reached in 2025      | 2024-06-01:700 2025-01-10:700 2025-01-20:50       | 2025-01-20 | true    | 2024-06-01 | 2025-01-20 | 2025-05-31 | 1450    | 0       | 0       | 0",
            "below in 2024, shown in 2025    | 2024-06-01:1000                                   | 2025-01-02 | false   | 2024-06-01 |            |            | 1000    | 450     | 0       | 0",
            "sliding: an old fee expires     | 2023-03-01:1000 2024-03-01:300                    | 2024-03-01 | false   | 2024-03-01 |            |            | 300     | 1100    | 1       | 0",
            "sliding: window start inclusive | 2023-03-02:1000 2024-03-01:400                    | 2024-03-01 | true    | 2023-03-02 | 2024-03-01 | 2024-03-01 | 1400    | 0       | 0       | 0",
            "sliding: expired before reaching| 2023-01-15:800 2023-06-01:300 2024-02-01:1000     | 2024-02-01 | false   | 2023-06-01 |            |            | 1300    | 100     | 1       | 0",
            "sliding to asOf                 | 2024-01-10:500                                    | 2025-01-10 | false   |            |            |            | 0       | 1450    | 1       | 0",
            "one day before sliding out      | 2024-01-10:500                                    | 2025-01-09 | false   | 2024-01-10 |            |            | 500     | 950     | 0       | 0",
            "no fees                         |                                                   | 2025-01-09 | false   |            |            |            | 0       | 1450    | 0       | 0",
            "unordered input                 | 2024-06-01:700 2024-03-01:700                     | 2024-06-01 | true    | 2024-03-01 | 2024-06-01 | 2025-02-28 | 1400    | 0       | 0       | 0",
    })
    void evaluate(String name, String fees, LocalDate asOf, boolean reached, LocalDate start, LocalDate reachedOn,
            LocalDate end, BigDecimal current, BigDecimal toLimit, int expired, int later) {
        Evaluation e = calculator.evaluate(Fees.parse(fees), asOf);

        assertThat(e.reached()).as("reached").isEqualTo(reached);
        assertThat(e.startDate()).as("startDate").isEqualTo(start);
        assertThat(e.preliminaryCardDate()).as("preliminaryCardDate").isEqualTo(reachedOn);
        assertThat(e.endDate()).as("endDate").isEqualTo(end);
        assertThat(e.currentAmount()).as("currentAmount").isEqualByComparingTo(current);
        assertThat(e.amountToLimit()).as("amountToLimit").isEqualByComparingTo(toLimit);
        assertThat(e.expired()).as("expired").hasSize(expired);
        assertThat(e.later()).as("later").hasSize(later);
        assertThat(e.overcharged()).as("overcharged").isEqualTo(toLimit.signum() < 0);
    }

    @Test
    void theCrossingFeeIsTheOneThatReachesTheCeiling() {
        List<Fee> fees = Fees.parse("2024-03-01:600 2024-06-01:600 2024-06-01:600 2024-07-01:600");

        Evaluation e = calculator.evaluate(fees, LocalDate.of(2024, 7, 1));

        assertThat(e.crossingFee().transactionId()).isEqualTo("t3"); // same date: first registered first
        assertThat(e.counted()).extracting(Fee::transactionId).containsExactly("t1", "t2", "t3", "t4");
    }

    @Test
    void noCeilingOnAFeeDateIsAnError() {
        assertThatThrownBy(() -> calculator.evaluate(Fees.parse("2011-06-01:100"), LocalDate.of(2011, 6, 1)))
                .isInstanceOf(NoCeilingException.class)
                .hasMessageContaining("2011-06-01");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // case                   | fees                                                        | limit | current | toLimit | expired | later
            "fee-reached, final       | 2024-02-01:100 2024-03-01:1400 2024-08-01:100 2025-03-01:50 | 1400  | 1500    | -100    | 1       | 1",
            "registered card, no fees |                                                             |       | 0       | 0       | 0       | 0",
            "registered card, a fee   | 2024-08-01:100                                              |       | 100     | -100    | 0       | 0",
    })
    void evaluateFixed(String name, String fees, BigDecimal limit, BigDecimal current, BigDecimal toLimit, int expired,
            int later) {
        FixedPeriod period = new FixedPeriod(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 1), LocalDate.of(2025, 2, 28));

        Evaluation e = PeriodCalculator.evaluateFixed(Fees.parse(fees), period, limit);

        assertThat(e.reached()).isTrue();
        assertThat(e.startDate()).isEqualTo(period.startDate());
        assertThat(e.endDate()).isEqualTo(period.endDate());
        assertThat(e.currentAmount()).isEqualByComparingTo(current);
        assertThat(e.amountToLimit()).isEqualByComparingTo(toLimit);
        assertThat(e.expired()).hasSize(expired);
        assertThat(e.later()).hasSize(later);
    }

    private static Ceiling ceiling(String date, String amount) {
        return new Ceiling(LocalDate.parse(date), new BigDecimal(amount));
    }
}
