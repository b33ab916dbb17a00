package se.conformance.simulator.intyg.notification;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.PropertyException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import se.conformance.simulator.soap.SecureXml;
import se.conformance.simulator.soap.SoapEnvelope;

/**
 * The DOM work behind the outbound requests: finding the certificate content in the XML the domain
 * stored, moving it under another operation's {@code intyg} element, Webcert's repairs of a draft's
 * unit, the SOAP 1.1 envelope, and text out.
 */
final class IntygXml {

    static final String CORE_NS = "urn:riv:clinicalprocess:healthcond:certificate:3";
    static final String TYPES_NS = "urn:riv:clinicalprocess:healthcond:certificate:types:3";
    static final String HSA_ROOT = "1.2.752.129.2.1.4.1";
    static final String ARBETSPLATSKOD_ROOT = "1.2.752.29.4.71";
    static final String TEMPORARY_ARBETSPLATSKOD = "TEMPORARY ARBETSPLATSKOD";
    static final String PERSONNUMMER_ROOT = "1.2.752.129.2.1.3.1";
    static final String SAMORDNINGSNUMMER_ROOT = "1.2.752.129.2.1.3.3";

    /** Readable prefixes in what we send (the docs' examples use the same); any prefix is valid XML. */
    private static final Map<String, String> PREFIXES = Map.of(
            SoapEnvelope.SOAP11_NS, "soap",
            SoapEnvelope.REGISTRY_NS, "add",
            CORE_NS, "c",
            TYPES_NS, "t",
            "urn:riv:clinicalprocess:healthcond:certificate:3.2", "m1",
            "urn:riv:clinicalprocess:healthcond:certificate:3.4", "m2",
            "urn:riv:clinicalprocess:healthcond:certificate:CertificateStatusUpdateForCareResponder:3.2", "u");

    private static final Set<String> INTYG_CHILDREN = Set.of("intygs-id", "typ", "patient", "skapadAv");
    private static final Pattern RESPONDER =
            Pattern.compile("urn:riv:clinicalprocess:healthcond:certificate:\\w+Responder:\\d+");

    private IntygXml() {}

