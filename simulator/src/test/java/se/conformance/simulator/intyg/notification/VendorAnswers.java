package se.conformance.simulator.intyg.notification;

/** What a vendor's endpoint may answer: SOAP 1.1 responses of any operation, faults, and things that are neither. */
final class VendorAnswers {

    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String CORE = "urn:riv:clinicalprocess:healthcond:certificate:3";
    static final String CSUFC = "urn:riv:clinicalprocess:healthcond:certificate:CertificateStatusUpdateForCareResponder:3";

    private VendorAnswers() {}

    static String ok(String operation) {
        return result(operation, "<c:resultCode>OK</c:resultCode>");
    }

    static String ok() {
        return ok("CertificateStatusUpdateForCare");
    }

    static String info(String text) {
        return result("CertificateStatusUpdateForCare", "<c:resultCode>INFO</c:resultCode><c:resultText>" + text
                + "</c:resultText>");
    }

    static String error(String errorId, String text) {
        return error("CertificateStatusUpdateForCare", errorId, text);
    }

    static String error(String operation, String errorId, String text) {
        return result(operation, "<c:resultCode>ERROR</c:resultCode><c:resultText>" + text + "</c:resultText>"
                + (errorId == null ? "" : "<c:errorId>" + errorId + "</c:errorId>"));
    }

    /** {@code result} of {@code <operation>Response} in the operation's responder namespace. */
    static String result(String operation, String resultContent) {
        return envelope("<r:" + operation + "Response xmlns:r=\"" + namespace(operation) + "\" xmlns:c=\"" + CORE
                + "\"><r:result>" + resultContent + "</r:result></r:" + operation + "Response>");
    }

    static String fault(String faultString) {
        return envelope("<soap:Fault><faultcode>soap:Server</faultcode><faultstring>" + faultString
                + "</faultstring></soap:Fault>");
    }

    static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body>" + body
                + "</soap:Body></soap:Envelope>";
    }

    static String namespace(String operation) {
        int major = switch (operation) {
            case "RevokeCertificate", "SendMessageToRecipient" -> 2;
            default -> 3;
        };
        return "urn:riv:clinicalprocess:healthcond:certificate:" + operation + "Responder:" + major;
    }
}
