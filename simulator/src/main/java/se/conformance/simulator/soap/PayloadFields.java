package se.conformance.simulator.soap;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A quick, safe look at a few fields of a request without validating it: the first text of
 * each named element, wherever it is. Used to route fault rules and index the journal; it never
 * decides what the service does.
 */
public final class PayloadFields {

    public static final String CARE_PRINCIPAL_ID = "carePrincipalId";
    public static final String PERSON_ID = "personId";
    private static final Set<String> INDEXED = Set.of(CARE_PRINCIPAL_ID, PERSON_ID);
    /** Intygstjänster carries a person as {@code <person-id><root/><extension>191212121212</extension>}. */
    private static final Set<String> STRUCTURED_PERSON = Set.of("person-id", "patientPerson-id");
    private static final XMLInputFactory STAX = secureStax();

    private PayloadFields() {}

    /**
     * First values of {@code carePrincipalId} and of the person — {@code personId} (e-frikort) or the
     * {@code extension} of {@code person-id} / {@code patientPerson-id} (Intygstjänster), under the key
     * {@link #PERSON_ID}; missing keys when absent or unreadable.
     */
    public static Map<String, String> of(byte[] body) {
        Map<String, String> found = new HashMap<>();
        if (body == null || body.length == 0) return found;
        try {
            XMLStreamReader r = STAX.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (r.hasNext() && found.size() < INDEXED.size()) {
                    if (r.next() != XMLStreamReader.START_ELEMENT) continue;
                    String name = r.getLocalName();
                    if (INDEXED.contains(name) && !found.containsKey(name)) {
                        put(found, name, r.getElementText());
                    } else if (STRUCTURED_PERSON.contains(name) && !found.containsKey(PERSON_ID)) {
                        int depth = 1;
                        while (depth > 0 && r.hasNext()) {
                            int event = r.next();
                            if (event == XMLStreamReader.START_ELEMENT && "extension".equals(r.getLocalName())) {
                                put(found, PERSON_ID, r.getElementText());
                            } else if (event == XMLStreamReader.START_ELEMENT) {
                                depth++;
                            } else if (event == XMLStreamReader.END_ELEMENT) {
                                depth--;
                            }
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            // unreadable: nothing indexed; the dispatcher reports what is wrong with the request
        }
        return found;
    }

    /** As {@link #of(byte[])}, over an element already parsed (document order, same rules). */
    public static Map<String, String> of(org.w3c.dom.Element payload) {
        Map<String, String> found = new HashMap<>();
        if (payload != null) collect(payload, found);
        return found;
    }

    private static void collect(org.w3c.dom.Element e, Map<String, String> found) {
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null && found.size() < INDEXED.size(); n = n.getNextSibling()) {
            if (!(n instanceof org.w3c.dom.Element child)) continue;
            String name = child.getLocalName();
            if (INDEXED.contains(name)) {
                if (!found.containsKey(name)) put(found, name, child.getTextContent());
            } else if (STRUCTURED_PERSON.contains(name) && !found.containsKey(PERSON_ID)) {
                org.w3c.dom.Element extension = firstDescendant(child, "extension");
                if (extension != null) put(found, PERSON_ID, extension.getTextContent());
            } else {
                collect(child, found);
            }
        }
    }

    private static org.w3c.dom.Element firstDescendant(org.w3c.dom.Element e, String localName) {
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof org.w3c.dom.Element child)) continue;
            if (localName.equals(child.getLocalName())) return child;
            org.w3c.dom.Element deeper = firstDescendant(child, localName);
            if (deeper != null) return deeper;
        }
        return null;
    }

    /** Longest value kept per field: the journal's index columns (a longer value is no valid id anyway). */
    private static final Map<String, Integer> MAX_CHARS = Map.of(CARE_PRINCIPAL_ID, 64, PERSON_ID, 32);

    private static void put(Map<String, String> found, String name, String text) {
        String t = text.trim();
        int max = MAX_CHARS.get(name);
        found.put(name, t.length() > max ? t.substring(0, max) : t);
    }

    private static XMLInputFactory secureStax() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }
}
