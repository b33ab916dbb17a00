package se.conformance.vendor.intyg;

import se.conformance.vendor.soap.SoapCall;
import se.conformance.vendor.soap.SoapClient;

/**
 * Calls to Webcert and Intygstjänsten at
 * {@code <base>/clinicalprocess/healthcond/certificate/<Op>/<major>/rivtabp21}; LogicalAddress =
 * Intygstjänsten's (5565594230).
 */
public final class IntygClient {

    public static final String LOGICAL_ADDRESS = "5565594230";
    public static final String CORE = "urn:riv:clinicalprocess:healthcond:certificate:3";
    public static final String TYPES = "urn:riv:clinicalprocess:healthcond:certificate:types:3";
    public static final String EXT32 = "urn:riv:clinicalprocess:healthcond:certificate:3.2";

    private final SoapClient soap;
    private final String baseUrl;

    public IntygClient(SoapClient soap, String baseUrl) {
        this.soap = soap;
        this.baseUrl = baseUrl;
    }

    public static String responderNs(String op, int major) {
        return "urn:riv:clinicalprocess:healthcond:certificate:" + op + "Responder:" + major;
    }

    private String url(String op, int major) {
        return baseUrl + "/clinicalprocess/healthcond/certificate/" + op + "/" + major + "/rivtabp21";
    }

    /** Calls {@code op} with a payload whose root is {@code <r:op>} (namespaces r, c, t, m1 declared here). */
    public SoapCall call(String op, int major, String innerXml) {
        String payload = "<r:" + op + " xmlns:r=\"" + responderNs(op, major) + "\" xmlns:c=\"" + CORE + "\" xmlns:t=\""
                + TYPES + "\" xmlns:m1=\"" + EXT32 + "\">" + innerXml + "</r:" + op + ">";
        return soap.call(url(op, major), responderNs(op, major) + ":" + op, LOGICAL_ADDRESS, payload);
    }

    /** Posts a whole envelope (RegisterCertificate from its template). */
    public SoapCall post(String op, int major, String envelope) {
        return soap.post(url(op, major), responderNs(op, major) + ":" + op, envelope);
    }
}
