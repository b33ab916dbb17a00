package se.conformance.simulator.support;

import io.restassured.RestAssured;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import java.util.UUID;
import se.conformance.simulator.Simulator;

/**
 * A simulator on a free port with a private in-memory database, and the calls tests make to it.
 * One per test class; {@link #reset()} between tests.
 */
public final class RunningSimulator implements AutoCloseable {

    private final Simulator simulator;

    public RunningSimulator() {
        this.simulator = Simulator.builder().withPort(0).withInMemoryDatabase("t" + UUID.randomUUID()).start();
    }

    public Simulator simulator() {
        return simulator;
    }

    public String baseUrl() {
        return simulator.baseUrl();
    }

    public void reset() {
        simulator.reset();
    }

    /** POSTs the request as a SOAP 1.1 call and returns the raw answer. */
    public Response call(SoapRequests request) {
        return RestAssured.given()
                .baseUri(baseUrl())
                .contentType("text/xml; charset=UTF-8")
                .header("SOAPAction", request.soapAction())
                .body(request.xml())
                .post(request.path());
    }

    /** The answer's {@code resultCode}, wherever it sits in the response. */
    public static String resultCode(Response response) {
        return XmlPath.from(response.asString()).getString("**.find { it.name() == 'resultCode' }");
    }

    public static String resultText(Response response) {
        return XmlPath.from(response.asString()).getString("**.find { it.name() == 'resultText' }");
    }

    public static String value(Response response, String element) {
        return XmlPath.from(response.asString()).getString("**.find { it.name() == '" + element + "' }");
    }

    @Override
    public void close() {
        simulator.close();
    }
}
