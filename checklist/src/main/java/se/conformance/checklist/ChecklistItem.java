package se.conformance.checklist;

import java.util.List;
import java.util.Optional;

/**
 * One requirement of the approval checklist, with a stable id.
 *
 * @param id           stable id matching {@code [A-Z]{3}-[A-Z]{2,5}-[0-9]{3}}, never reused
 * @param title        short title, Swedish and English
 * @param description  what passes
 * @param service      the service the item concerns, or {@link Service#GENERAL}
 * @param role         the vendor system's side, {@link Role#NONE} for attestations and documents
 * @param contracts    the operations the item exercises; empty for attestations and documents
 * @param processStep  id of eHälsomyndigheten's process step the item belongs to
 * @param ineraStep    id of Inera's connection step, {@code null} when the item has none
 * @param requiredFrom the lowest approval level (1..5) from which the item is required
 * @param evidence     what proves the item
 * @param source       where the requirement comes from (sections of the research notes)
 */
public record ChecklistItem(
        String id,
        LocalizedText title,
        String description,
        Service service,
        Role role,
        List<String> contracts,
        String processStep,
        String ineraStep,
        int requiredFrom,
        Evidence evidence,
        String source) {

    public ChecklistItem {
        contracts = List.copyOf(contracts);
    }

    /** Inera's connection step of this item, if it has one. */
    public Optional<String> ineraStepId() {
        return Optional.ofNullable(ineraStep);
    }
}
