package se.conformance.simulator.efrikort.soap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xmlunit.builder.Input;
import org.xmlunit.validation.JAXPValidator;
import org.xmlunit.validation.Languages;
import org.xmlunit.validation.ValidationResult;
import se.conformance.simulator.support.SoapAnswers;
import se.conformance.simulator.support.RunningSimulator;
import se.conformance.simulator.support.SoapRequests;

/**
 * A vendor's view of the simulator: SOAP calls over real HTTP whose every answer is checked
 * against the contract (HTTP 200, the operation's own response root, valid against our responder
 * schema) before a test looks at it, plus the control calls tests need (reset, clock, seed).
 * Every exchange is remembered, so a test can compare it with the journal.
 */
final class EfrikortSoapClient implements AutoCloseable {

    static final String STOCKHOLM = "SE2321000016-39KJ";
    static final String NORRBOTTEN = "SE2321000230-E00001";
    static final String EMPLOYEE = "TSTNMT2321000156-1079";
    static final String EMPLOYEE_WITHOUT_ROLE = "TSTNMT2321000156-1080";
    static final String PROVIDER = "TSTNMT2321000156-1002";

    /** Tolvan Tolvansson, the classic test personnummer. */
    static final String ADULT = personnummer("19121212121");
    static final String OTHER_ADULT = personnummer("19550307258");
    static final String CHILD = personnummer("20150315123");

    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final Pattern PERSON_ID = Pattern.compile("<(\\w+:)?personId>([^<]*)</");
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    /** One SOAP exchange as the vendor saw it. */
    record Exchange(String traceId, String operation, String personId, String resultCode) {}

    private final RunningSimulator sim = new RunningSimulator();
    private final List<Exchange> exchanges = new ArrayList<>();

    // ---- control ----------------------------------------------------------------------------

    /** The default seed, nothing registered, the clock stopped at 08:00 on {@code date}. */
    void resetAt(String date) {
        sim.reset();
        exchanges.clear();
        setDate(date);
    }

    void setDate(String date) {
        control().body(Map.of("date", date)).put("/control/clock").then().statusCode(200);
    }

    void advance(Duration duration) {
        control().body(Map.of("duration", duration.toString())).post("/control/clock/advance").then().statusCode(200);
    }

