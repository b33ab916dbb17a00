package se.conformance.simulator.soap;

import jakarta.xml.bind.JAXBContext;
import java.util.List;
import org.w3c.dom.Element;

/**
 * One national service as seen by the SOAP dispatcher: its operations, its JAXB binding, and a
 * thin mapping from contract requests to domain calls and back. Adapters hold no rules.
 */
public interface ServiceAdapter {

    /** The operations this service answers. */
    List<SoapOperation> operations();

    /**
     * A context that can unmarshal the operation's request and marshal its response. One per
     * operation, so an answer declares only the namespaces of its own contract.
     */
    JAXBContext jaxbContext(SoapOperation operation);

    /**
     * Performs a schema-valid request.
     *
     * @param operation the operation the request was addressed to
     * @param request   the unmarshalled request body (a JAXB object or {@code JAXBElement})
     * @param call      facts of the call the contract does not carry
     * @return the JAXB response object; its result code is read back through {@link #resultCodeOf}
     */
    Object invoke(SoapOperation operation, Object request, SoapCall call);

    /**
     * Whether {@link #invoke(SoapOperation, Object, Element, SoapCall)} reads the request element: only then does
     * the dispatcher build a DOM of it (requests are otherwise read as a stream, straight into JAXB).
     */
    default boolean keepsPayload(SoapOperation operation) {
        return false;
    }

    /**
     * As {@link #invoke(SoapOperation, Object, SoapCall)}, with the schema-valid request element as it
     * arrived, for an adapter that keeps part of a request verbatim (a certificate's XML). The dispatcher
     * calls this one; {@code payload} is {@code null} unless {@link #keepsPayload} says the operation needs it.
     */
    default Object invoke(SoapOperation operation, Object request, Element payload, SoapCall call) {
        return invoke(operation, request, call);
    }

    /**
     * The operation's response carrying only a result: a refusal or a fault rule's canned code.
     *
     * @param resultCode the contract's result code, or {@code VALIDATION_ERROR} for a request that breaks
     *     the schema ({@code resultText} then lists the violations)
     * @param errorId    the contract's error id for a result code that has one (a fault rule's
     *     {@code errorId}); {@code null} when not given, and ignored by contracts without error ids
     * @throws SoapFaultException when the operation answers such a result with a SOAP fault
     */
    Object resultOnly(SoapOperation operation, String resultCode, String errorId, String resultText);

    /** The result code inside a response this adapter built, for the journal. */
    String resultCodeOf(Object response);
}
