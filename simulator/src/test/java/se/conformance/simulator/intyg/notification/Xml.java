package se.conformance.simulator.intyg.notification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import se.conformance.simulator.soap.ContractSchemas;
import se.conformance.simulator.soap.SoapEnvelope;

/** Reading requests the simulator sent, for assertions: by paths of local names. */
final class Xml {

    private static final ContractSchemas SCHEMAS = new ContractSchemas();

    private Xml() {}

    static SoapEnvelope envelope(String text) {
        return SoapEnvelope.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The violations of our own schema in the request of {@code envelope}. */
    static List<String> violations(OutboundOperation operation, String envelope) {
        return SCHEMAS.validate(operation.soapOperation(), envelope(envelope).payload());
    }

    /** The element at a path of local names below {@code from}; null when absent. */
    static Element at(Element from, String... path) {
        Element e = from;
        for (String step : path) {
            Element next = null;
            for (Node n = e == null ? null : e.getFirstChild(); n != null && next == null; n = n.getNextSibling()) {
                if (n instanceof Element c && step.equals(c.getLocalName())) next = c;
            }
            e = next;
        }
        return e;
    }

    static String text(Element from, String... path) {
        Element e = at(from, path);
        return e == null ? null : e.getTextContent().trim();
    }

    /** The local names of the child elements. */
    static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) names.add(c.getLocalName());
        }
        return names;
    }
}
