package se.conformance.simulator.intyg.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.intyg.IntygCommands.CreateDraftCertificate;
import se.conformance.simulator.intyg.IntygCommands.Patient;

class DraftRequestRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "complete; 191212121212; Tolvan; Tolvansson; Ajla Doktor; doc; Enhet; unit; ",
            "samordningsnummer; 197010632391; Sam; Ordningsson; Ajla Doktor; doc; Enhet; unit; ",
            "no efternamn; 191212121212; Tolvan; ; Ajla Doktor; doc; Enhet; unit; efternamn is required",
            "blank fornamn; 191212121212; ' '; Tolvansson; Ajla Doktor; doc; Enhet; unit; At least one fornamn is required",
            "no personId; ; Tolvan; Tolvansson; Ajla Doktor; doc; Enhet; unit; personId is required",
            "bad checksum; 191212121213; Tolvan; Tolvansson; Ajla Doktor; doc; Enhet; unit; personId is not a valid personnummer or samordningsnummer",
            "with dash; 19121212-1212; Tolvan; Tolvansson; Ajla Doktor; doc; Enhet; unit; personId is not a valid personnummer or samordningsnummer",
            "no doctor name; 191212121212; Tolvan; Tolvansson; ; doc; Enhet; unit; Physicians full name is required",
            "no doctor id; 191212121212; Tolvan; Tolvansson; Ajla Doktor; ; Enhet; unit; Physicians hsaId is required",
            "no unit name; 191212121212; Tolvan; Tolvansson; Ajla Doktor; doc; ; unit; enhetsnamn is required",
            "no unit id; 191212121212; Tolvan; Tolvansson; Ajla Doktor; doc; Enhet; ; enhetsId is required",
            "two; 191212121212; ; ; Ajla Doktor; doc; Enhet; unit; efternamn is required | At least one fornamn is required",
    })
    void checks(String situation, String personId, String fornamn, String efternamn, String doctorName, String doctorId,
            String unitName, String unitId, String expected) {
        CreateDraftCertificate cmd = new CreateDraftCertificate("LISJP", new Patient(personId,
                fornamn == null ? List.of() : List.of(fornamn), null, efternamn), doctorId, doctorName, unitId, unitName,
                null, null);
        assertThat(String.join(" | ", DraftRequestRule.missingOrInvalid(cmd))).isEqualTo(expected == null ? "" : expected);
    }
}
