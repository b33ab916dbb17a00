package se.conformance.simulator.soap;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Our own contract schemas, compiled once, and validation of a request payload against them.
 * Schemas load only from the classpath; validation never reaches outside the process.
 */
public final class ContractSchemas {

    /** At most this many violations are reported in one answer; the first ones are the useful ones. */
    private static final int MAX_REPORTED = 5;

    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    /** A validator is not thread-safe but can be reset and reused: one per thread and schema. */
    private final ThreadLocal<Map<String, Validator>> validators = ThreadLocal.withInitial(java.util.HashMap::new);
    /** Likewise the validator handlers of the request pass; one in use is out of the map until it finished cleanly. */
    private final ThreadLocal<Map<String, ValidatorHandler>> handlers = ThreadLocal.withInitial(java.util.HashMap::new);

    /**
     * Validates {@code payload}, an element the simulator built or received as a DOM (an outbound request, a
     * vendor's response), against the operation's responder schema. Requests to the simulator are validated in
     * their envelope's pass instead ({@link #check(SoapOperation)}).
     *
     * @return the violations, each naming the element and the schema rule; empty when valid
     */
    public List<String> validate(SoapOperation operation, Element payload) {
        // Each validate() starts from a clean state; only the error handler changes between calls.
        Validator validator = validators.get().computeIfAbsent(operation.schemaResource(), this::newValidator);
        Violations violations = new Violations();
        validator.setErrorHandler(violations);
        try {
            validator.validate(new DOMSource(payload));
        } catch (SAXException e) {
            violations.stoppedBy(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return violations.list;
    }

    /**
     * Validation of one request's payload as its envelope is read: give {@link Check#reader()} to
     * {@link SoapEnvelope#parse(byte[], boolean, List)}, then ask {@link Check#violations()}.
     */
    Check check(SoapOperation operation) {
        ValidatorHandler handler = handlers.get().remove(operation.schemaResource());
        if (handler == null) handler = newValidatorHandler(operation.schemaResource());
        return new Check(operation.schemaResource(), handler);
    }

    /** One payload's validation, on this thread. */
    final class Check {

        private final String resource;
        private final ValidatorHandler handler;
        private final Violations violations = new Violations();
        private final PayloadReader reader;

        private Check(String resource, ValidatorHandler handler) {
            this.resource = resource;
            this.handler = handler;
            handler.setErrorHandler(violations);
            this.reader = new PayloadReader(handler);
        }

        PayloadReader reader() {
            return reader;
        }

        /** The violations, as {@link #validate} reports them for the same element; once the envelope was read. */
        List<String> violations() {
            Exception failure = reader.failure();
            if (failure instanceof SAXException e) violations.stoppedBy(e);
            else if (failure instanceof RuntimeException e) throw e;
            if (reader.completed()) {
                handler.setErrorHandler(null);
                handlers.get().put(resource, handler);
            }
            return violations.list;
        }
    }

    /** Collects the first {@value #MAX_REPORTED} errors; a fatal one ends validation. */
    private static final class Violations implements ErrorHandler {

        final List<String> list = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
            if (list.size() < MAX_REPORTED) list.add(describe(e));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            list.add(describe(e));
            throw e;
        }

        void stoppedBy(SAXException e) {
            if (list.isEmpty()) list.add(clip(String.valueOf(e.getMessage())));
        }
    }

    private Validator newValidator(String resource) {
        Validator validator = compiled.computeIfAbsent(resource, ContractSchemas::compile).newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
        return validator;
    }

    /** As {@link #newValidator}; no content handler: what it passes on would carry the schema's defaults. */
    private ValidatorHandler newValidatorHandler(String resource) {
        ValidatorHandler handler = compiled.computeIfAbsent(resource, ContractSchemas::compile).newValidatorHandler();
        try {
            handler.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            handler.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
        return handler;
    }

    /**
     * A violation message quotes the offending value; a value longer than this is cut in the message.
     * Quoted element names and lists of them ({@code '{"urn:…":personId}'}) are kept whole.
     */
    static final int MAX_QUOTED_CHARS = 64;
    /** and a message longer than this is cut, so that an answer about a huge request stays small. */
    static final int MAX_MESSAGE_CHARS = 4000;
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'([^'{][^']{" + MAX_QUOTED_CHARS + ",})'");

    /** Xerces messages already name the element and the rule (cvc-…); keep them, drop the noise. */
    private static String describe(SAXParseException e) {
        return clip(String.valueOf(e.getMessage()));
    }

    /** Long quoted values shortened (the element and rule after them stay), then the whole message capped. */
    static String clip(String m) {
        java.util.regex.Matcher q = QUOTED.matcher(m);
        StringBuilder b = new StringBuilder();
        while (q.find()) {
            q.appendReplacement(b, java.util.regex.Matcher.quoteReplacement("'" + q.group(1).substring(0, MAX_QUOTED_CHARS)
                    + "…' (" + q.group(1).length() + " tecken)"));
        }
        q.appendTail(b);
        return b.length() <= MAX_MESSAGE_CHARS ? b.toString() : b.substring(0, MAX_MESSAGE_CHARS) + "… (avkortat)";
    }

    private static Schema compile(String resource) {
        URL url = ContractSchemas.class.getClassLoader().getResource(resource);
        if (url == null) throw new IllegalStateException("contract schema missing from the classpath: " + resource);
        try (InputStream in = url.openStream()) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // Imports are relative files beside the schema, in the jar or on disk: nothing remote.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            return factory.newSchema(new StreamSource(in, url.toExternalForm()));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("contract schema " + resource + " does not compile: " + e.getMessage(), e);
        }
    }
}
