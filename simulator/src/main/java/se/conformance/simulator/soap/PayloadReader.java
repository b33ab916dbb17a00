package se.conformance.simulator.soap;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * One reader of the payload in the envelope's single pass ({@link SoapEnvelope#parse(byte[], boolean, java.util.List)}):
 * a SAX handler that sees the payload element as a document of its own — {@code startDocument}, the namespaces in
 * scope from the envelope, the element, {@code endDocument}. The first exception the handler throws stops this
 * reader only (it is kept in {@link #failure()}): the rest of the request is still read, so that a later
 * well-formedness error decides the answer as it does for any request.
 */
final class PayloadReader {

    private final ContentHandler handler;
    private Exception failure;
    private boolean completed;

    PayloadReader(ContentHandler handler) {
        this.handler = handler;
    }

    /** What the handler threw, or {@code null}. */
    Exception failure() {
        return failure;
    }

    /** Whether the handler saw the whole payload, to its {@code endDocument}, without throwing. */
    boolean completed() {
        return completed && failure == null;
    }

    private void fail(Exception e) {
        failure = e;
    }

    // One method per event, each guarded alike (no lambda: this runs for every event of every request).

    void locator(Locator locator) {
        if (failure != null || locator == null) return;
        handler.setDocumentLocator(locator);
    }

    void startDocument() {
        if (failure != null) return;
        try {
            handler.startDocument();
        } catch (SAXException | RuntimeException e) {
            fail(e);
        }
    }

    void endDocument() {
        if (failure != null) return;
        try {
            handler.endDocument();
            completed = true;
        } catch (SAXException | RuntimeException e) {
            fail(e);
        }
    }

    void startPrefixMapping(String prefix, String uri) {
        if (failure != null) return;
        try {
            handler.startPrefixMapping(prefix, uri);
        } catch (SAXException | RuntimeException e) {
            fail(e);
        }
    }

    void endPrefixMapping(String prefix) {
        if (failure != null) return;
        try {
            handler.endPrefixMapping(prefix);
        } catch (SAXException | RuntimeException e) {
            fail(e);
        }
    }

    void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (failure != null) return;
        try {
            handler.startElement(uri, localName, qName, attributes);
        } catch (SAXException | RuntimeException e) {
            fail(e);
        }
    }

    void endElement(String uri, String localName, String qName) {
        if (failure != null) return;
        try {
            handler.endElement(uri, localName, qName);
        } catch (SAXException | RuntimeException e) {
            fail(e);
        }
    }

    void characters(char[] ch, int start, int length) {
        if (failure != null) return;
        try {
            handler.characters(ch, start, length);
        } catch (SAXException | RuntimeException e) {
            fail(e);
        }
    }
}
