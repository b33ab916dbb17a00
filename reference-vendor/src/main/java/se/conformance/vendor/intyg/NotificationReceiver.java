package se.conformance.vendor.intyg;

import java.io.IOException;
import java.net.URL;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import se.conformance.vendor.VendorState;
import se.conformance.vendor.VendorState.Certificate;
import se.conformance.vendor.VendorState.Notification;
import se.conformance.vendor.defect.Defect;
import se.conformance.vendor.soap.SoapClient;
import se.conformance.vendor.soap.Xml;

/**
 * The journal's CertificateStatusUpdateForCare v3 producer: parses the request, validates it
 * against the contract schema (responder 3.2, the simulator's own contract file), remembers the
 * event — idempotent by certificate id + event code + tidpunkt (+ subject and question counts) — and answers at once. A request
 * that is not a SOAP 1.1 envelope is a SOAP fault; a schema-invalid one is answered ERROR /
 * VALIDATION_ERROR (which Webcert does not resend). Drafts without answers and events out of order
 * are simply recorded.
 */
public final class NotificationReceiver {

    public static final String RESPONDER = "urn:riv:clinicalprocess:healthcond:certificate:CertificateStatusUpdateForCareResponder:3";
    public static final String CORE = "urn:riv:clinicalprocess:healthcond:certificate:3";
    public static final String SCHEMA = "/contracts/intyg/interactions/CertificateStatusUpdateForCareInteraction/"
            + "CertificateStatusUpdateForCareResponder_3.2.xsd";
    static final long SLOW_MILLIS = 3000;

    /** The HTTP status and body to answer. */
    public record Reply(int status, String body) {
    }

    private final VendorState state;
    private final Set<Defect> defects;
    private final Schema schema;

    public NotificationReceiver(VendorState state, Set<Defect> defects) {
        this.state = state;
        this.defects = defects;
        try {
            URL xsd = NotificationReceiver.class.getResource(SCHEMA);
            if (xsd == null) {
                throw new IllegalStateException("contract schema not on the classpath: " + SCHEMA);
            }
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            this.schema = f.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load " + SCHEMA + ": " + e.getMessage(), e);
        }
    }

    public Reply handle(byte[] request) {
        try {
            return answer(request);
        } finally {
            if (defects.contains(Defect.SLOW_NOTIFICATION_ANSWER)) {
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private Reply answer(byte[] request) {
        Document doc;
        try {
            doc = Xml.parse(request);
        } catch (Exception e) {
            return fault("Client", "not a well-formed XML document: " + e.getMessage());
        }
        Element env = doc.getDocumentElement();
        if (!"Envelope".equals(env.getLocalName()) || !SoapClient.SOAP_NS.equals(env.getNamespaceURI())) {
            return fault("Client", "not a SOAP 1.1 envelope");
        }
        Element body = Xml.child(env, "Body").orElse(null);
        Element payload = Xml.children(body).stream().findFirst().orElse(null);
        if (payload == null) {
            return fault("Client", "the SOAP Body is empty");
        }
        if (!"CertificateStatusUpdateForCare".equals(payload.getLocalName()) || !RESPONDER.equals(payload.getNamespaceURI())) {
            return fault("Client", "unexpected payload {" + payload.getNamespaceURI() + "}" + payload.getLocalName());
        }
        try {
            Validator v = schema.newValidator();
            v.validate(new DOMSource(payload));
        } catch (SAXException e) {
            return result("ERROR", "VALIDATION_ERROR", "Ogiltig CertificateStatusUpdateForCare: " + e.getMessage());
        } catch (IOException e) {
            return result("ERROR", "TECHNICAL_ERROR", "Valideringen kunde inte genomföras: " + e.getMessage());
        }
        Element intyg = Xml.child(payload, "intyg").orElseThrow();
        Element handelse = Xml.child(payload, "handelse").orElseThrow();
        String certificateId = Xml.child(intyg, "intygs-id").map(e -> Xml.childText(e, "extension")).orElse(null);
        String code = Xml.child(handelse, "handelsekod").map(e -> Xml.childText(e, "code")).orElse(null);
        String tidpunkt = Xml.childText(handelse, "tidpunkt");
        String amne = Xml.child(handelse, "amne").map(e -> Xml.childText(e, "code")).orElse(null);
        String sistaDatum = Xml.childText(handelse, "sistaDatumForSvar");
        String patient = Xml.child(intyg, "patient").flatMap(p -> Xml.child(p, "person-id"))
                .map(e -> Xml.childText(e, "extension")).orElse(null);
        String unit = Xml.child(intyg, "skapadAv").flatMap(s -> Xml.child(s, "enhet")).flatMap(e -> Xml.child(e, "enhets-id"))
                .map(e -> Xml.childText(e, "extension")).orElse(null);
        String type = Xml.child(intyg, "typ").map(e -> Xml.childText(e, "code")).orElse(null);
        String ref = Xml.childText(payload, "ref");

        state.putCertificateIfAbsent(new Certificate(certificateId, unit, patient, type, ref));
        // a resend is the same event: same certificate, code and tidpunkt — and, since several events
        // may share a tidpunkt on a fixed simulated clock, the same subject and question counts
        String key = String.join("|", certificateId, code, tidpunkt, String.valueOf(amne),
                counts(payload, "skickadeFragor"), counts(payload, "mottagnaFragor"));
        boolean isNew = state.addNotification(new Notification(key,
                certificateId, code, amne, tidpunkt, EventTexts.shown(code, amne, sistaDatum)));
        if (!isNew && defects.contains(Defect.TECHNICAL_ERROR_ON_DUPLICATE)) {
            return result("ERROR", "TECHNICAL_ERROR", "Händelsen " + code + " för intyg " + certificateId + " finns redan");
        }
        return result("OK", null, null);
    }

    private static String counts(Element payload, String name) {
        return Xml.child(payload, name).map(a -> Xml.children(a).stream().map(Xml::text)
                .reduce((x, y) -> x + "/" + y).orElse("")).orElse("");
    }

    private Reply result(String code, String errorId, String text) {
        String resultEl = defects.contains(Defect.RESULT_IN_WRONG_NAMESPACE) ? "c:result" : "r:result";
        StringBuilder r = new StringBuilder();
        r.append('<').append(resultEl).append("><c:resultCode>").append(code).append("</c:resultCode>");
        if (text != null) {
            r.append("<c:resultText>").append(Xml.esc(text)).append("</c:resultText>");
        }
        if (errorId != null) {
            r.append("<c:errorId>").append(errorId).append("</c:errorId>");
        }
        r.append("</").append(resultEl).append('>');
        return new Reply(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + SoapClient.SOAP_NS
                + "\"><soap:Header/><soap:Body><r:CertificateStatusUpdateForCareResponse xmlns:r=\"" + RESPONDER
                + "\" xmlns:c=\"" + CORE + "\">" + r + "</r:CertificateStatusUpdateForCareResponse></soap:Body></soap:Envelope>");
    }

    private static Reply fault(String code, String text) {
        return new Reply(500, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + SoapClient.SOAP_NS
                + "\"><soap:Body><soap:Fault><faultcode>soap:" + code + "</faultcode><faultstring>" + Xml.esc(text)
                + "</faultstring></soap:Fault></soap:Body></soap:Envelope>");
    }
}
