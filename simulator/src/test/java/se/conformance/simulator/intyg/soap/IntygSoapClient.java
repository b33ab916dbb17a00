package se.conformance.simulator.intyg.soap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.intyg.IntygOperations;
import se.conformance.simulator.soap.SoapOperation;
import se.conformance.simulator.support.SoapAnswers;
import se.conformance.simulator.support.RunningSimulator;

/**
 * A vendor's view of the simulated Intygstjänsten and Webcert: a running {@code Simulator} (its own port,
 * a private in-memory store), reached only over HTTP — SOAP calls whose every answer is checked against
 * the contract before a test looks at it (HTTP 200, the operation's own response root, valid against our
 * responder schema) or, for {@link #fault}, a SOAP 1.1 fault with HTTP 500; and the JSON control API for
 * set-up steps that are not SOAP calls, such as a doctor signing a draft in Webcert.
 */
public final class IntygSoapClient implements AutoCloseable {

    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String NS = "urn:riv:clinicalprocess:healthcond:certificate:";
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    /** The contracts' operations (paths, SOAP actions, schemas), read from an adapter that is never called. */
    private static final Map<String, SoapOperation> OPERATIONS = catalogue();

    private final RunningSimulator sim = new RunningSimulator();

    // ---- state -----------------------------------------------------------------------------------

    /** {@code POST /control/reset}, then the clock stopped at 08:00 on {@code date}. */
    public void resetAt(LocalDate date) {
        control().post("/control/reset").then().statusCode(200);
        control().body(Map.of("date", date.toString())).put("/control/clock").then().statusCode(200);
    }

    public RunningSimulator simulator() {
        return sim;
    }

    public String baseUrl() {
        return sim.baseUrl();
    }

    /** The simulator's clock, for reading it and moving it within a test. */
    public SimulatedClock clock() {
        return sim.simulator().clock();
    }

    /** A JSON request to the control API. */
    public RequestSpecification control() {
        return given().baseUri(sim.baseUrl()).contentType("application/json; charset=UTF-8");
    }

    /**
     * {@code POST /control/faults} with the intyg rule's JSON fields; must be accepted (201).
     *
     * @return the rule's id
     */
    public String faultRule(String operation, String resultCode, String errorId, String resultText, Integer count) {
        Response r = addFaultRule(operation, resultCode, errorId, resultText, count);
        assertThat(r.statusCode()).as("fault rule accepted: %s", r.asString()).isEqualTo(201);
        return r.jsonPath().getString("id");
    }

