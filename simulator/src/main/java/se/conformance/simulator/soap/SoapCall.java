package se.conformance.simulator.soap;

import java.util.Objects;
import se.conformance.simulator.caller.CallerIdentity;

/**
 * Facts of one SOAP call that are outside the contract body.
 *
 * @param traceId        id of this exchange in the journal, also returned as header {@code x-trace-id}
 * @param logicalAddress the RIV-TA {@code LogicalAddress} header
 * @param caller         the calling system as the simulator established it ({@link CallerIdentity})
 */
public record SoapCall(String traceId, String logicalAddress, CallerIdentity caller) {

    public SoapCall {
        Objects.requireNonNull(caller, "caller");
    }

    /** The calling system's HSA-id, {@code null} for an anonymous call. */
    public String consumerHsaId() {
        return caller.hsaId();
    }
}
