package se.conformance.simulator.fault;

/**
 * A rule that makes the simulator misbehave on purpose, so a vendor can prove its system copes:
 * answer a given result code, a SOAP fault, answer late, or drop the connection.
 *
 * <p>A rule applies to calls of {@code operation} (any operation of the service when
 * {@code null}), optionally only for one care principal and/or person, at most {@code count}
 * times ({@code null}: until removed). What it does, in order of precedence: {@code drop}
 * closes the connection without an answer; {@code soapFaultString} answers a SOAP fault;
 * {@code resultCode} answers the operation's response with that code, {@code errorId} (for
 * contracts whose result carries one, e.g. intyg's {@code VALIDATION_ERROR}, {@code APPLICATION_ERROR},
 * {@code TECHNICAL_ERROR}, {@code REVOKED}; only with {@code ERROR}) and {@code resultText} without
 * performing it; otherwise the call is performed normally. {@code delayMillis} delays
 * whatever is answered.
 */
public record FaultRule(String id, String service, String operation, String carePrincipalId, String personId,
        String resultCode, String errorId, String resultText, String soapFaultCode, String soapFaultString,
        Integer delayMillis, boolean drop, Integer count) {

    public boolean performsNormally() {
        return !drop && soapFaultString == null && resultCode == null;
    }
}