    /** The stored XML cannot become (part of) a request; the message says why. */
    static final class UnusableXml extends Exception {
        UnusableXml(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The element holding the certificate's content in XML stored by the domain: the first element, in
     * document order, with a child {@code intygs-id}, {@code typ}, {@code patient} or {@code skapadAv} of the
     * core namespace. That is the {@code intyg} element whatever its own name and namespace
     * (RegisterCertificate's as received, a draft's as built) and also when a whole request or envelope
     * was stored: an intyg comes before its own relations.
     */
    static Element storedIntyg(String xml) throws UnusableXml {
        if (xml == null || xml.isBlank()) throw new UnusableXml("no certificate XML is stored");
        Document doc;
        try {
            doc = SecureXml.documentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new UnusableXml("the stored certificate XML is not well-formed: " + e.getMessage());
        }
        Element container = firstIntyg(doc.getDocumentElement());
        if (container == null) {
            throw new UnusableXml("the stored certificate XML is not an Intyg: no element has a child intygs-id, "
                    + "typ, patient or skapadAv of namespace " + CORE_NS);
        }
        return container;
    }

    private static Element firstIntyg(Element e) {
        for (Element c : children(e)) {
            if (CORE_NS.equals(c.getNamespaceURI()) && INTYG_CHILDREN.contains(c.getLocalName())) return e;
        }
        for (Element c : children(e)) {
            Element found = firstIntyg(c);
            if (found != null) return found;
        }
        return null;
    }

    /**
     * Makes the certificate's {@code intygs-id} the given one when it is missing or names another
     * certificate: a draft's XML is rendered before Webcert gives the draft its id. An id naming this
     * certificate is kept as it is.
     */
    static void ensureIntygsId(Element intyg, String root, String extension) {
        Element id = child(intyg, CORE_NS, "intygs-id");
        Element current = child(id, TYPES_NS, "extension");
        if (current != null && extension.equals(current.getTextContent().trim())) return;
        Document doc = intyg.getOwnerDocument();
        Element fresh = coreElement(doc, "intygs-id", null);
        fresh.appendChild(typesElement(doc, "root", root));
        fresh.appendChild(typesElement(doc, "extension", extension));
        if (id != null) intyg.replaceChild(fresh, id);
        else intyg.insertBefore(fresh, intyg.getFirstChild());
    }

    /**
     * Replaces the content of {@code target} with a copy of the content (children) of {@code source}.
     * Elements of the contract's namespaces take our prefixes (declared on the request), so the copy
     * reads like the rest of the request; names and namespaces are unchanged.
     */
    static void rehome(Element source, Element target) {
        while (target.getFirstChild() != null) target.removeChild(target.getFirstChild());
        Document doc = target.getOwnerDocument();
        for (Node n = source.getFirstChild(); n != null; n = n.getNextSibling()) {
            Node copy = doc.importNode(n, true);
            if (copy instanceof Element e) adoptPrefixes(e);
            target.appendChild(copy);
        }
    }

    private static void adoptPrefixes(Element e) {
        String prefix = e.getNamespaceURI() == null ? null : PREFIXES.get(e.getNamespaceURI());
        if (prefix != null) e.setPrefix(prefix);
        for (Element child : children(e)) adoptPrefixes(child);
    }

    /**
     * Fills what a draft's stored XML leaves blank because the domain assigns it at creation (intyg.md §8:
     * the notification carries the full certificate): an empty or missing {@code version}, and an empty
     * care provider id. Values that are there are kept.
     */
    static void fillDraftBlanks(Element intyg, String version, String careProviderId) {
        if (version != null) {
            Element v = child(intyg, CORE_NS, "version");
            if (v == null) {
                Element typ = child(intyg, CORE_NS, "typ");
                v = coreElement(intyg.getOwnerDocument(), "version", "");
                intyg.insertBefore(v, typ != null ? typ.getNextSibling() : null);
            }
            if (v.getTextContent().isBlank()) v.setTextContent(version);
        }
        Element providerId = child(child(child(child(intyg, CORE_NS, "skapadAv"), CORE_NS, "enhet"), CORE_NS,
                "vardgivare"), CORE_NS, "vardgivare-id");
        Element extension = child(providerId, TYPES_NS, "extension");
        if (careProviderId != null && extension != null && extension.getTextContent().isBlank()) {
            extension.setTextContent(careProviderId);
        }
    }

    /**
     * Webcert's repairs of the issuing unit of a draft, which may be incomplete, so that the notification
     * validates: an empty or missing {@code arbetsplatskod} becomes {@value #TEMPORARY_ARBETSPLATSKOD}, an
     * empty {@code epost} is left out (intyg.md §8). A complete unit is not touched.
     */
    static void repairUnit(Element intyg) {
        Element enhet = child(child(intyg, CORE_NS, "skapadAv"), CORE_NS, "enhet");
        if (enhet == null) return;
        Element code = child(enhet, CORE_NS, "arbetsplatskod");
        Element extension = child(code, TYPES_NS, "extension");
        if (extension == null || extension.getTextContent().isBlank()) {
            Document doc = enhet.getOwnerDocument();
            Element fresh = coreElement(doc, "arbetsplatskod", null);
            fresh.appendChild(typesElement(doc, "root", ARBETSPLATSKOD_ROOT));
            fresh.appendChild(typesElement(doc, "extension", TEMPORARY_ARBETSPLATSKOD));
            if (code != null) {
                enhet.replaceChild(fresh, code);
            } else {
                Element id = child(enhet, CORE_NS, "enhets-id");
                enhet.insertBefore(fresh, id == null ? enhet.getFirstChild() : id.getNextSibling());
            }
        }
        Element epost = child(enhet, CORE_NS, "epost");
        if (epost != null && epost.getTextContent().isBlank()) enhet.removeChild(epost);
    }

    /** A new element of the core namespace, with our prefix (the content it goes into was given ours). */
    private static Element coreElement(Document doc, String local, String text) {
        return element(doc, CORE_NS, PREFIXES.get(CORE_NS) + ":" + local, text);
    }

    private static Element typesElement(Document doc, String local, String text) {
        return element(doc, TYPES_NS, PREFIXES.get(TYPES_NS) + ":" + local, text);
    }

    private static Element element(Document doc, String ns, String name, String text) {
        Element e = doc.createElementNS(ns, name);
        if (text != null) e.setTextContent(text);
        return e;
    }

    /** {@code jaxb} (a request's root object) as a new document. */
    static Document marshal(JAXBContext context, Object jaxb) {
        try {
            Document doc = SecureXml.documentBuilder().newDocument();
            Marshaller m = context.createMarshaller();
            try {
                m.setProperty("org.glassfish.jaxb.namespacePrefixMapper", new NamespacePrefixMapper() {
                    @Override
                    public String getPreferredPrefix(String uri, String suggestion, boolean required) {
                        String known = PREFIXES.get(uri);
                        if (known != null) return known;
                        return RESPONDER.matcher(uri).matches() ? "r" : suggestion;
                    }
                });
            } catch (PropertyException e) {
                // another JAXB runtime: its own prefixes are as valid
            }
            m.marshal(jaxb, doc);
            return doc;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot marshal " + jaxb.getClass().getSimpleName(), e);
        }
    }

    /**
     * Puts the document's root (the request) into the body of a SOAP 1.1 envelope with the RIV-TA
     * {@code LogicalAddress} header, and declares every namespace where it is used.
     *
     * @return the request element, now inside the envelope
     */
    static Element envelop(Document doc, String logicalAddress) {
        Element payload = doc.getDocumentElement();
        doc.removeChild(payload);
        Element envelope = doc.createElementNS(SoapEnvelope.SOAP11_NS, "soap:Envelope");
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:soap", SoapEnvelope.SOAP11_NS);
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:add", SoapEnvelope.REGISTRY_NS);
        Element header = doc.createElementNS(SoapEnvelope.SOAP11_NS, "soap:Header");
        header.appendChild(element(doc, SoapEnvelope.REGISTRY_NS, "add:LogicalAddress", logicalAddress));
        Element body = doc.createElementNS(SoapEnvelope.SOAP11_NS, "soap:Body");
        body.appendChild(payload);
        envelope.appendChild(header);
        envelope.appendChild(body);
        doc.appendChild(envelope);
        // Content copied from the stored XML lost the declarations of its old ancestors: re-declare.
        doc.normalizeDocument();
        return (Element) body.getFirstChild();
    }

    static String serialize(Document doc) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = factory.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
    }

    /** The first child element {@code {ns}local} of {@code parent}; null when there is none (or no parent). */
    static Element child(Element parent, String ns, String local) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) return e;
        }
        return null;
    }

    /** The child elements of {@code parent}. */
    static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) result.add(e);
        }
        return result;
    }

    /** The trimmed text at a path of core-namespace elements below {@code from}, ending in a types-namespace leaf. */
    static String text(Element from, String leaf, String... corePath) {
        Element e = from;
        for (String step : corePath) e = child(e, CORE_NS, step);
        Element value = child(e, TYPES_NS, leaf);
        return value == null ? null : value.getTextContent().trim();
    }

    /** The identity number's OID: samordningsnummer when the day of month is 61 or more (intyg.md §4.2). */
    static String personIdRoot(String twelveDigits) {
        boolean samordning = twelveDigits != null && twelveDigits.matches("\\d{12}")
                && Integer.parseInt(twelveDigits.substring(6, 8)) > 60;
        return samordning ? SAMORDNINGSNUMMER_ROOT : PERSONNUMMER_ROOT;
    }
}
