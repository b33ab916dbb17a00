package se.conformance.simulator.intyg.soap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request built from the documented example envelopes ({@code docs/examples/intyg/<Op>.xml}, on the
 * test class path as {@code /soap/intyg/<Op>.xml}) with values changed by name or by text, so each test
 * states only what it varies. The examples share one certificate ({@link #EXAMPLE_ID}) of Tolvan
 * ({@link #EXAMPLE_PATIENT}) on unit {@code TSTNMT2321000156-1077}.
 */
public final class IntygRequest {

    /** The certificate id every example names. */
    public static final String EXAMPLE_ID = "9f02dd2f-f57c-4a73-8190-2fe602bd6e2a";
    public static final String EXAMPLE_PATIENT = "191212121212";
    /** Intygstjänsten's logical address, the examples' LogicalAddress header. */
    public static final String INTYGSTJANSTEN = "5565594230";

    private final String operation;
    private String xml;

    private IntygRequest(String operation, String xml) {
        this.operation = operation;
        this.xml = xml;
    }

    /** The example of {@code operation}; {@code RegisterCertificate-TSTRK1031} is RegisterCertificate's second one. */
    public static IntygRequest example(String example) {
        String resource = "/soap/intyg/" + example + ".xml";
        try (InputStream in = IntygRequest.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no example " + resource);
            String operation = example.contains("-") ? example.substring(0, example.indexOf('-')) : example;
            return new IntygRequest(operation, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request of {@code operation} whose whole body payload is {@code payload} (for hand-built requests). */
    public static IntygRequest of(String operation, String envelope) {
        return new IntygRequest(operation, envelope);
    }

    /** Sets the text of every element with this local name (any prefix); the example must have one. */
    public IntygRequest with(String element, String value) {
        Pattern p = Pattern.compile("(<(\\w+:)?" + Pattern.quote(element) + ">)[^<]*(</(\\w+:)?" + Pattern.quote(element) + ">)");
        Matcher m = p.matcher(xml);
        if (!m.find()) throw new IllegalArgumentException(operation + " example has no element " + element);
        xml = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + value + r.group(3)));
        return this;
    }

    /** Replaces every occurrence of a literal text; the example must contain it. */
    public IntygRequest replace(String literal, String replacement) {
        if (!xml.contains(literal)) throw new IllegalArgumentException(operation + " example has no " + literal);
        xml = xml.replace(literal, replacement);
        return this;
    }

    /** Removes the first element with this local name, content included. */
    public IntygRequest without(String element) {
        Pattern p = Pattern.compile("\\s*<(\\w+:)?" + Pattern.quote(element) + "(\\s[^>]*)?>(.|\\s)*?</(\\w+:)?"
                + Pattern.quote(element) + ">");
        Matcher m = p.matcher(xml);
        if (!m.find()) throw new IllegalArgumentException(operation + " example has no element " + element);
        xml = m.replaceFirst("");
        return this;
    }

    /** The certificate id of the example, replaced by {@code id}. */
    public IntygRequest certificate(String id) {
        return replace(EXAMPLE_ID, id);
    }

    public String operation() {
        return operation;
    }

    public String xml() {
        return xml;
    }

    @Override
    public String toString() {
        return xml;
    }
}
