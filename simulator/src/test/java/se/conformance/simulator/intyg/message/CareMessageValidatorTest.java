package se.conformance.simulator.intyg.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.intyg.IntygCommands.Complement;
import se.conformance.simulator.intyg.IntygCommands.IntygId;
import se.conformance.simulator.intyg.IntygCommands.MessageEndpoint;
import se.conformance.simulator.intyg.IntygCommands.MessageRef;
import se.conformance.simulator.intyg.IntygCommands.SendMessageToCare;
import se.conformance.simulator.intyg.message.CareMessageValidator.CertificateFacts;
import se.conformance.simulator.intyg.message.CareMessageValidator.Facts;

class CareMessageValidatorTest {

    private static final String PATIENT = "191212121212";

    private static SendMessageToCare message(String id, String amne, String paminnelse, String svarPa, LocalDate sista,
            List<Complement> complements) {
        return new SendMessageToCare(MessageEndpoint.INTYGSTJANSTEN, id, null, LocalDateTime.of(2025, 3, 10, 8, 0),
                new IntygId("unit", "cert-1"), PATIENT, "unit", amne, null, "text", paminnelse,
                svarPa == null ? null : new MessageRef(svarPa, null), "FKASSA", List.of(), complements, sista);
    }

    private static Facts facts() {
        return new Facts(true, false, Optional.empty(), Optional.empty(), Optional.of(new CertificateFacts(PATIENT, false)));
    }

    /** One deviation from a valid message per row; the errors expected, joined with " | ". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "valid question; ",
            "unknown sender; SkickatAv part code FKASSA is not valid",
            "bad subject; SUBJECT_NOT_SUPPORTED_ERROR: amne FRAGA is not supported",
            "answer with last date; MESSAGE_TYPE_CONSISTENCY_ERROR: an answer (svarPa) cannot have sistaDatumForSvar",
            "complement items on OVRIGT; KOMPLETTERING_INCONSISTENCY_ERROR: komplettering is only allowed with amne KOMPLT",
            "empty id; MEDDELANDE_ID_NOT_UNIQUE_ERROR: Meddelande-id is not a GUID",
            "taken id; MEDDELANDE_ID_NOT_UNIQUE_ERROR: meddelande-id m1 is not unique",
            "PAMINN without reminded id; PAMINNELSE_ID_INCONSISTENCY_ERROR: paminnelseMeddelande-id goes with amne PAMINN and only with it",
            "reminded id on OVRIGT; PAMINNELSE_ID_INCONSISTENCY_ERROR: paminnelseMeddelande-id goes with amne PAMINN and only with it",
            "reminded message unknown; REFERENCED_MESSAGE_NOT_FOUND_ERROR: paminnelseMeddelande-id q0 does not exist",
            "answered message unknown; REFERENCED_MESSAGE_NOT_FOUND_ERROR: svarPa meddelande-id q0 does not exist",
            "answer on another subject; SUBJECT_CONSISTENCY_ERROR: amne OVRIGT differs from the question's amne KONTKT",
            "reminder answering another subject; ",
            "certificate unknown; CERTIFICATE_NOT_FOUND_ERROR: certificate cert-1 does not exist",
            "other patient; CIVIC_REGISTRATION_NUMBER_INCONSISTENCY_ERROR: patientPerson-id does not match the certificate",
            "test certificate; TEST_CERTIFICATE: certificate cert-1 is a test certificate",
            "other patient on test certificate; CIVIC_REGISTRATION_NUMBER_INCONSISTENCY_ERROR: patientPerson-id does not match the certificate | TEST_CERTIFICATE: certificate cert-1 is a test certificate",
    })
    void checks(String situation, String expected) {
        SendMessageToCare m = message("m1", "OVRIGT", null, null, null, List.of());
        Facts f = facts();
        Optional<CertificateFacts> other = Optional.of(new CertificateFacts("197502024560", false));
        switch (situation) {
            case "valid question" -> { }
            case "unknown sender" -> f = new Facts(false, false, Optional.empty(), Optional.empty(), f.certificate());
            case "bad subject" -> m = message("m1", "FRAGA", null, null, null, List.of());
            case "answer with last date" -> {
                m = message("m1", "OVRIGT", null, "q0", LocalDate.of(2025, 4, 1), List.of());
                f = new Facts(true, false, Optional.empty(), Optional.of("OVRIGT"), f.certificate());
            }
            case "complement items on OVRIGT" -> m = message("m1", "OVRIGT", null, null, null,
                    List.of(new Complement("1", null, "x")));
            case "empty id" -> m = message("", "OVRIGT", null, null, null, List.of());
            case "taken id" -> f = new Facts(true, true, Optional.empty(), Optional.empty(), f.certificate());
            case "PAMINN without reminded id" -> m = message("m1", "PAMINN", null, null, null, List.of());
            case "reminded id on OVRIGT" -> {
                m = message("m1", "OVRIGT", "q0", null, null, List.of());
                f = new Facts(true, false, Optional.of("KOMPLT"), Optional.empty(), f.certificate());
            }
            case "reminded message unknown" -> m = message("m1", "PAMINN", "q0", null, null, List.of());
            case "answered message unknown" -> m = message("m1", "OVRIGT", null, "q0", null, List.of());
            case "answer on another subject" -> {
                m = message("m1", "OVRIGT", null, "q0", null, List.of());
                f = new Facts(true, false, Optional.empty(), Optional.of("KONTKT"), f.certificate());
            }
            case "reminder answering another subject" -> {
                m = message("m1", "PAMINN", "q0", "q0", null, List.of());
                f = new Facts(true, false, Optional.of("KONTKT"), Optional.of("KONTKT"), f.certificate());
            }
            case "certificate unknown" -> f = new Facts(true, false, Optional.empty(), Optional.empty(), Optional.empty());
            case "other patient" -> f = new Facts(true, false, Optional.empty(), Optional.empty(), other);
            case "test certificate" -> f = new Facts(true, false, Optional.empty(), Optional.empty(),
                    Optional.of(new CertificateFacts(PATIENT, true)));
            case "other patient on test certificate" -> f = new Facts(true, false, Optional.empty(), Optional.empty(),
                    Optional.of(new CertificateFacts("197502024560", true)));
            default -> throw new IllegalArgumentException(situation);
        }
        List<String> errors = CareMessageValidator.validate(m, f);
        assertThat(String.join(" | ", errors)).isEqualTo(expected == null ? "" : expected.trim());
    }

    @Test
    void theResultTextWrapsTheList() {
        SendMessageToCare m = message("m1", "OVRIGT", null, null, null, List.of());
        assertThat(CareMessageValidator.resultText(m, List.of("A", "B"))).isEqualTo(
                "Validation of SendMessageToCare failed for message with question id m1 and certificate id cert-1. [A, B]");
    }
}
