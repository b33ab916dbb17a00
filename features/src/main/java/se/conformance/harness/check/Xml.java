package se.conformance.harness.check;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What the steps need of an XML message: a secure parse (no DTD, no external entities: the
 * vendor's bytes are untrusted), elements found by local name wherever the vendor put its
 * prefixes, the SOAP body's payload, and a pretty-printed copy for the report.
 */
public final class Xml {

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";

    private Xml() {}

    /** Parses the text; throws {@link IllegalArgumentException} naming the XML error. */
    public static Document parse(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first element child of the SOAP 1.1 Body, if the document is such an envelope. */
    public static Optional<Element> soapPayload(Document envelope) {
        NodeList bodies = envelope.getElementsByTagNameNS(SOAP11, "Body");
        if (bodies.getLength() == 0) return Optional.empty();
        for (Node n = bodies.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) return Optional.of(e);
        }
        return Optional.empty();
    }

    /** Every element with that local name below (and including) {@code root}, in document order. */
    public static List<Element> all(Node root, String localName) {
        List<Element> out = new ArrayList<>();
        collect(root, localName, out);
        return out;
    }

    private static void collect(Node node, String localName, List<Element> out) {
        if (node instanceof Element e && localName.equals(e.getLocalName())) out.add(e);
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) collect(c, localName, out);
    }

    /** The first element with that local name, if any. */
    public static Optional<Element> first(Node root, String localName) {
        List<Element> all = all(root, localName);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The trimmed text of the first element with that local name, if any. */
    public static Optional<String> text(Node root, String localName) {
        return first(root, localName).map(e -> e.getTextContent().trim());
    }

    /** The element child of {@code parent} with that local name, if any (direct children only). */
    public static Optional<Element> child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) return Optional.of(e);
        }
        return Optional.empty();
    }

    public static String serialize(Node node, boolean indent) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, node instanceof Document ? "no" : "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            if (indent) {
                t.setOutputProperty(OutputKeys.INDENT, "yes");
                t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            }
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text pretty-printed when it is well-formed XML; otherwise as it is. */
    public static String pretty(String text) {
        if (text == null) return "";
        try {
            Document d = parse(text);
            stripWhitespace(d.getDocumentElement());
            return serialize(d, true);
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static void stripWhitespace(Node node) {
        Node c = node.getFirstChild();
        while (c != null) {
            Node next = c.getNextSibling();
            if (c.getNodeType() == Node.TEXT_NODE && c.getTextContent().isBlank() && node.getChildNodes().getLength() > 1) {
                node.removeChild(c);
            } else {
                stripWhitespace(c);
            }
            c = next;
        }
    }
}
