package se.conformance.simulator.intyg.notification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import se.conformance.simulator.journal.Exchange.Validation;
import se.conformance.simulator.soap.SecureXml;
import se.conformance.simulator.soap.SoapEnvelope;

/**
 * What a vendor's endpoint answered one call, as the simulator judges it.
 *
 * <p>{@code validation} is about what the vendor sent back: {@code VALID} for a response that is the
 * operation's response element and validates against our schema, {@code INVALID} for an answer that
 * should have been one and is not (not XML, not SOAP 1.1, another element or namespace, a schema
 * violation), {@code NOT_CHECKED} when there was no contract response to check (a SOAP fault, an HTTP
 * error, no answer). {@code text} is the resultText, the faultstring, or what went wrong.
 */
record Reply(Kind kind, String errorId, String text, Validation validation) {

    enum Kind {
        /** resultCode OK. */
        OK,
        /** resultCode INFO: done, with a text to show. */
        INFO,
        /** resultCode ERROR, with {@code errorId} when the response gave one. */
        ERROR,
        /** A SOAP 1.1 Fault, whatever the HTTP status. */
        SOAP_FAULT,
        /** No (complete) answer within the read timeout. */
        TIMEOUT,
        /** No connection: refused, reset, unreachable, connect timeout, unusable URL. */
        CONNECTION_ERROR,
        /** An HTTP status outside 2xx without a SOAP fault. */
        HTTP_ERROR,
        /** A 2xx answer that is not the operation's valid response. */
        INVALID_RESPONSE,
        /** Our own request did not validate, so it was not sent. */
        NOT_SENT
    }

    private static final int SNIPPET = 200;

    Reply {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(validation, "validation");
    }

    /** The journal's result code: OK, INFO, ERROR:&lt;errorId&gt; (or ERROR), or the kind's name. */
    String resultCode() {
        if (kind == Kind.ERROR) return errorId == null ? "ERROR" : "ERROR:" + errorId;
        return kind.name();
    }

    /** OK, INFO or ERROR: an answer within the contract (the other kinds say what went wrong outside it). */
    boolean contractAnswer() {
        return kind == Kind.OK || kind == Kind.INFO || kind == Kind.ERROR;
    }

    /** OK or INFO: the vendor took the call. */
    boolean accepted() {
        return kind == Kind.OK || kind == Kind.INFO;
    }

    /** A faultstring Webcert does not resend: the call itself was unreadable (intyg.md §8). */
    boolean marshallingFault() {
        return kind == Kind.SOAP_FAULT && text != null
                && (text.contains("Marshalling Error") || text.contains("Unmarshalling Error"));
    }

    /** A contract answer (OK, INFO, ERROR) as one line: {@code INFO «text»}. */
    String summary() {
        String code = resultCode();
        return text == null ? code : code + " «" + text + "»";
    }

    static Reply transport(Kind kind, String text) {
        return new Reply(kind, null, text, Validation.NOT_CHECKED);
    }

    /** Judges an HTTP answer to a call of {@code operation}. Never throws for anything the vendor sent. */
    static Reply read(OutboundOperation operation, int status, byte[] body) {
        boolean success = status >= 200 && status < 300;
        if (body == null || body.length == 0) {
            return success ? invalid("the answer (HTTP " + status + ") has no body; a SOAP response was expected")
                    : httpError(status, "no body");
        }
        Document doc;
        try {
            doc = SecureXml.documentBuilder().parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            return success
                    ? invalid("the answer is not XML: " + e.getMessage() + " — it begins «" + snippet(body) + "»")
                    : httpError(status, snippet(body));
        }
        Element root = doc.getDocumentElement();
        if (!SoapEnvelope.SOAP11_NS.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            return success ? invalid("the answer's root element is " + name(root) + ", not the SOAP 1.1 {"
                    + SoapEnvelope.SOAP11_NS + "}Envelope") : httpError(status, snippet(body));
        }
        Element soapBody = IntygXml.child(root, SoapEnvelope.SOAP11_NS, "Body");
        List<Element> content = soapBody == null ? List.of() : IntygXml.children(soapBody);
        if (content.size() == 1 && SoapEnvelope.SOAP11_NS.equals(content.get(0).getNamespaceURI())
                && "Fault".equals(content.get(0).getLocalName())) {
            return new Reply(Kind.SOAP_FAULT, null, faultString(content.get(0)), Validation.NOT_CHECKED);
        }
        if (!success) return httpError(status, snippet(body));
        if (soapBody == null) return invalid("the envelope has no soap:Body");
        if (content.size() != 1) {
            return invalid("soap:Body holds " + content.size() + " elements; exactly one, {" + operation.namespace()
                    + "}" + operation.responseName() + ", was expected");
        }
        Element response = content.get(0);
        if (!operation.responseName().equals(response.getLocalName())
                || !operation.namespace().equals(response.getNamespaceURI())) {
            return invalid("the response element is " + name(response) + "; expected {" + operation.namespace() + "}"
                    + operation.responseName());
        }
        List<String> violations = OutboundRequest.validate(operation, response);
        if (!violations.isEmpty()) {
            return invalid("the response does not validate against the " + operation.operationName()
                    + " schema: " + String.join("; ", violations));
        }
        Element result = IntygXml.child(response, operation.namespace(), "result");
        String code = coreText(result, "resultCode");
        String resultText = coreText(result, "resultText");
        return switch (code) {
            case "OK" -> new Reply(Kind.OK, null, resultText, Validation.VALID);
            case "INFO" -> new Reply(Kind.INFO, null, resultText, Validation.VALID);
            default -> new Reply(Kind.ERROR, coreText(result, "errorId"), resultText, Validation.VALID);
        };
    }

    private static Reply invalid(String why) {
        return new Reply(Kind.INVALID_RESPONSE, null, why, Validation.INVALID);
    }

    private static Reply httpError(int status, String detail) {
        return new Reply(Kind.HTTP_ERROR, null, "HTTP " + status + (detail.isEmpty() ? "" : ": " + detail),
                Validation.NOT_CHECKED);
    }

    private static String faultString(Element fault) {
        for (Element e : IntygXml.children(fault)) {
            if ("faultstring".equals(e.getLocalName())) return e.getTextContent().trim();
        }
        return "";
    }

    private static String coreText(Element parent, String local) {
        Element e = IntygXml.child(parent, IntygXml.CORE_NS, local);
        return e == null ? null : e.getTextContent().trim();
    }

    private static String name(Element e) {
        return "{" + (e.getNamespaceURI() == null ? "" : e.getNamespaceURI()) + "}" + e.getLocalName();
    }

    private static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, SNIPPET * 4), StandardCharsets.UTF_8).strip()
                .replaceAll("\\s+", " ");
        return OutboundJournal.storable(text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text);
    }
}
