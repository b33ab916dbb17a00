package se.conformance.simulator.journal;

import java.time.Instant;

/**
 * One exchange as the journal keeps it.
 *
 * @param seq            position in the journal, increasing in arrival order
 * @param traceId        the exchange's id, also sent to the caller as header {@code x-trace-id}
 * @param direction      {@code INBOUND} (a vendor called the simulator) or {@code OUTBOUND}
 * @param simulatedTime  the simulator clock's time of the exchange
 * @param wallTime       the real time of the exchange
 * @param caller         the calling system's HSA-id as the simulator established it (null: anonymous)
 * @param validation     VALID, INVALID or NOT_CHECKED (a fault rule answered, or no envelope)
 * @param resultCode     the contract result code, or SOAP_FAULT / DROPPED
 * @param durationMillis time from request received to response sent
 * @param callerKind     how {@code caller} was established: AUTHENTICATED (client certificate) or DECLARED
 *                       (RIV-TA header, quickstart); null for anonymous and outbound calls
 */
public record JournalEntry(long seq, String traceId, String direction, String service, String operation,
        Instant simulatedTime, Instant wallTime, String caller, String clientAddress, String logicalAddress,
        String carePrincipalId, String personId, String validation, String validationText, String resultCode,
        String faultText, String faultRuleId, Integer httpStatus, Integer durationMillis, String requestBody,
        String responseBody, String callerKind) {}
