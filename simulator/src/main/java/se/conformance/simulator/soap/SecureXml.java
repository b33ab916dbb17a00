package se.conformance.simulator.soap;

import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The one way the simulator reads untrusted bytes, into a DOM or as SAX events: namespace aware, no DOCTYPE
 * (so no entities, external or internal, and no entity expansion), no XInclude, secure
 * processing limits on, elements nested at most {@value #MAX_DEPTH} deep, at most
 * {@value #MAX_ATTRIBUTES} attributes on an element, names at most 1000 characters (the JDK's secure
 * default). A request with a DOCTYPE is refused before anything in it is read.
 */
public final class SecureXml {

    /** The deepest legitimate request (a certificate with its answers) nests about a dozen levels. */
    public static final int MAX_DEPTH = 100;
    public static final int MAX_ATTRIBUTES = 256;

    /** Errors surface as exceptions only, warnings are dropped: nothing goes to stderr. */
    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newBuilder);
    private static final ThreadLocal<XMLReader> READER = ThreadLocal.withInitial(SecureXml::newReader);
    private static final String MAX_DEPTH_PROPERTY = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";
    private static final String MAX_ATTRIBUTES_PROPERTY = "http://www.oracle.com/xml/jaxp/properties/elementAttributeLimit";

    /** The one set of refusals both the SAX reader and the DOM builder are made with. */
    private static final Map<String, Boolean> FEATURES = orderedMap(
            XMLConstants.FEATURE_SECURE_PROCESSING, true,
            "http://apache.org/xml/features/disallow-doctype-decl", true,
            "http://xml.org/sax/features/external-general-entities", false,
            "http://xml.org/sax/features/external-parameter-entities", false,
            "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    private static final Map<String, String> PROPERTIES = orderedMap(
            XMLConstants.ACCESS_EXTERNAL_DTD, "",
            XMLConstants.ACCESS_EXTERNAL_SCHEMA, "",
            MAX_DEPTH_PROPERTY, String.valueOf(MAX_DEPTH),
            MAX_ATTRIBUTES_PROPERTY, String.valueOf(MAX_ATTRIBUTES));

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
        Map<String, V> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        return java.util.Collections.unmodifiableMap(map);
    }

    private SecureXml() {}

    /** A builder for this thread, reset and ready; do not share it across threads. */
    public static DocumentBuilder documentBuilder() {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        builder.setErrorHandler(THROWING);
        return builder;
    }

    /**
     * A SAX reader for this thread, with the same refusals and limits as {@link #documentBuilder()} (the same
     * Xerces scanner, so the same messages); do not share it across threads. The caller sets its handlers.
     */
    public static XMLReader saxReader() {
        XMLReader reader = READER.get();
        reader.setErrorHandler(THROWING);
        return reader;
    }

    private static XMLReader newReader() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            for (Map.Entry<String, Boolean> feature : FEATURES.entrySet()) f.setFeature(feature.getKey(), feature.getValue());
            f.setXIncludeAware(false);
            SAXParser parser = f.newSAXParser();
            for (Map.Entry<String, String> property : PROPERTIES.entrySet()) parser.setProperty(property.getKey(), property.getValue());
            XMLReader reader = parser.getXMLReader();
            reader.setErrorHandler(THROWING);
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("XML parser cannot be made secure", e);
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            for (Map.Entry<String, Boolean> feature : FEATURES.entrySet()) f.setFeature(feature.getKey(), feature.getValue());
            for (Map.Entry<String, String> property : PROPERTIES.entrySet()) f.setAttribute(property.getKey(), property.getValue());
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be made secure", e);
        }
    }

    /**
     * What is wrong with unreadable XML, in the words of the rule it breaks (Swedish, as the
     * services' own answers): a DOCTYPE, too deep, too many attributes, a too long name, or not
     * well-formed, with line and column.
     */
    public static String explain(SAXParseException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("disallow-doctype-decl")) {
            return "DOCTYPE är inte tillåten: en SOAP-begäran får inte innehålla en dokumenttypdeklaration (SOAP 1.1 §3);"
                    + " simulatorn läser inga DTD:er och löser inga entiteter (rad " + e.getLineNumber() + ")";
        }
        String where = " (rad " + e.getLineNumber() + ", kolumn " + e.getColumnNumber() + "): ";
        if (m.contains("maxElementDepth")) {
            return "Elementen är nästlade djupare än " + MAX_DEPTH + " nivåer, simulatorns gräns" + where + m;
        }
        if (m.contains("JAXP00010002")) {
            return "Ett element har fler än " + MAX_ATTRIBUTES + " attribut, simulatorns gräns" + where + m;
        }
        if (m.contains("JAXP00010005")) {
            return "Ett namn är längre än 1000 tecken, gränsen för XML-namn" + where + m;
        }
        return "Inte välformad XML" + where + m;
    }
}
