package se.conformance.reports;

import java.util.List;
import se.conformance.approval.level.ItemStatus;
import se.conformance.checklist.LocalizedText;
import se.conformance.checklist.Service;

/**
 * One checklist item in the summary.
 *
 * @param id            the checklist id
 * @param title         its title, Swedish and English
 * @param level         the level it is required from
 * @param service       the service it concerns
 * @param status        the result
 * @param reason        why (failure message, skip reason, who attested); empty when passed silently
 * @param applicability why the item is in or out for this system
 * @param traceIds      the simulator's trace ids of the exchanges that prove it
 * @param deviation     the declared deviation for this item, {@code null} when there is none
 */
public record ItemOutcome(String id, LocalizedText title, int level, Service service, ItemStatus status,
        String reason, String applicability, List<String> traceIds, DeviationOutcome deviation) {

    public ItemOutcome {
        traceIds = List.copyOf(traceIds);
    }
}
