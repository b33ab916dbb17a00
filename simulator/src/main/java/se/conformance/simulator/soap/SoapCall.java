package se.conformance.simulator.soap;

/**
 * Facts of one SOAP call that are outside the contract body.
 *
 * @param traceId        id of this exchange in the journal, also returned as header {@code x-trace-id}
 * @param logicalAddress the RIV-TA {@code LogicalAddress} header
 * @param consumerHsaId  the calling system, from RIV-TA header {@code x-rivta-original-serviceconsumer-hsaid}
 *                       ({@code null} when absent)
 */
public record SoapCall(String traceId, String logicalAddress, String consumerHsaId) {}
