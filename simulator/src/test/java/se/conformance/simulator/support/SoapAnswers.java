package se.conformance.simulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading a SOAP answer in a test: the one payload element, after checking the envelope around it. */
public final class SoapAnswers {

    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";

    private SoapAnswers() {}

    /** The single element in the {@code soap:Body} of a SOAP 1.1 envelope; an assertion error otherwise. */
    public static Element payloadOf(String body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            Element envelope = doc.getDocumentElement();
            assertThat(envelope.getNamespaceURI()).as("SOAP 1.1 envelope: %s", body).isEqualTo(SOAP_NS);
            Element soapBody = null;
            for (Node n = envelope.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && "Body".equals(e.getLocalName())) soapBody = e;
            }
            assertThat(soapBody).as("soap:Body in %s", body).isNotNull();
            List<Element> payloads = new ArrayList<>();
            for (Node n = soapBody.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) payloads.add(e);
            }
            assertThat(payloads).as("exactly one payload in soap:Body: %s", body).hasSize(1);
            return payloads.get(0);
        } catch (Exception e) {
            throw new AssertionError("not a readable SOAP answer: " + body, e);
        }
    }
}