    /** {@code POST /control/faults} with the intyg rule's JSON fields, whatever it answers. */
    public Response addFaultRule(String operation, String resultCode, String errorId, String resultText, Integer count) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("service", "intyg");
        rule.put("operation", operation);
        rule.put("resultCode", resultCode);
        if (errorId != null) rule.put("errorId", errorId);
        rule.put("resultText", resultText);
        if (count != null) rule.put("count", count);
        return control().body(rule).post("/control/faults");
    }

    /** {@code POST /control/intyg/certificates/{id}/sign} as the default doctor; {@code answersXml} may be null. */
    public Response sign(String certificateId, String answersXml) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (answersXml != null) body.put("answersXml", answersXml);
        return control().body(body).post("/control/intyg/certificates/" + certificateId + "/sign");
    }

    /** {@code PUT /control/intyg/pu/switches}, e.g. {@code {"unreachable":true}}. */
    public void puSwitches(Map<String, Boolean> switches) {
        control().body(switches).put("/control/intyg/pu/switches").then().statusCode(200);
    }

    /** {@code POST /control/intyg/care-providers/{id}/erase}. */
    public void erase(String careProviderId) {
        control().post("/control/intyg/care-providers/" + careProviderId + "/erase").then().statusCode(200);
    }

    /** The seeded certificate type, deprecated, written back with {@code PUT /control/intyg/certificate-types/{code}}. */
    public void deprecate(String typeCode) {
        Map<String, Object> type = new LinkedHashMap<>(control().get("/control/intyg/seed").then().statusCode(200)
                .extract().jsonPath().getMap("certificateTypes.find { it.code == '" + typeCode + "' }"));
        type.put("deprecated", true);
        control().body(type).put("/control/intyg/certificate-types/" + typeCode).then().statusCode(200);
    }

    /** {@code GET /control/intyg/recipients/{id}/inbox}: what the simulated recipient received, oldest first. */
    public List<Map<String, Object>> inbox(String recipient) {
        return control().get("/control/intyg/recipients/" + recipient + "/inbox").then().statusCode(200)
                .extract().jsonPath().getList("received");
    }

    /** The answer of a control request, as JSON, after checking its status. */
    public static JsonPath json(Response response, int status) {
        assertThat(response.statusCode()).as("HTTP status: %s", response.asString()).isEqualTo(status);
        return response.jsonPath();
    }

    // ---- SOAP --------------------------------------------------------------------------------------

    /** Every inbound operation of the contracts. */
    public static List<SoapOperation> operations() {
        return List.copyOf(OPERATIONS.values());
    }

    public static SoapOperation operation(String name) {
        SoapOperation op = OPERATIONS.get(name);
        if (op == null) throw new IllegalArgumentException("no intyg operation " + name);
        return op;
    }

    public Response post(IntygRequest request) {
        SoapOperation op = operation(request.operation());
        return given().baseUri(sim.baseUrl())
                .contentType("text/xml; charset=UTF-8")
                .header("SOAPAction", op.soapAction())
                .body(request.xml())
                .post(op.path());
    }

    /** Calls the operation and checks the answer against the contract; fails the test if it is not a valid response. */
    public Reply call(IntygRequest request) {
        String op = request.operation();
        Response http = post(request);
        String body = new String(http.asByteArray(), StandardCharsets.UTF_8);
        assertThat(http.statusCode()).as("HTTP status of %s: %s", op, body).isEqualTo(200);
        Element payload = payloadOf(body);
        SoapOperation operation = operation(op);
        assertThat(payload.getNamespaceURI()).as("response root namespace of %s", op)
                .isEqualTo(NS + op + "Responder:" + operation.path().split("/")[5]);
        assertThat(payload.getLocalName()).as("response root of %s", op).isEqualTo(op + "Response");
        assertValid(operation, payload, body);
        return new Reply(op, payload, body);
    }

    /** As {@link #call}, and the result code must be {@code expected}. */
    public Reply expect(String expected, IntygRequest request) {
        Reply reply = call(request);
        assertThat(reply.code()).as("%s answered %s", request.operation(), reply.body()).isEqualTo(expected);
        return reply;
    }

    public Reply ok(IntygRequest request) {
        return expect("OK", request);
    }

    /** Calls the operation and checks that the answer is a SOAP 1.1 fault, HTTP 500. */
    public Fault fault(IntygRequest request) {
        Response http = post(request);
        String body = new String(http.asByteArray(), StandardCharsets.UTF_8);
        assertThat(http.statusCode()).as("HTTP status of a fault of %s: %s", request.operation(), body).isEqualTo(500);
        Element fault = payloadOf(body);
        assertThat(fault.getNamespaceURI()).isEqualTo(SOAP_NS);
        assertThat(fault.getLocalName()).as(body).isEqualTo("Fault");
        return new Fault(first(fault, "faultcode"), first(fault, "faultstring"), body);
    }

    /** Validates {@code payload} against the operation's responder schema. */
    public static void assertValid(SoapOperation operation, Element payload, String shownOnFailure) {
        assertValid(operation.schemaResource(), payload, shownOnFailure);
    }

    /** Validates {@code payload} against our schema {@code schemaResource} (a class path resource). */
    public static void assertValid(String schemaResource, Element payload, String shownOnFailure) {
        JAXPValidator validator = new JAXPValidator(Languages.W3C_XML_SCHEMA_NS_URI);
        validator.setSchema(schema(schemaResource));
        ValidationResult valid = validator.validateInstance(Input.fromNode(payload).build());
        assertThat(valid.isValid()).as("%s valid against %s: %s%n%s", payload.getLocalName(), schemaResource,
                valid.getProblems(), shownOnFailure).isTrue();
    }

    // ---- answers -----------------------------------------------------------------------------------

    /** A contract-valid answer: its payload element and navigation by local name. */
    public record Reply(String operation, Element payload, String body) {

        public String code() {
            return value("resultCode");
        }

        public String text() {
            return value("resultText");
        }

        public String errorId() {
            return value("errorId");
        }

        /** Text of the first element with this local name anywhere in the payload; null when there is none. */
        public String value(String localName) {
            return first(payload, localName);
        }

        public List<Element> all(String localName) {
            return descendants(payload, localName);
        }
    }

    /** A SOAP fault as the vendor saw it. */
    public record Fault(String code, String text, String body) {}

    public static String first(Element scope, String localName) {
        List<Element> found = descendants(scope, localName);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    public static List<Element> descendants(Element scope, String localName) {
        NodeList nodes = scope.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
    }

    public static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) return e;
        }
        return null;
    }

    public static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    /** The single element in the {@code soap:Body} of a SOAP 1.1 envelope. */
    public static Element payloadOf(String body) {
        return SoapAnswers.payloadOf(body);
    }

    private static Schema schema(String resource) {
        return SCHEMAS.computeIfAbsent(resource, r -> {
            URL url = IntygSoapClient.class.getResource("/" + r);
            if (url == null) throw new IllegalStateException("no responder schema " + r);
            try {
                SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                return f.newSchema(new StreamSource(url.toExternalForm()));
            } catch (Exception e) {
                throw new IllegalStateException("responder schema does not compile: " + r, e);
            }
        });
    }

    private static Map<String, SoapOperation> catalogue() {
        IntygOperations nobody = (IntygOperations) Proxy.newProxyInstance(IntygOperations.class.getClassLoader(),
                new Class<?>[] {IntygOperations.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException("the operation catalogue performs nothing");
                });
        Map<String, SoapOperation> byName = new LinkedHashMap<>();
        new IntygSoapAdapter(nobody, () -> null).operations().forEach(op -> byName.put(op.name(), op));
        return java.util.Collections.unmodifiableMap(byName);
    }

    @Override
    public void close() {
        sim.close();
    }
}
