package se.conformance.simulator.soap;

/**
 * A request the dispatcher cannot treat as a call of the operation (not XML, not a SOAP 1.1
 * envelope, no body …). Answered as a SOAP 1.1 fault, HTTP 500, as RIV-TA BP 2.1 prescribes.
 */
public final class SoapFaultException extends RuntimeException {

    /** SOAP 1.1 fault codes used by the simulator. */
    public enum Code {
        VERSION_MISMATCH("VersionMismatch"), CLIENT("Client"), SERVER("Server");

        final String localName;

        Code(String localName) {
            this.localName = localName;
        }
    }

    private final Code code;

    public SoapFaultException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
