package se.conformance.simulator.intyg.notification;

import se.conformance.simulator.soap.SoapOperation;

/**
 * The operations the simulator calls on vendor systems: CertificateStatusUpdateForCare 3 on a journal
 * system (as Webcert), and RegisterCertificate 3, RevokeCertificate 2 and SendMessageToRecipient 2 on
 * a recipient (as Intygstjänsten). Each is checked against our own responder schema, in both directions.
 */
enum OutboundOperation {

    CERTIFICATE_STATUS_UPDATE_FOR_CARE("CertificateStatusUpdateForCare", 3, "3.2", "3.2"),
    REGISTER_CERTIFICATE("RegisterCertificate", 3, "3.1", "3.0"),
    REVOKE_CERTIFICATE("RevokeCertificate", 2, "2.1", "2.0"),
    SEND_MESSAGE_TO_RECIPIENT("SendMessageToRecipient", 2, "2.1", "2.0");

    static final String SERVICE = "intyg";
    private static final String DOMAIN = "urn:riv:clinicalprocess:healthcond:certificate:";

    private final String operationName;
    private final String namespace;
    private final SoapOperation soapOperation;

    OutboundOperation(String name, int major, String schemaVersion, String wsdlVersion) {
        this.operationName = name;
        this.namespace = DOMAIN + name + "Responder:" + major;
        String folder = "contracts/intyg/interactions/" + name + "Interaction/";
        this.soapOperation = new SoapOperation(SERVICE, name,
                "/clinicalprocess/healthcond/certificate/" + name + "/" + major + "/rivtabp21", namespace + ":" + name,
                folder + name + "Responder_" + schemaVersion + ".xsd",
                folder + name + "Interaction_" + wsdlVersion + "_RIVTABP21.wsdl");
    }

    /** The operation's name, e.g. {@code CertificateStatusUpdateForCare}: the request's element and the journal's. */
    String operationName() {
        return operationName;
    }

    /** The responder namespace of request and response. */
    String namespace() {
        return namespace;
    }

    String soapAction() {
        return soapOperation.soapAction();
    }

    /** The response element's local name. */
    String responseName() {
        return operationName + "Response";
    }

    /** For {@link se.conformance.simulator.soap.ContractSchemas}: the responder schema holds request and response. */
    SoapOperation soapOperation() {
        return soapOperation;
    }
}
