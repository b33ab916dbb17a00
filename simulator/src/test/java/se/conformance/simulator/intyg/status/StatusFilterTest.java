package se.conformance.simulator.intyg.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StatusFilterTest {

    private static final LocalDateTime T = LocalDateTime.of(2025, 3, 10, 8, 0);

    /** RECEIV/HSVARD, SENTTO/FKASSA, SENTTO/TRANSP, DELETE/INVANA, RESTOR/INVANA, CANCEL/HSVARD. */
    private static final List<CertificateStatus> HISTORY = List.of(
            new CertificateStatus(StatusCode.RECEIV, "HSVARD", T),
            new CertificateStatus(StatusCode.SENTTO, "FKASSA", T),
            new CertificateStatus(StatusCode.SENTTO, "TRANSP", T),
            new CertificateStatus(StatusCode.DELETE, "INVANA", T),
            new CertificateStatus(StatusCode.RESTOR, "INVANA", T),
            new CertificateStatus(StatusCode.CANCEL, "HSVARD", T));

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource(delimiter = '|', value = {
            "INVANA | RECEIV/HSVARD SENTTO/FKASSA SENTTO/TRANSP DELETE/INVANA RESTOR/INVANA CANCEL/HSVARD",
            "HSVARD | RECEIV/HSVARD SENTTO/FKASSA SENTTO/TRANSP CANCEL/HSVARD",
            "FKASSA | RECEIV/HSVARD SENTTO/FKASSA CANCEL/HSVARD",
            "TRANSP | RECEIV/HSVARD SENTTO/TRANSP CANCEL/HSVARD",
            "SKV    | RECEIV/HSVARD CANCEL/HSVARD",
    })
    void whatEachPartSees(String part, String expected) {
        List<String> seen = StatusFilter.visibleTo(part.trim(), HISTORY).stream()
                .map(s -> s.status() + "/" + s.part()).toList();
        assertThat(seen).isEqualTo(Arrays.asList(expected.trim().split(" ")));
    }

    @Test
    void derivedStates() {
        assertThat(StatusFilter.revoked(HISTORY)).isTrue();
        assertThat(StatusFilter.revoked(HISTORY.subList(0, 5))).isFalse();
        assertThat(StatusFilter.archived(HISTORY.subList(0, 4))).isTrue();
        assertThat(StatusFilter.archived(HISTORY)).as("restored after the archiving").isFalse();
        assertThat(StatusFilter.sentTo(HISTORY, "TRANSP")).isTrue();
        assertThat(StatusFilter.sentTo(HISTORY, "SKV")).isFalse();
        assertThat(StatusFilter.recipients(List.of(HISTORY.get(1), HISTORY.get(2), HISTORY.get(1))))
                .containsExactly("FKASSA", "TRANSP");
    }
}
