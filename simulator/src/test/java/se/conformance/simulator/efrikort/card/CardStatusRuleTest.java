package se.conformance.simulator.efrikort.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.efrikort.Model.CardStatus;

class CardStatusRuleTest {

    private static final Instant REACHED = Instant.parse("2025-03-10T07:00:00Z");
    private static final LocalDate END = LocalDate.of(2026, 3, 9);

    @ParameterizedTest(name = "reached {0}, delay {1}, now {2} → {3}")
    @CsvSource({
            "false, PT48H, 2025-03-10T07:00:00Z, BELOW_LIMIT",
            "true,  PT48H, 2025-03-10T07:00:00Z, PRELIMINARY",
            "true,  PT48H, 2025-03-12T06:59:59Z, PRELIMINARY",
            "true,  PT48H, 2025-03-12T07:00:00Z, FINAL",
            "true,  PT0S,  2025-03-10T07:00:00Z, FINAL",
            "true,  PT48H, 2026-03-09T21:00:00Z, FINAL",       // 22:00 Swedish time on the end date
            "true,  PT48H, 2026-03-09T23:00:00Z, EXPIRED",     // 00:00 Swedish time the day after
            "true,  P400D, 2026-03-10T12:00:00Z, EXPIRED",     // expiry wins over a preliminary that never ended
    })
    void statusAt(boolean reached, Duration delay, Instant now, CardStatus expected) {
        LocalDate today = LocalDate.ofInstant(now, SimulatedClock.SWEDEN);

        assertThat(CardStatusRule.statusAt(reached ? REACHED : null, delay, reached ? END : null, now, today))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is a valid frikort: {1}")
    @CsvSource({"BELOW_LIMIT, false", "PRELIMINARY, true", "FINAL, true", "EXPIRED, false"})
    void validFrikort(CardStatus status, boolean valid) {
        assertThat(CardStatusRule.isValidFrikort(status)).isEqualTo(valid);
    }
}
