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
 * decides what the service does. {@link #of(byte[])} reads the bytes itself; {@link Scan} finds the same
 * fields in the SAX events of the envelope's single pass ({@link SoapEnvelope#indexFields()}).
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

    /** Longest value kept per field: the journal's index columns (a longer value is no valid id anyway). */
    private static final Map<String, Integer> MAX_CHARS = Map.of(CARE_PRINCIPAL_ID, 64, PERSON_ID, 32);

    private static void put(Map<String, String> found, String name, String text) {
        String t = text.trim();
        int max = MAX_CHARS.get(name);
        found.put(name, t.length() > max ? t.substring(0, max) : t);
    }

    /**
     * The look of {@link #of(byte[])} fed with the SAX events of a whole request, for a request that parsed: the
     * same first values, and the same early ends — {@code of} stops once it has both fields, and gives up
     * (keeping what it found) when a value's element contains an element.
     */
    static final class Scan {

        private final Map<String, String> found = new HashMap<>();
        /** Where {@code of} would have stopped reading. */
        private boolean stopped;
        /** The field whose element's text is being read, or null. */
        private String reading;
        private final StringBuilder text = new StringBuilder();
        /** Above 0: inside {@code person-id} / {@code patientPerson-id}, nesting depth in it. */
        private int structured;

        void start(String localName) {
            if (stopped) return;
            if (reading != null) { // an element inside a value: of()'s getElementText fails there
                stopped = true;
                return;
            }
            if (structured > 0) {
                if ("extension".equals(localName)) read(PERSON_ID);
                else structured++;
            } else if (INDEXED.contains(localName) && !found.containsKey(localName)) {
                read(localName);
            } else if (STRUCTURED_PERSON.contains(localName) && !found.containsKey(PERSON_ID)) {
                structured = 1;
            }
        }

        void text(char[] ch, int start, int length) {
            if (!stopped && reading != null) text.append(ch, start, length);
        }

        void end() {
            if (stopped) return;
            if (reading != null) {
                put(found, reading, text.toString());
                reading = null;
            } else if (structured > 0) {
                structured--;
            } else {
                return;
            }
            // of() reads a structured person to its end (a later extension in it wins) before it counts
            if (structured == 0 && found.size() == INDEXED.size()) stopped = true;
        }

        private void read(String field) {
            reading = field;
            text.setLength(0);
        }

        Map<String, String> fields() {
            return found;
        }
    }

    private static XMLInputFactory secureStax() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }
}
