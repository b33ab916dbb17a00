package se.conformance.simulator.intyg.soap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xmlunit.builder.Input;
import org.xmlunit.validation.JAXPValidator;
import org.xmlunit.validation.Languages;
import org.xmlunit.validation.ValidationResult;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.fault.FaultRule;
import se.conformance.simulator.fault.FaultRules;
import se.conformance.simulator.intyg.IntygService;
import se.conformance.simulator.intyg.rules.CertificateTypeRules;
import se.conformance.simulator.intyg.seed.JdbcIntygSeed;
import se.conformance.simulator.intyg.store.RecipientInbox;
import se.conformance.simulator.soap.SoapDispatcher;
import se.conformance.simulator.soap.SoapOperation;
import se.conformance.simulator.store.Database;

/**
 * A vendor's view of the simulated Intygstjänsten and Webcert: SOAP calls over real HTTP whose every
 * answer is checked against the contract before a test looks at it — HTTP 200, the operation's own
 * response root, valid against our responder schema — or, for {@link #fault}, a SOAP 1.1 fault with
 * HTTP 500. The domain behind it (store, clock, recipients' inbox) is at hand for set-up steps that
 * are not SOAP calls, such as a doctor signing a draft in Webcert.
 *
 * <p>The server is built as {@code Simulator} builds it — one WireMock server, the SOAP dispatcher with
 * the intyg adapter at priority 10, fault rules as stubs at priority 1 — on a private H2 database.
 */
final class IntygSoapClient implements AutoCloseable {

    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String NS = "urn:riv:clinicalprocess:healthcond:certificate:";
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Supplier<CertificateTypeRules> RULES = new Supplier<>() {
        private volatile CertificateTypeRules rules;

        @Override
        public synchronized CertificateTypeRules get() {
            if (rules == null) rules = CertificateTypeRules.onClasspath();
            return rules;
        }
    };

    private final Database database = Database.inMemory("intyg-soap-" + UUID.randomUUID());
    private final SimulatedClock clock = new SimulatedClock();
    private final JdbcIntygSeed seed = new JdbcIntygSeed(database);
    private final IntygService service = new IntygService(database, clock);
    private final IntygSoapAdapter adapter = new IntygSoapAdapter(service, RULES);
    private final RecipientInbox inbox = new RecipientInbox(database);
    private final Map<String, SoapOperation> operations = new ConcurrentHashMap<>();
    private final FaultRules faults;
    private final WireMockServer server;

    IntygSoapClient() {
        adapter.operations().forEach(op -> operations.put(op.name(), op));
        Map<String, SoapOperation> byKey = adapter.operations().stream()
                .collect(Collectors.toMap(op -> op.service() + "/" + op.name(), op -> op));
        faults = new FaultRules(byKey, Map.of("intyg", IntygSoapAdapter.PATH_PATTERN));
        server = new WireMockServer(options().port(0).bindAddress("127.0.0.1").disableRequestJournal()
                .extensions(new SoapDispatcher(List.of(adapter), faults), faults.matcher()));
        faults.attach(server);
        server.stubFor(any(urlPathMatching(IntygSoapAdapter.PATH_PATTERN)).atPriority(10)
                .willReturn(aResponse().withTransformers(SoapDispatcher.NAME)));
        server.start();
    }

    // ---- state -----------------------------------------------------------------------------------

    /** The default seed, nothing stored, no fault rules, the clock stopped at 08:00 on {@code date}. */
    void resetAt(LocalDate date) {
        seed.resetToDefault();
        faults.clear();
        clock.setDate(date);
    }

    SimulatedClock clock() {
        return clock;
    }

    IntygService service() {
        return service;
    }

    IntygSoapAdapter adapter() {
        return adapter;
    }

    JdbcIntygSeed seed() {
        return seed;
    }

    RecipientInbox inbox() {
        return inbox;
    }

    /** Adds a fault rule as {@code POST /control/faults} would, from the same JSON fields. */
    FaultRule faultRule(String operation, String resultCode, String errorId, String resultText, Integer count) {
        return faults.add(new FaultRule(null, "intyg", operation, null, null, resultCode, errorId, resultText, null,
                null, null, false, count));
    }

    SoapOperation operation(String name) {
        return operations.get(name);
    }

    // ---- SOAP --------------------------------------------------------------------------------------

