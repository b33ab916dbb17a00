package se.conformance.vendor.soap;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers: safe parsing (no DTD, no entities), escaping, lookups by local name. */
public final class Xml {

    private Xml() {
    }

    public static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new ByteArrayInputStream(bytes));
    }

    /** Text with the five XML special characters escaped. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first direct child with this local name. */
    public static Optional<Element> child(Element parent, String localName) {
        return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).findFirst();
    }

    public static List<Element> childrenNamed(Element parent, String localName) {
        return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).toList();
    }

    /** The first descendant (depth first) with this local name. */
    public static Optional<Element> first(Element root, String localName) {
        if (root == null) {
            return Optional.empty();
        }
        for (Element c : children(root)) {
            if (localName.equals(c.getLocalName())) {
                return Optional.of(c);
            }
            Optional<Element> deeper = first(c, localName);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }

    public static String text(Element e) {
        return e == null ? null : e.getTextContent().trim();
    }

    public static String firstText(Element root, String localName) {
        return first(root, localName).map(Xml::text).orElse(null);
    }

    public static String childText(Element parent, String localName) {
        return child(parent, localName).map(Xml::text).orElse(null);
    }
}