    RequestSpecification control() {
        return given().baseUri(sim.baseUrl()).contentType("application/json");
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    // ---- SOAP -------------------------------------------------------------------------------

    /** Calls the operation and checks the answer against the contract; fails the test if it is not a valid response. */
    Reply call(SoapRequests request) {
        String op = request.operation();
        Response http = sim.call(request);
        String body = new String(http.asByteArray(), StandardCharsets.UTF_8);
        assertThat(http.statusCode()).as("HTTP status of %s: %s", op, body).isEqualTo(200);
        Element payload = payloadOf(body);
        assertThat(payload.getNamespaceURI()).as("response root namespace of %s", op)
                .isEqualTo("urn:riv:cgi:healthcare:efrikort:" + op + "Responder:3");
        assertThat(payload.getLocalName()).as("response root of %s", op).isEqualTo(op + "Response");
        JAXPValidator validator = new JAXPValidator(Languages.W3C_XML_SCHEMA_NS_URI);
        validator.setSchema(schema(op));
        ValidationResult valid = validator.validateInstance(Input.fromNode(payload).build());
        assertThat(valid.isValid()).as("%s response valid against %sResponder_3.0.xsd: %s%n%s", op, op,
                valid.getProblems(), body).isTrue();
        Reply reply = new Reply(op, http.header("x-trace-id"), payload, body);
        Matcher person = PERSON_ID.matcher(request.xml());
        exchanges.add(new Exchange(reply.traceId(), op, person.find() ? person.group(2) : null, reply.code()));
        return reply;
    }

    /** As {@link #call}, and the answer must be {@code expected}. */
    Reply expect(String expected, SoapRequests request) {
        Reply reply = call(request);
        assertThat(reply.code()).as("%s answered %s", request.operation(), reply.body()).isEqualTo(expected);
        return reply;
    }

    Reply ok(SoapRequests request) {
        return expect("OK", request);
    }

    // ---- requests a cash register sends ----------------------------------------------------------

    static SoapRequests request(String operation) {
        return SoapRequests.efrikort(operation);
    }

    /** RegisterTransaction in Stockholm, dated the sample's 2025-03-01. */
    static SoapRequests fee(String personId, String amount) {
        return request("RegisterTransaction").with("personId", personId).with("amount", amount);
    }

    static SoapRequests inRegion(SoapRequests request, String carePrincipalId) {
        return request.with("LogicalAddress", carePrincipalId).with("carePrincipalId", carePrincipalId);
    }

    /** A registered fee's receipt. */
    Reply registered(String personId, String amount) {
        return ok(fee(personId, amount));
    }

    /** 400 + 400 + 400 + the remaining 250: Stockholm's 2025 ceiling of 1 450 reached on 2025-03-01; the last receipt. */
    Reply reachTheCeiling(String personId) {
        registered(personId, "400.0");
        registered(personId, "400.0");
        registered(personId, "400.0");
        return registered(personId, "250.0");
    }

    Reply card(String personId) {
        return ok(request("GetCardForPerson").with("personId", personId));
    }

    Reply extendedCard(String personId) {
        return ok(request("GetExtendedCardForPerson").with("personId", personId));
    }

    // ---- persons --------------------------------------------------------------------------------

    /**
     * A personnummer from its first eleven digits (YYYYMMDDNNN): the check digit is computed with
     * the Luhn rule over the ten-digit form YYMMDDNNN, never guessed.
     */
    static String personnummer(String yyyymmddnnn) {
        if (!yyyymmddnnn.matches("\\d{11}")) throw new IllegalArgumentException(yyyymmddnnn);
        String nine = yyyymmddnnn.substring(2);
        int sum = 0;
        for (int i = 0; i < nine.length(); i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d / 10 + d % 10;
        }
        return yyyymmddnnn + (10 - sum % 10) % 10;
    }

    /** The same personnummer with a check digit that the Luhn rule refuses. */
    static String withWrongCheckDigit(String personnummer) {
        int last = personnummer.charAt(personnummer.length() - 1) - '0';
        return personnummer.substring(0, personnummer.length() - 1) + (last + 1) % 10;
    }

    // ---- answers --------------------------------------------------------------------------------

    /** A contract-valid answer: its payload element and navigation by local name. */
    record Reply(String operation, String traceId, Element payload, String body) {

        String code() {
            return value("resultCode");
        }

        String text() {
            return value("resultText");
        }

        /** Text of the first element with this local name anywhere in the payload; null when there is none. */
        String value(String localName) {
            return first(payload, localName);
        }

        List<Element> all(String localName) {
            return descendants(payload, localName);
        }
    }

    /** Text of the first descendant with this local name, or null. */
    static String first(Element scope, String localName) {
        List<Element> found = descendants(scope, localName);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    /** Text at a path of direct children ("card/status"), or null when a step is missing. */
    static String at(Element scope, String path) {
        Element e = scope;
        for (String step : path.split("/")) {
            e = child(e, step);
            if (e == null) return null;
        }
        return e.getTextContent();
    }

    static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) return e;
        }
        return null;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    static List<Element> descendants(Element scope, String localName) {
        NodeList nodes = scope.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }

    private static Element payloadOf(String body) {
        return SoapAnswers.payloadOf(body);
    }

    private static Schema schema(String op) {
        return SCHEMAS.computeIfAbsent(op, o -> {
            String resource = "/contracts/efrikort/interactions/" + o + "Interaction/" + o + "Responder_3.0.xsd";
            URL url = EfrikortSoapClient.class.getResource(resource);
            if (url == null) throw new IllegalStateException("no responder schema " + resource);
            try {
                SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                return f.newSchema(new StreamSource(url.toExternalForm()));
            } catch (Exception e) {
                throw new IllegalStateException("responder schema does not compile: " + resource, e);
            }
        });
    }

    @Override
    public void close() {
        sim.close();
    }
}
