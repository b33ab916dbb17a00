package se.conformance.simulator.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request built from the sample envelopes under {@code src/test/resources/soap/efrikort}, with
 * element values changed or removed by name, so each test states only what it varies.
 */
public final class SoapRequests {

    private String xml;
    private final String operation;

    private SoapRequests(String operation, String xml) {
        this.operation = operation;
        this.xml = xml;
    }

    public static SoapRequests efrikort(String operation) {
        String resource = "/soap/efrikort/" + operation + ".xml";
        try (InputStream in = SoapRequests.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no sample " + resource);
            return new SoapRequests(operation, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the text of every element with this local name (any prefix). */
    public SoapRequests with(String element, String value) {
        Pattern p = Pattern.compile("(<(\\w+:)?" + element + ">)[^<]*(</(\\w+:)?" + element + ">)");
        Matcher m = p.matcher(xml);
        if (!m.find()) throw new IllegalArgumentException(operation + " sample has no element " + element);
        xml = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + value + r.group(3)));
        return this;
    }

    /** Removes every element with this local name, content included. */
    public SoapRequests without(String element) {
        Pattern p = Pattern.compile("\\s*<(\\w+:)?" + element + ">(.|\\s)*?</(\\w+:)?" + element + ">");
        Matcher m = p.matcher(xml);
        if (!m.find()) throw new IllegalArgumentException(operation + " sample has no element " + element);
        xml = m.replaceAll("");
        return this;
    }

    public String operation() {
        return operation;
    }

    public String path() {
        return "/efrikortService/" + operation + "/3/rivtabp21";
    }

    public String soapAction() {
        return "urn:riv:cgi:healthcare:efrikort:" + operation + "Responder:3:" + operation;
    }

    public String xml() {
        return xml;
    }

    @Override
    public String toString() {
        return xml;
    }
}