    Response post(IntygRequest request) {
        SoapOperation op = operations.get(request.operation());
        return given().baseUri("http://127.0.0.1:" + server.port())
                .contentType("text/xml; charset=UTF-8")
                .header("SOAPAction", op.soapAction())
                .body(request.xml())
                .post(op.path());
    }

    /** Calls the operation and checks the answer against the contract; fails the test if it is not a valid response. */
    Reply call(IntygRequest request) {
        String op = request.operation();
        Response http = post(request);
        String body = new String(http.asByteArray(), StandardCharsets.UTF_8);
        assertThat(http.statusCode()).as("HTTP status of %s: %s", op, body).isEqualTo(200);
        Element payload = payloadOf(body);
        SoapOperation operation = operations.get(op);
        assertThat(payload.getNamespaceURI()).as("response root namespace of %s", op)
                .isEqualTo(NS + op + "Responder:" + operation.path().split("/")[5]);
        assertThat(payload.getLocalName()).as("response root of %s", op).isEqualTo(op + "Response");
        assertValid(operation, payload, body);
        return new Reply(op, payload, body);
    }

    /** As {@link #call}, and the result code must be {@code expected}. */
    Reply expect(String expected, IntygRequest request) {
        Reply reply = call(request);
        assertThat(reply.code()).as("%s answered %s", request.operation(), reply.body()).isEqualTo(expected);
        return reply;
    }

    Reply ok(IntygRequest request) {
        return expect("OK", request);
    }

    /** Calls the operation and checks that the answer is a SOAP 1.1 fault, HTTP 500. */
    Fault fault(IntygRequest request) {
        Response http = post(request);
        String body = new String(http.asByteArray(), StandardCharsets.UTF_8);
        assertThat(http.statusCode()).as("HTTP status of a fault of %s: %s", request.operation(), body).isEqualTo(500);
        Element fault = payloadOf(body);
        assertThat(fault.getNamespaceURI()).isEqualTo(SOAP_NS);
        assertThat(fault.getLocalName()).as(body).isEqualTo("Fault");
        return new Fault(first(fault, "faultcode"), first(fault, "faultstring"), body);
    }

    /** Validates {@code payload} against the operation's responder schema. */
    static void assertValid(SoapOperation operation, Element payload, String shownOnFailure) {
        JAXPValidator validator = new JAXPValidator(Languages.W3C_XML_SCHEMA_NS_URI);
        validator.setSchema(schema(operation.schemaResource()));
        ValidationResult valid = validator.validateInstance(Input.fromNode(payload).build());
        assertThat(valid.isValid()).as("%s valid against %s: %s%n%s", payload.getLocalName(),
                operation.schemaResource(), valid.getProblems(), shownOnFailure).isTrue();
    }

    // ---- answers -----------------------------------------------------------------------------------

    /** A contract-valid answer: its payload element and navigation by local name. */
    record Reply(String operation, Element payload, String body) {

        String code() {
            return value("resultCode");
        }

        String text() {
            return value("resultText");
        }

        String errorId() {
            return value("errorId");
        }

        /** Text of the first element with this local name anywhere in the payload; null when there is none. */
        String value(String localName) {
            return first(payload, localName);
        }

        List<Element> all(String localName) {
            return descendants(payload, localName);
        }
    }

    /** A SOAP fault as the vendor saw it. */
    record Fault(String code, String text, String body) {}

    static String first(Element scope, String localName) {
        List<Element> found = descendants(scope, localName);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }

    static List<Element> descendants(Element scope, String localName) {
        NodeList nodes = scope.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) out.add((Element) nodes.item(i));
        return out;
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

    private static Element payloadOf(String body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            Element envelope = doc.getDocumentElement();
            assertThat(envelope.getNamespaceURI()).as("SOAP 1.1 envelope: %s", body).isEqualTo(SOAP_NS);
            Element soapBody = child(envelope, "Body");
            assertThat(soapBody).as("soap:Body in %s", body).isNotNull();
            List<Element> payloads = new ArrayList<>();
            for (Node n = soapBody.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) payloads.add(e);
            }
            assertThat(payloads).as("exactly one payload in soap:Body: %s", body).hasSize(1);
            return payloads.get(0);
        } catch (Exception e) {
            throw new AssertionError("not a readable SOAP answer: " + body, e);
        }
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

    @Override
    public void close() {
        server.stop();
        database.close();
    }
}
