package se.conformance.simulator.intyg.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Test certificates: load one from the test class path, then break it with a one-line edit.
 *
 * <p>An edit is {@code operation | xpath | argument}; the XPath is evaluated on the certificate's
 * document (so {@code /*} is the intyg) with prefixes {@code c} (core) and {@code t} (types):
 * <ul>
 *   <li>{@code remove} — remove every node it selects;</li>
 *   <li>{@code text} — set the text of every element or attribute it selects to the argument;</li>
 *   <li>{@code append} — append the argument, an XML snippet using {@code c:}/{@code t:}, to every
 *       element it selects;</li>
 *   <li>{@code replace} — replace every node it selects with the snippet.</li>
 * </ul>
 * Every edit must select at least one node, so a test cannot pass because its edit missed.
 */
final class Certificates {

    static final String CORE_NS = "urn:riv:clinicalprocess:healthcond:certificate:3";
    static final String TYPES_NS = "urn:riv:clinicalprocess:healthcond:certificate:types:3";

    private Certificates() {}

    /** The intyg element of a test resource, in a document of its own. */
    static Element load(String resource) {
        try (InputStream in = Certificates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + resource);
            return builder().parse(in).getDocumentElement();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one element {@code xpath} selects from {@code from} (e.g. the intyg inside a SOAP envelope). */
    static Element select(Element from, String xpath) {
        List<Node> nodes = nodes(from, xpath);
        if (nodes.size() != 1 || !(nodes.get(0) instanceof Element e)) {
            throw new IllegalArgumentException(xpath + " selects " + nodes.size() + " nodes, not one element");
        }
        return e;
    }

    /** A copy of {@code intyg} with the edit applied. */
    static Element edited(Element intyg, String operation, String xpath, String argument) {
        Document copy = builderOrFail().newDocument();
        copy.appendChild(copy.importNode(intyg, true));
        List<Node> targets = nodes(copy, xpath);
        if (targets.isEmpty()) throw new IllegalArgumentException("edit selects nothing: " + xpath);
        for (Node target : targets) {
            switch (operation) {
                case "remove" -> remove(target);
                case "text" -> {
                    if (target instanceof Attr attr) attr.setValue(argument == null ? "" : argument);
                    else target.setTextContent(argument == null ? "" : argument);
                }
                case "append" -> snippet(copy, argument).forEach(target::appendChild);
                case "replace" -> {
                    for (Node node : snippet(copy, argument)) target.getParentNode().insertBefore(node, target);
                    remove(target);
                }
                default -> throw new IllegalArgumentException("unknown edit " + operation);
            }
        }
        return copy.getDocumentElement();
    }

    private static void remove(Node node) {
        if (node instanceof Attr attr) attr.getOwnerElement().removeAttributeNode(attr);
        else node.getParentNode().removeChild(node);
    }

    private static List<Node> snippet(Document into, String xml) {
        String wrapped = "<w xmlns:c='" + CORE_NS + "' xmlns:t='" + TYPES_NS + "'>" + xml + "</w>";
        try {
            Element wrapper = builder().parse(new InputSource(new StringReader(wrapped))).getDocumentElement();
            List<Node> nodes = new ArrayList<>();
            for (Node n = wrapper.getFirstChild(); n != null; n = n.getNextSibling()) nodes.add(into.importNode(n, true));
            return nodes;
        } catch (Exception e) {
            throw new IllegalArgumentException("bad snippet " + xml, e);
        }
    }

    private static List<Node> nodes(Node context, String xpath) {
        try {
            NodeList list = (NodeList) xpath().evaluate(xpath, context, XPathConstants.NODESET);
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) nodes.add(list.item(i));
            return nodes;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException("bad xpath " + xpath, e);
        }
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newDefaultInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "c" -> CORE_NS;
                    case "t" -> TYPES_NS;
                    default -> XMLConstants.NULL_NS_URI;
                };
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath;
    }

    private static javax.xml.parsers.DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder();
    }

    private static javax.xml.parsers.DocumentBuilder builderOrFail() {
        try {
            return builder();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
