package se.conformance.simulator.soap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A parsed SOAP 1.1 request: the single element of the body and the RIV-TA {@code LogicalAddress}
 * header. Anything that is not such an envelope raises a {@link SoapFaultException} that says
 * what is wrong and where.
 *
 * <p>The request is read in one SAX pass ({@link SecureXml#saxReader()}): the envelope's structure is
 * checked, the index fields are picked up, and the payload's events go on to the {@link PayloadReader}s (the
 * operation's schema validation and JAXB binding) and, only when asked for, into a DOM of the payload. What is
 * wrong is decided once the whole request has been read, in a fixed order, so that a well-formedness error
 * anywhere outranks everything found before it.
 */
public final class SoapEnvelope {

    public static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
    public static final String REGISTRY_NS = "urn:riv:itintegration:registry:1";

    private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";

    private final Element payload;
    private final String logicalAddress;
    private final Map<String, String> indexFields;

    private SoapEnvelope(Element payload, String logicalAddress, Map<String, String> indexFields) {
        this.payload = payload;
        this.logicalAddress = logicalAddress;
        this.indexFields = Collections.unmodifiableMap(indexFields);
    }

    /** The envelope of {@code bytes} with its payload as a DOM ({@link #payload()}), nothing validated. */
    public static SoapEnvelope parse(byte[] bytes) {
        return parse(bytes, true, List.of());
    }

    /**
     * Reads {@code bytes} once.
     *
     * @param keepPayload whether to build a DOM of the payload for {@link #payload()}
     * @param readers     receive the payload's events, each as a document of its own; only for a request that
     *     turns out to be a proper envelope do their results mean anything
     */
    static SoapEnvelope parse(byte[] bytes, boolean keepPayload, List<PayloadReader> readers) {
        if (bytes == null || bytes.length == 0) {
            throw new SoapFaultException(SoapFaultException.Code.CLIENT, "Tom begäran: en SOAP 1.1-envelope krävs");
        }
        Pass pass = new Pass(keepPayload, readers.toArray(new PayloadReader[0]));
        XMLReader reader = SecureXml.saxReader();
        try {
            reader.setContentHandler(pass);
            reader.setProperty(LEXICAL_HANDLER, pass);
            reader.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            throw new SoapFaultException(SoapFaultException.Code.CLIENT, SecureXml.explain(e));
        } catch (SAXException | IOException e) {
            throw new SoapFaultException(SoapFaultException.Code.CLIENT, "Inte välformad XML: " + e.getMessage());
        } finally {
            release(reader);
        }
        return pass.envelope();
    }

    /** The thread's reader must not keep this request (its DOM) alive until the thread's next one. */
    private static void release(XMLReader reader) {
        reader.setContentHandler(null);
        try {
            reader.setProperty(LEXICAL_HANDLER, null);
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SOAP 1.1 §3: a SOAP message must not contain processing instructions (e.g. xml-stylesheet). */
    private static SoapFaultException instructionRefused(String target) {
        return new SoapFaultException(SoapFaultException.Code.CLIENT, "Bearbetningsinstruktionen <?" + clip(target)
                + " …?> är inte tillåten: en SOAP-begäran får inte innehålla bearbetningsinstruktioner (SOAP 1.1 §3)");
    }

    private static String clip(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }

    /**
     * The one element of the SOAP body, the operation's request, as a DOM under its {@code Body} and
     * {@code Envelope} (their attributes and namespace declarations, not the rest of the envelope); {@code null}
     * when the pass was not asked to keep it.
     */
    public Element payload() {
        return payload;
    }


    /** The {@code LogicalAddress} header, or {@code null} when the request has none. */
    public String logicalAddress() {
        return logicalAddress;
    }

    /**
     * The request's {@link PayloadFields#CARE_PRINCIPAL_ID} and {@link PayloadFields#PERSON_ID}, found as
     * {@link PayloadFields#of(byte[])} finds them, read in the same pass.
     */
    public Map<String, String> indexFields() {
        return indexFields;
    }

    /**
     * The pass. Element depth: 1 the root, 2 {@code Header}/{@code Body}, 3 the payload and the header's
     * children. Only the first {@code Header} before any {@code Body} and the first {@code Body} count, as ever.
     */
    private static final class Pass extends DefaultHandler implements LexicalHandler {

        private final PayloadReader[] readers;
        private final PayloadDom dom;
        private final PayloadFields.Scan index = new PayloadFields.Scan();
        private Locator locator;

        private int depth;
        private String rootNamespace;
        private String rootName;
        private boolean envelope;
        private String firstInstruction;

        /** Namespace declarations of the element about to start: prefix, uri, prefix, uri … */
        private final List<String> declared = new ArrayList<>(8);
        private final Map<String, String> inScope = new LinkedHashMap<>();

        private boolean headerSeen;
        private boolean inHeader;
        private boolean logicalAddressSeen;
        /** Above 0: inside the LogicalAddress element, nesting depth in it. */
        private int inLogicalAddress;
        private final StringBuilder logicalAddressText = new StringBuilder();
        private String logicalAddress;

        private boolean bodySeen;
        private boolean inBody;
        private int bodyElements;
        private boolean inPayload;
        private List<String> payloadPrefixes;

        Pass(boolean keepPayload, PayloadReader[] readers) {
            this.readers = readers;
            this.dom = keepPayload ? new PayloadDom() : null;
        }

        SoapEnvelope envelope() {
            if (firstInstruction != null) throw instructionRefused(firstInstruction);
            if (SOAP12_NS.equals(rootNamespace)) {
                throw new SoapFaultException(SoapFaultException.Code.VERSION_MISMATCH,
                        "SOAP 1.2 stöds inte: tjänsten följer RIV-TA BP 2.1 (SOAP 1.1, namnrymd " + SOAP11_NS + ")");
            }
            if (!envelope) {
                throw new SoapFaultException(SoapFaultException.Code.VERSION_MISMATCH,
                        "Rotelementet ska vara {" + SOAP11_NS + "}Envelope, men är {" + rootNamespace + "}" + rootName);
            }
            if (!bodySeen) {
                throw new SoapFaultException(SoapFaultException.Code.CLIENT, "soap:Body saknas i envelopen");
            }
            if (bodyElements > 1) {
                throw new SoapFaultException(SoapFaultException.Code.CLIENT,
                        "soap:Body ska innehålla exakt ett element (document/literal), men innehåller fler");
            }
            if (bodyElements == 0) {
                throw new SoapFaultException(SoapFaultException.Code.CLIENT, "soap:Body är tom");
            }
            return new SoapEnvelope(dom == null ? null : dom.payload, logicalAddress, index.fields());
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) {
            declared.add(prefix);
            declared.add(uri);
        }

        @Override
        public void endPrefixMapping(String prefix) {
            // the payload's own declarations end with it (payloadEnd), these are of elements inside it
            if (inPayload) {
                for (PayloadReader r : readers) r.endPrefixMapping(prefix);
            }
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            depth++;
            index.start(localName);
            if (inLogicalAddress > 0) inLogicalAddress++;
            if (inPayload) {
                for (PayloadReader r : readers) {
                    for (int i = 0; i < declared.size(); i += 2) r.startPrefixMapping(declared.get(i), declared.get(i + 1));
                    r.startElement(uri, localName, qName, attributes);
                }
                if (dom != null) dom.start(uri, qName, attributes, declared);
            } else if (depth == 1) {
                rootNamespace = uri.isEmpty() ? null : uri;
                rootName = localName;
                envelope = SOAP11_NS.equals(uri) && "Envelope".equals(localName);
                if (envelope) inherit(qName, uri, attributes);
            } else if (depth == 2 && envelope && SOAP11_NS.equals(uri)) {
                if ("Header".equals(localName) && !headerSeen && !bodySeen) {
                    headerSeen = true;
                    inHeader = true;
                } else if ("Body".equals(localName) && !bodySeen) {
                    bodySeen = true;
                    inBody = true;
                    inherit(qName, uri, attributes);
                }
            } else if (depth == 3 && inHeader) {
                if (!logicalAddressSeen && REGISTRY_NS.equals(uri) && "LogicalAddress".equals(localName)) {
                    logicalAddressSeen = true;
                    inLogicalAddress = 1;
                }
            } else if (depth == 3 && inBody) {
                if (++bodyElements == 1) payloadStart(uri, localName, qName, attributes);
            }
            declared.clear();
        }

        /** An ancestor of the payload: its namespaces are in scope there (and its declarations in the DOM). */
        private void inherit(String qName, String uri, Attributes attributes) {
            for (int i = 0; i < declared.size(); i += 2) inScope.put(declared.get(i), declared.get(i + 1));
            if (dom != null) dom.start(uri, qName, attributes, declared);
        }

        /**
         * The payload as a document: the namespaces the envelope declared for it (as a DOM source of the element
         * would carry them), then its own.
         */
        private void payloadStart(String uri, String localName, String qName, Attributes attributes) {
            inPayload = true;
            Map<String, String> mappings = new LinkedHashMap<>(inScope);
            for (int i = 0; i < declared.size(); i += 2) {
                mappings.remove(declared.get(i));
                mappings.put(declared.get(i), declared.get(i + 1));
            }
            payloadPrefixes = new ArrayList<>(mappings.keySet());
            for (PayloadReader r : readers) {
                r.locator(locator);
                r.startDocument();
                for (Map.Entry<String, String> m : mappings.entrySet()) r.startPrefixMapping(m.getKey(), m.getValue());
                r.startElement(uri, localName, qName, attributes);
            }
            if (dom != null) dom.payload = dom.start(uri, qName, attributes, declared);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            index.end();
            if (inLogicalAddress > 0 && --inLogicalAddress == 0) {
                logicalAddress = logicalAddressText.toString().trim();
            }
            if (inPayload) {
                for (PayloadReader r : readers) r.endElement(uri, localName, qName);
                if (dom != null) dom.end();
                if (depth == 3) {
                    inPayload = false;
                    for (PayloadReader r : readers) {
                        for (String prefix : payloadPrefixes) r.endPrefixMapping(prefix);
                        r.endDocument();
                    }
                }
            }
            if (depth == 2) {
                inHeader = false;
                inBody = false;
            }
            depth--;
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            index.text(ch, start, length);
            if (inLogicalAddress > 0) logicalAddressText.append(ch, start, length);
            if (inPayload) {
                for (PayloadReader r : readers) r.characters(ch, start, length);
                if (dom != null) dom.text(ch, start, length);
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) {
            characters(ch, start, length); // reported only with a DTD, which is refused: text, as a DOM would keep it
        }

        @Override
        public void processingInstruction(String target, String data) {
            if (firstInstruction == null) firstInstruction = target;
        }

        @Override
        public void comment(char[] ch, int start, int length) {
            if (inPayload && dom != null) dom.comment(ch, start, length);
        }

        @Override
        public void startCDATA() {
            if (inPayload && dom != null) dom.startCdata();
        }

        @Override
        public void endCDATA() {
            if (inPayload && dom != null) dom.endCdata();
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) {}

        @Override
        public void endDTD() {}

        @Override
        public void startEntity(String name) {}

        @Override
        public void endEntity(String name) {}
    }

    /**
     * The payload as the secure DOM parser would have built it — elements, attributes, namespace declarations as
     * attributes, text, CDATA sections, comments — under its Body and Envelope elements.
     */
    private static final class PayloadDom {

        private final Document doc = SecureXml.documentBuilder().newDocument();
        private Node current = doc;
        private final StringBuilder text = new StringBuilder();
        private boolean inCdata;
        Element payload;

        Element start(String uri, String qName, Attributes attributes, List<String> declared) {
            flush();
            Element e = doc.createElementNS(uri.isEmpty() ? null : uri, qName);
            for (int i = 0; i < declared.size(); i += 2) {
                String prefix = declared.get(i);
                e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI,
                        prefix.isEmpty() ? XMLConstants.XMLNS_ATTRIBUTE : XMLConstants.XMLNS_ATTRIBUTE + ":" + prefix,
                        declared.get(i + 1));
            }
            for (int i = 0; i < attributes.getLength(); i++) {
                String ns = attributes.getURI(i);
                e.setAttributeNS(ns.isEmpty() ? null : ns, attributes.getQName(i), attributes.getValue(i));
            }
            current.appendChild(e);
            current = e;
            return e;
        }

        void end() {
            flush();
            current = current.getParentNode();
        }

        void text(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        void comment(char[] ch, int start, int length) {
            flush();
            current.appendChild(doc.createComment(new String(ch, start, length)));
        }

        void startCdata() {
            flush();
            inCdata = true;
        }

        void endCdata() {
            current.appendChild(doc.createCDATASection(text.toString()));
            text.setLength(0);
            inCdata = false;
        }

        private void flush() {
            if (inCdata || text.length() == 0) return;
            current.appendChild(doc.createTextNode(text.toString()));
            text.setLength(0);
        }
    }
}
