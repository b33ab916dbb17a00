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
    private static final XMLInputFactory STAX = secureStax();

    private PayloadFields() {}

    /** First values of {@code carePrincipalId} and {@code personId}; missing keys when absent or unreadable. */
    public static Map<String, String> of(byte[] body) {
        Map<String, String> found = new HashMap<>();
        if (body == null || body.length == 0) return found;
        try {
            XMLStreamReader r = STAX.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (r.hasNext() && found.size() < INDEXED.size()) {
                    if (r.next() == XMLStreamReader.START_ELEMENT && INDEXED.contains(r.getLocalName())
                            && !found.containsKey(r.getLocalName())) {
                        String name = r.getLocalName();
                        String text = r.getElementText().trim();
                        found.put(name, text.length() > 64 ? text.substring(0, 64) : text);
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

    private static XMLInputFactory secureStax() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }
}
