package se.conformance.simulator.intyg.notification;

import java.util.List;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.conformance.simulator.soap.ContractSchemas;

/**
 * One request to a vendor, checked against our own responder schema before it may leave: a bug of
 * ours must not reach a vendor as a malformed call. {@code problems} says why it may not be sent;
 * {@code envelope} is the SOAP text (null when there was nothing to build it from). {@code personId}
 * and {@code careProviderId} index the journal entry.
 */
record OutboundRequest(OutboundOperation operation, String logicalAddress, String envelope, List<String> problems,
        String personId, String careProviderId) {

    private static final ContractSchemas SCHEMAS = new ContractSchemas();

    OutboundRequest {
        Objects.requireNonNull(operation, "operation");
        problems = List.copyOf(problems);
    }

    boolean sendable() {
        return envelope != null && problems.isEmpty();
    }

    /** Envelops {@code request} (a document whose root is the request element), validates and writes it. */
    static OutboundRequest prepare(OutboundOperation operation, String logicalAddress, Document request,
            String personId, String careProviderId) {
        Element payload = IntygXml.envelop(request, logicalAddress);
        List<String> violations = SCHEMAS.validate(operation.soapOperation(), payload);
        return new OutboundRequest(operation, logicalAddress, IntygXml.serialize(request), violations, personId,
                careProviderId);
    }

    static OutboundRequest unusable(OutboundOperation operation, String logicalAddress, String problem,
            String personId, String careProviderId) {
        return new OutboundRequest(operation, logicalAddress, null, List.of(problem), personId, careProviderId);
    }

    /** Why it was not sent, for the journal and the outbox. */
    String notSentText() {
        return "not sent: our " + operation.operationName() + " request is invalid: " + String.join("; ", problems);
    }

    /** For reading a vendor's response against the same responder schema. */
    static List<String> validate(OutboundOperation operation, Element response) {
        return SCHEMAS.validate(operation.soapOperation(), response);
    }
}
