package se.conformance.simulator.intyg.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.conformance.simulator.intyg.IntygCommands.SendMessageToCare;

/**
 * Intygstjänsten's validation of SendMessageToCare 2 before it forwards the message to care (intyg.md
 * §7.4). Every check runs and every failure is listed, in this order, each starting with the real
 * validator's error token:
 * <ol>
 *   <li>{@code skickatAv.part.code} is a known recipient: {@code SkickatAv part code X is not valid};</li>
 *   <li>{@code amne} is KOMPLT, AVSTMN, KONTKT, OVRIGT or PAMINN: {@code SUBJECT_NOT_SUPPORTED_ERROR};</li>
 *   <li>an answer ({@code svarPa}) has no {@code sistaDatumForSvar}: {@code MESSAGE_TYPE_CONSISTENCY_ERROR};</li>
 *   <li>{@code komplettering} only with amne KOMPLT: {@code KOMPLETTERING_INCONSISTENCY_ERROR};</li>
 *   <li>{@code meddelande-id} non-empty and globally unique: {@code MEDDELANDE_ID_NOT_UNIQUE_ERROR};</li>
 *   <li>PAMINN if and only if {@code paminnelseMeddelande-id}: {@code PAMINNELSE_ID_INCONSISTENCY_ERROR}; the
 *       reminded message exists: {@code REFERENCED_MESSAGE_NOT_FOUND_ERROR};</li>
 *   <li>{@code svarPa} references an existing message ({@code REFERENCED_MESSAGE_NOT_FOUND_ERROR}) with the
 *       same amne, unless this message is a PAMINN ({@code SUBJECT_CONSISTENCY_ERROR});</li>
 *   <li>the certificate exists ({@code CERTIFICATE_NOT_FOUND_ERROR}) and belongs to
 *       {@code patientPerson-id} ({@code CIVIC_REGISTRATION_NUMBER_INCONSISTENCY_ERROR});</li>
 *   <li>it is not a test certificate: {@code TEST_CERTIFICATE}.</li>
 * </ol>
 * The words after each token are ours (the research names only the tokens).
 */
public final class CareMessageValidator {
    private CareMessageValidator() {}

    /** What the validator needs to know from the store. */
    public record Facts(boolean senderKnown, boolean meddelandeIdTaken, Optional<String> remindedAmne,
            Optional<String> answeredAmne, Optional<CertificateFacts> certificate) {}

    /** The certificate as the checks see it. */
    public record CertificateFacts(String patientId, boolean testCertificate) {}

    public static List<String> validate(SendMessageToCare m, Facts facts) {
        List<String> errors = new ArrayList<>();
        if (!facts.senderKnown()) errors.add("SkickatAv part code " + m.sentByPart() + " is not valid");
        Optional<Amne> amne = Amne.parse(m.amne());
        if (amne.isEmpty()) errors.add("SUBJECT_NOT_SUPPORTED_ERROR: amne " + m.amne() + " is not supported");
        if (m.svarPa() != null && m.sistaDatumForSvar() != null) {
            errors.add("MESSAGE_TYPE_CONSISTENCY_ERROR: an answer (svarPa) cannot have sistaDatumForSvar");
        }
        if (!m.complements().isEmpty() && amne.orElse(null) != Amne.KOMPLT) {
            errors.add("KOMPLETTERING_INCONSISTENCY_ERROR: komplettering is only allowed with amne KOMPLT");
        }
        if (m.meddelandeId() == null || m.meddelandeId().isBlank()) {
            errors.add("MEDDELANDE_ID_NOT_UNIQUE_ERROR: Meddelande-id is not a GUID");
        } else if (facts.meddelandeIdTaken()) {
            errors.add("MEDDELANDE_ID_NOT_UNIQUE_ERROR: meddelande-id " + m.meddelandeId() + " is not unique");
        }
        boolean paminn = amne.orElse(null) == Amne.PAMINN;
        boolean reminds = m.paminnelseMeddelandeId() != null;
        if (paminn != reminds) {
            errors.add("PAMINNELSE_ID_INCONSISTENCY_ERROR: paminnelseMeddelande-id goes with amne PAMINN and only with it");
        }
        if (reminds && facts.remindedAmne().isEmpty()) {
            errors.add("REFERENCED_MESSAGE_NOT_FOUND_ERROR: paminnelseMeddelande-id " + m.paminnelseMeddelandeId()
                    + " does not exist");
        }
        if (m.svarPa() != null) {
            if (facts.answeredAmne().isEmpty()) {
                errors.add("REFERENCED_MESSAGE_NOT_FOUND_ERROR: svarPa meddelande-id " + m.svarPa().meddelandeId()
                        + " does not exist");
            } else if (!paminn && !facts.answeredAmne().get().equals(m.amne())) {
                errors.add("SUBJECT_CONSISTENCY_ERROR: amne " + m.amne() + " differs from the question's amne "
                        + facts.answeredAmne().get());
            }
        }
        if (facts.certificate().isEmpty()) {
            errors.add("CERTIFICATE_NOT_FOUND_ERROR: certificate " + extension(m) + " does not exist");
        } else {
            CertificateFacts certificate = facts.certificate().get();
            if (!certificate.patientId().equals(m.patientId())) {
                errors.add("CIVIC_REGISTRATION_NUMBER_INCONSISTENCY_ERROR: patientPerson-id does not match the certificate");
            }
            if (certificate.testCertificate()) {
                errors.add("TEST_CERTIFICATE: certificate " + extension(m) + " is a test certificate");
            }
        }
        return errors;
    }

    /** The resultText wrapper of Intygstjänsten, word for word, around the listed errors. */
    public static String resultText(SendMessageToCare m, List<String> errors) {
        return "Validation of SendMessageToCare failed for message with question id " + m.meddelandeId()
                + " and certificate id " + extension(m) + ". " + errors;
    }

    private static String extension(SendMessageToCare m) {
        return m.certificateId() == null ? null : m.certificateId().extension();
    }
}
