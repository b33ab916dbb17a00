package se.conformance.simulator.intyg.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.conformance.simulator.intyg.IntygCommands.SendMessageToRecipient;

/**
 * Intygstjänsten's validation of SendMessageToRecipient 2 for a known certificate (intyg.md §7.5). Every
 * check runs; the failures are listed with the real texts, in this order: {@code Invalid amneskod};
 * {@code SistaDatumForSvar is only valid on Questions}; {@code MeddelandeId is not globally unique};
 * {@code paminnelseMeddelandeId should only be present if amne is PAMINN};
 * {@code PAMINN should define paminnelseMeddelandeId}; {@code Paminnelse Meddelande does not exist};
 * {@code SvarPa Meddelande does not exist}; {@code Svar amne is not consistent with question};
 * {@code PatientPersonId is not consistent with certificate}; {@code Certificate is not sent to recipient}
 * (the certificate has no SENTTO status).
 */
public final class RecipientMessageValidator {
    private RecipientMessageValidator() {}

    public record Facts(boolean meddelandeIdTaken, Optional<String> remindedAmne, Optional<String> answeredAmne,
            String certificatePatientId, boolean certificateSent) {}

    public static List<String> validate(SendMessageToRecipient m, Facts facts) {
        List<String> errors = new ArrayList<>();
        Optional<Amne> amne = Amne.parse(m.amne());
        if (amne.isEmpty()) errors.add("Invalid amneskod");
        if (m.svarPa() != null && m.sistaDatumForSvar() != null) errors.add("SistaDatumForSvar is only valid on Questions");
        if (facts.meddelandeIdTaken()) errors.add("MeddelandeId is not globally unique");
        boolean paminn = amne.orElse(null) == Amne.PAMINN;
        if (m.paminnelseMeddelandeId() != null && !paminn) {
            errors.add("paminnelseMeddelandeId should only be present if amne is PAMINN");
        }
        if (paminn && m.paminnelseMeddelandeId() == null) errors.add("PAMINN should define paminnelseMeddelandeId");
        if (m.paminnelseMeddelandeId() != null && facts.remindedAmne().isEmpty()) {
            errors.add("Paminnelse Meddelande does not exist");
        }
        if (m.svarPa() != null) {
            if (facts.answeredAmne().isEmpty()) errors.add("SvarPa Meddelande does not exist");
            else if (!facts.answeredAmne().get().equals(m.amne())) errors.add("Svar amne is not consistent with question");
        }
        if (!facts.certificatePatientId().equals(m.patientId())) {
            errors.add("PatientPersonId is not consistent with certificate");
        }
        if (!facts.certificateSent()) errors.add("Certificate is not sent to recipient");
        return errors;
    }

    /** The resultText: the list of failures (our choice of separator: the list's own form, as for SendMessageToCare). */
    public static String resultText(List<String> errors) {
        return errors.toString();
    }
}
