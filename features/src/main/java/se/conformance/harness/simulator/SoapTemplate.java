package se.conformance.harness.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import se.conformance.harness.check.Xml;

/**
 * A request from {@code docs/examples} (on the classpath as {@code examples/…}), the same files
 * the simulator's tests send, with values replaced by local element name. The harness builds its
 * set-up calls and the calls it makes to a vendor's service this way, so every message it sends
 * is one the documentation shows.
 */
public final class SoapTemplate {

    private final Document document;

    private SoapTemplate(Document document) {
        this.document = document;
    }

    /** {@code example} is the path below docs/examples, e.g. {@code efrikort/RegisterTransaction.xml}. */
    public static SoapTemplate of(String example) {
        String resource = "examples/" + example;
        try (InputStream in = SoapTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("example request missing from the classpath: " + resource);
            return new SoapTemplate(Xml.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Document document() {
        return document;
    }

    /** Sets the text of every element with that local name. */
    public SoapTemplate set(String localName, String value) {
        var all = Xml.all(document, localName);
        if (all.isEmpty()) throw new IllegalArgumentException("no element " + localName + " in the template");
        all.forEach(e -> e.setTextContent(value));
        return this;
    }

    /** Sets the text of the {@code child} element inside every element named {@code parent}. */
    public SoapTemplate set(String parent, String child, String value) {
        var parents = Xml.all(document, parent);
        if (parents.isEmpty()) throw new IllegalArgumentException("no element " + parent + " in the template");
        for (Element p : parents) {
            Element c = Xml.first(p, child).orElseThrow(() -> new IllegalArgumentException("no " + parent + "/" + child));
            c.setTextContent(value);
        }
        return this;
    }

    /** Removes every element with that local name. */
    public SoapTemplate remove(String localName) {
        for (Element e : Xml.all(document, localName)) {
            Node parent = e.getParentNode();
            Node prev = e.getPreviousSibling();
            if (prev != null && prev.getNodeType() == Node.TEXT_NODE && prev.getTextContent().isBlank()) {
                parent.removeChild(prev);
            }
            parent.removeChild(e);
        }
        return this;
    }

    public String xml() {
        return Xml.serialize(document, false);
    }
}
