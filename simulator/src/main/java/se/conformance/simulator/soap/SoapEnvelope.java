package se.conformance.simulator.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.traversal.DocumentTraversal;
import org.w3c.dom.traversal.NodeFilter;
import org.w3c.dom.traversal.NodeIterator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A parsed SOAP 1.1 request: the single element of the body and the RIV-TA {@code LogicalAddress}
 * header. Anything that is not such an envelope raises a {@link SoapFaultException} that says
 * what is wrong and where.
 */
public final class SoapEnvelope {

    public static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
    public static final String REGISTRY_NS = "urn:riv:itintegration:registry:1";

    private final Element body;
    private final String logicalAddress;

    private SoapEnvelope(Element body, String logicalAddress) {
        this.body = body;
        this.logicalAddress = logicalAddress;
    }

    public static SoapEnvelope parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new SoapFaultException(SoapFaultException.Code.CLIENT, "Tom begäran: en SOAP 1.1-envelope krävs");
        }
        Document doc;
        try {
            doc = SecureXml.documentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw new SoapFaultException(SoapFaultException.Code.CLIENT, SecureXml.explain(e));
        } catch (SAXException | IOException e) {
            throw new SoapFaultException(SoapFaultException.Code.CLIENT, "Inte välformad XML: " + e.getMessage());
        }
        refuseProcessingInstructions(doc);
        Element root = doc.getDocumentElement();
        if (SOAP12_NS.equals(root.getNamespaceURI())) {
            throw new SoapFaultException(SoapFaultException.Code.VERSION_MISMATCH,
                    "SOAP 1.2 stöds inte: tjänsten följer RIV-TA BP 2.1 (SOAP 1.1, namnrymd " + SOAP11_NS + ")");
        }
        if (!SOAP11_NS.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            throw new SoapFaultException(SoapFaultException.Code.VERSION_MISMATCH,
                    "Rotelementet ska vara {" + SOAP11_NS + "}Envelope, men är {" + root.getNamespaceURI() + "}"
                            + root.getLocalName());
        }
        Element header = null;
        Element body = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && SOAP11_NS.equals(e.getNamespaceURI())) {
                if ("Header".equals(e.getLocalName()) && header == null && body == null) header = e;
                else if ("Body".equals(e.getLocalName()) && body == null) body = e;
            }
        }
        if (body == null) {
            throw new SoapFaultException(SoapFaultException.Code.CLIENT, "soap:Body saknas i envelopen");
        }
        Element payload = null;
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (payload != null) {
                    throw new SoapFaultException(SoapFaultException.Code.CLIENT,
                            "soap:Body ska innehålla exakt ett element (document/literal), men innehåller fler");
                }
                payload = e;
            }
        }
        if (payload == null) {
            throw new SoapFaultException(SoapFaultException.Code.CLIENT, "soap:Body är tom");
        }
        return new SoapEnvelope(payload, logicalAddressIn(header));
    }

    /** SOAP 1.1 §3: a SOAP message must not contain processing instructions (e.g. xml-stylesheet). */
    private static void refuseProcessingInstructions(Document doc) {
        NodeIterator it = ((DocumentTraversal) doc).createNodeIterator(doc, NodeFilter.SHOW_PROCESSING_INSTRUCTION, null, false);
        Node pi = it.nextNode();
        if (pi != null) {
            throw new SoapFaultException(SoapFaultException.Code.CLIENT, "Bearbetningsinstruktionen <?" + clip(pi.getNodeName())
                    + " …?> är inte tillåten: en SOAP-begäran får inte innehålla bearbetningsinstruktioner (SOAP 1.1 §3)");
        }
    }

    private static String clip(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }

    private static String logicalAddressIn(Element header) {
        if (header == null) return null;
        for (Node n = header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && REGISTRY_NS.equals(e.getNamespaceURI())
                    && "LogicalAddress".equals(e.getLocalName())) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    /** The one element of the SOAP body: the operation's request. */
    public Element payload() {
        return body;
    }

    /**
     * The care principal and person the payload names, with {@link PayloadFields}'s keys and rules (first
     * {@code carePrincipalId}; first {@code personId}, or the {@code extension} of {@code person-id} /
     * {@code patientPerson-id}), for the journal's index.
     */
    public java.util.Map<String, String> indexFields() {
        return PayloadFields.of(body);
    }

    /** The {@code LogicalAddress} header, or {@code null} when the request has none. */
    public String logicalAddress() {
        return logicalAddress;
    }
}
