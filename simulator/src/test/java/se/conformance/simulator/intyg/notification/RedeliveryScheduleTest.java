package se.conformance.simulator.intyg.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Webcert's standard redelivery template, {@code 30#1:m,5:m,1:h,6:h,12:h,1:d}, as a table. */
class RedeliveryScheduleTest {

    private static final RedeliverySchedule STANDARD = RedeliverySchedule.STANDARD;

    @ParameterizedTest(name = "after delivery {0}: wait {1}")
    @CsvSource({
            "1,  PT1M",
            "2,  PT5M",
            "3,  PT1H",
            "4,  PT6H",
            "5,  PT12H",
            "6,  PT24H",
            "7,  PT24H",
            "29, PT24H",
            "30, ",
            "31, "})
    void theStandardSchedule(int delivery, Duration wait) {
        assertThat(STANDARD.waitAfter(delivery).orElse(null)).isEqualTo(wait);
    }

    @Test
    void theStandardScheduleAllowsThirtyDeliveries() {
        assertThat(STANDARD.maxDeliveries()).isEqualTo(30);
        assertThat(STANDARD.waits()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1));
        assertThat(STANDARD).hasToString("30#1:m,5:m,1:h,6:h,12:h,1:d");
        // the whole schedule: 1 min + 5 min + 1 h + 6 h + 12 h + 24 × 1 d between the first and the 30th delivery
        Duration total = Duration.ZERO;
        for (int d = 1; STANDARD.waitAfter(d).isPresent(); d++) total = total.plus(STANDARD.waitAfter(d).get());
        assertThat(total).isEqualTo(Duration.ofDays(24).plusHours(19).plusMinutes(6));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "3#10:s            | 1 | PT10S",
            "3#10:s            | 2 | PT10S",
            "3#10:s            | 3 | ",
            "1#1:d             | 1 | ",
            "' 5 # 2:h , 1:d ' | 1 | PT2H",
            "' 5 # 2:h , 1:d ' | 4 | PT24H"})
    void otherTemplates(String template, int delivery, Duration wait) {
        assertThat(RedeliverySchedule.parse(template).waitAfter(delivery).orElse(null)).isEqualTo(wait);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "30#", "#1:m", "0#1:m", "30#1:x", "30#1m", "30#0:m", "30#1:m,", "30#1:m;5:m",
            "x#1:m", "30#-1:m"})
    void malformedTemplatesAreRefused(String template) {
        assertThatThrownBy(() -> RedeliverySchedule.parse(template)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redelivery template");
    }

    @Test
    void deliveriesCountFromOne() {
        assertThatThrownBy(() -> STANDARD.waitAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
