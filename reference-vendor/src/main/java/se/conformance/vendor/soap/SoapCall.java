package se.conformance.vendor.soap;

import org.w3c.dom.Element;

/**
 * What came of one SOAP call: an answer (the body's payload element), a SOAP fault, or nothing
 * (time-out, refused or dropped connection).
 */
public record SoapCall(Kind kind, Element payload, String faultString, String problem) {

    public enum Kind { ANSWER, FAULT, NO_ANSWER }

    public static SoapCall answer(Element payload) {
        return new SoapCall(Kind.ANSWER, payload, null, null);
    }

    public static SoapCall fault(String faultString) {
        return new SoapCall(Kind.FAULT, null, faultString, null);
    }

    public static SoapCall noAnswer(String problem) {
        return new SoapCall(Kind.NO_ANSWER, null, null, problem);
    }

    public boolean answered() {
        return kind == Kind.ANSWER;
    }

    /** resultCode of the answer's ResultType (first element of that local name), or null. */
    public String resultCode() {
        return payload == null ? null : Xml.firstText(payload, "resultCode");
    }

    public String resultText() {
        return payload == null ? null : Xml.firstText(payload, "resultText");
    }

    public String errorId() {
        return payload == null ? null : Xml.firstText(payload, "errorId");
    }
}
