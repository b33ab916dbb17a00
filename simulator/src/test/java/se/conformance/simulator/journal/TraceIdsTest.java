package se.conformance.simulator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceIdsTest {

    @ParameterizedTest(name = "{0} ms")
    @CsvSource({"0", "1", "1764038400000", "281474976710655"})
    void versionSevenWithTheTimeInItsFirst48Bits(long millis) {
        UUID id = TraceIds.next(millis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2); // RFC 9562 / 4122 variant
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({"1764038400000, 1764038400001", "1764038400000, 1764038401000", "255, 256", "65535, 65536"})
    void laterMillisecondsSortLaterAsStrings(long earlier, long later) {
        // the journal's index orders the string form
        assertThat(TraceIds.next(earlier).toString()).isLessThan(TraceIds.next(later).toString());
    }

    @org.junit.jupiter.api.Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) ids.add(TraceIds.next(1764038400000L).toString());
        assertThat(ids).hasSize(10_000);
        assertThat(TraceIds.next()).hasSize(36);
    }
}
