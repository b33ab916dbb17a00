package se.conformance.simulator.intyg.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import se.conformance.simulator.intyg.IntygCommands.Complement;
import se.conformance.simulator.intyg.message.Side;

/** One question, answer or reminder of {@code intyg_message} with its komplettering items. */
public record MessageRow(String meddelandeId, String certificateId, String referensId, LocalDateTime skickatTidpunkt,
        String patientId, String logiskAdressMottagare, String amne, String rubrik, String meddelande,
        String paminnelseMeddelandeId, String svarPaMeddelandeId, String svarPaReferensId, Side sentBySide,
        String sentBy, String sentByName, List<String> kontaktInfo, LocalDate sistaDatumForSvar, boolean handled,
        String handledBy, Instant receivedAt, List<Complement> complements) {

    public MessageRow {
        kontaktInfo = kontaktInfo == null ? List.of() : List.copyOf(kontaktInfo);
        complements = complements == null ? List.of() : List.copyOf(complements);
    }

    /** A question: neither an answer nor a reminder. */
    public boolean question() {
        return svarPaMeddelandeId == null && !"PAMINN".equals(amne);
    }
}
