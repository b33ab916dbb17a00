package se.conformance.approval.level;

import java.util.List;

/**
 * What a run found for one checklist item.
 *
 * @param itemId   the checklist id
 * @param status   the outcome
 * @param reason   why (the failed assertion, the skip reason, "attested by …"); may be empty
 * @param traceIds the simulator's trace ids of the exchanges that prove it (anchors.md §3 item 4)
 */
public record ItemResult(String itemId, ItemStatus status, String reason, List<String> traceIds) {

    public ItemResult {
        reason = reason == null ? "" : reason;
        traceIds = traceIds == null ? List.of() : List.copyOf(traceIds);
    }
}
