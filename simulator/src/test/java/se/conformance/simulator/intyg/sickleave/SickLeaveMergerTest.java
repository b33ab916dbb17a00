package se.conformance.simulator.intyg.sickleave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.intyg.IntygCommands.SickLeavePeriod;
import se.conformance.simulator.intyg.sickleave.SickLeaveMerger.Case;
import se.conformance.simulator.intyg.sickleave.SickLeaveMerger.CertificatePeriods;

class SickLeaveMergerTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    /**
     * Certificates as "id=grade:start..end+grade:start..end" separated by spaces (signed in that order); the cases
     * as "start..end/days/grade/ids" separated by spaces.
     */
    @ParameterizedTest(name = "max {1}: {0} → {2}")
    @CsvSource(delimiter = '|', value = {
            "a=HELT_NEDSATT:2025-03-01..2025-03-14                                  | 5 | 2025-03-01..2025-03-14/14/HELT_NEDSATT/a",
            "a=HELT_NEDSATT:2025-03-01..2025-03-05 b=HALFTEN:2025-03-11..2025-03-20 | 5 | 2025-03-01..2025-03-20/15/HALFTEN/a,b",
            "a=HELT_NEDSATT:2025-03-01..2025-03-05 b=HALFTEN:2025-03-12..2025-03-20 | 5 | 2025-03-01..2025-03-05/5/HELT_NEDSATT/a 2025-03-12..2025-03-20/9/HALFTEN/b",
            "a=HELT_NEDSATT:2025-03-01..2025-03-05 b=HALFTEN:2025-03-06..2025-03-20 | 0 | 2025-03-01..2025-03-20/20/HALFTEN/a,b",
            "a=HELT_NEDSATT:2025-03-01..2025-03-05 b=HALFTEN:2025-03-07..2025-03-20 | 0 | 2025-03-01..2025-03-05/5/HELT_NEDSATT/a 2025-03-07..2025-03-20/14/HALFTEN/b",
            "a=HELT_NEDSATT:2025-03-01..2025-03-10 b=HALFTEN:2025-03-05..2025-03-12 | 0 | 2025-03-01..2025-03-12/12/HALFTEN/a,b",
            "a=HELT_NEDSATT:2025-03-01..2025-03-07+HALFTEN:2025-03-08..2025-03-21  | 3 | 2025-03-01..2025-03-21/21/HALFTEN/a",
            "b=HALFTEN:2025-04-01..2025-04-10 a=HELT_NEDSATT:2025-02-01..2025-02-10 | 100 | 2025-02-01..2025-04-10/20/HALFTEN/a,b",
    })
    void cases(String certificates, int maxDaysBetween, String expected) {
        List<CertificatePeriods> input = new ArrayList<>();
        int minute = 0;
        for (String cert : certificates.trim().split("\\s+")) {
            String[] idAndPeriods = cert.split("=");
            List<SickLeavePeriod> periods = new ArrayList<>();
            for (String p : idAndPeriods[1].split("\\+")) {
                String[] gradeAndDates = p.split(":");
                String[] dates = gradeAndDates[1].split("\\.\\.");
                periods.add(new SickLeavePeriod(gradeAndDates[0], LocalDate.parse(dates[0]), LocalDate.parse(dates[1])));
            }
            input.add(new CertificatePeriods(idAndPeriods[0], LocalDateTime.of(2025, 1, 1, 8, minute++), "doc", "Doktor",
                    "J20-" + idAndPeriods[0], periods));
        }
        List<String> cases = SickLeaveMerger.merge(input, maxDaysBetween, TODAY).stream()
                .map(c -> c.start() + ".." + c.end() + "/" + c.days() + "/" + c.grade() + "/"
                        + String.join(",", c.certificateIds().stream().sorted().toList()))
                .toList();
        assertThat(String.join(" ", cases)).isEqualTo(expected.trim());
    }

    @Test
    void theLatestSignedCertificateGivesDiagnosisAndDoctor() {
        CertificatePeriods early = new CertificatePeriods("a", LocalDateTime.of(2025, 3, 1, 8, 0), "doc-a", "A", "J20",
                List.of(new SickLeavePeriod("HELT_NEDSATT", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 20))));
        CertificatePeriods late = new CertificatePeriods("b", LocalDateTime.of(2025, 3, 5, 8, 0), "doc-b", "B", "F32",
                List.of(new SickLeavePeriod("HALFTEN", LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 4))));
        Case c = SickLeaveMerger.merge(List.of(late, early), 5, TODAY).get(0);
        assertThat(c.latest().certificateId()).isEqualTo("b");
        assertThat(c.grade()).as("the period covering today").isEqualTo("HELT_NEDSATT");
        assertThat(c.activeOn(TODAY)).isTrue();
        assertThat(c.activeOn(LocalDate.of(2025, 3, 21))).isFalse();
        assertThatThrownBy(() -> SickLeaveMerger.merge(List.of(), -1, TODAY)).isInstanceOf(IllegalArgumentException.class);
    }
}
