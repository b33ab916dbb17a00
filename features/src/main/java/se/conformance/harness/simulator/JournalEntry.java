package se.conformance.harness.simulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One exchange from the simulator's journal, as {@code GET /control/journal} gives it: the
 * evidence of what a client vendor sent and what it was answered.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JournalEntry(long seq, String traceId, String direction, String service, String operation,
        String simulatedTime, String caller, String logicalAddress, String carePrincipalId, String personId,
        String validation, String validationText, String resultCode, String faultText, String faultRuleId,
        Integer httpStatus, Long durationMillis, String requestBody, String responseBody) {

    public boolean inbound() {
        return "INBOUND".equals(direction);
    }
}
