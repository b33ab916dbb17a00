package se.conformance.simulator.intyg.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.intyg.IntygCommands.IntygId;
import se.conformance.simulator.intyg.IntygCommands.MessageRef;
import se.conformance.simulator.intyg.IntygCommands.SendMessageToRecipient;
import se.conformance.simulator.intyg.message.RecipientMessageValidator.Facts;

class RecipientMessageValidatorTest {

    private static final String PATIENT = "191212121212";

    private static SendMessageToRecipient message(String amne, String paminnelse, String svarPa, LocalDate sista) {
        return new SendMessageToRecipient("m1", null, LocalDateTime.of(2025, 3, 10, 8, 0), new IntygId("unit", "c"), PATIENT,
                "FKASSA", amne, null, "text", paminnelse, svarPa == null ? null : new MessageRef(svarPa, null), "doc",
                "Doktor", sista);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "valid; ",
            "bad amne; Invalid amneskod",
            "answer with date; SistaDatumForSvar is only valid on Questions",
            "id taken; MeddelandeId is not globally unique",
            "reminder id without PAMINN; paminnelseMeddelandeId should only be present if amne is PAMINN",
            "PAMINN without reminder id; PAMINN should define paminnelseMeddelandeId",
            "reminded unknown; Paminnelse Meddelande does not exist",
            "answered unknown; SvarPa Meddelande does not exist",
            "answer other amne; Svar amne is not consistent with question",
            "other patient; PatientPersonId is not consistent with certificate",
            "not sent; Certificate is not sent to recipient",
            "two faults; Invalid amneskod | Certificate is not sent to recipient",
    })
    void checks(String situation, String expected) {
        SendMessageToRecipient m = message("KONTKT", null, null, null);
        Facts f = new Facts(false, Optional.empty(), Optional.empty(), PATIENT, true);
        switch (situation) {
            case "valid" -> { }
            case "bad amne" -> m = message("FRAGA", null, null, null);
            case "answer with date" -> {
                m = message("KONTKT", null, "q", LocalDate.of(2025, 4, 1));
                f = new Facts(false, Optional.empty(), Optional.of("KONTKT"), PATIENT, true);
            }
            case "id taken" -> f = new Facts(true, Optional.empty(), Optional.empty(), PATIENT, true);
            case "reminder id without PAMINN" -> {
                m = message("KONTKT", "q", null, null);
                f = new Facts(false, Optional.of("KONTKT"), Optional.empty(), PATIENT, true);
            }
            case "PAMINN without reminder id" -> m = message("PAMINN", null, null, null);
            case "reminded unknown" -> m = message("PAMINN", "q", null, null);
            case "answered unknown" -> m = message("KONTKT", null, "q", null);
            case "answer other amne" -> {
                m = message("KONTKT", null, "q", null);
                f = new Facts(false, Optional.empty(), Optional.of("OVRIGT"), PATIENT, true);
            }
            case "other patient" -> f = new Facts(false, Optional.empty(), Optional.empty(), "197502024560", true);
            case "not sent" -> f = new Facts(false, Optional.empty(), Optional.empty(), PATIENT, false);
            case "two faults" -> {
                m = message("FRAGA", null, null, null);
                f = new Facts(false, Optional.empty(), Optional.empty(), PATIENT, false);
            }
            default -> throw new IllegalArgumentException(situation);
        }
        assertThat(String.join(" | ", RecipientMessageValidator.validate(m, f)))
                .isEqualTo(expected == null ? "" : expected.trim());
    }
}
