package se.conformance.simulator.soap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.support.RunningSimulator.resultCode;
import static se.conformance.simulator.support.RunningSimulator.resultText;

import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xmlunit.builder.Input;
import org.xmlunit.validation.Languages;
import org.xmlunit.validation.ValidationResult;
import org.xmlunit.validation.Validator;
import se.conformance.simulator.support.RunningSimulator;
import se.conformance.simulator.support.SoapRequests;

/**
 * The one SOAP dispatch path, over real HTTP: WSDL and schema documents, envelope checks,
 * schema validation answered as VALIDATION_ERROR, and requests that must be refused without
 * being read (DTDs, external entities).
 */
class SoapDispatchTest {

    private static RunningSimulator sim;

    @BeforeAll
    static void start() {
        sim = new RunningSimulator();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    private static Response post(String path, String body) {
        return given().baseUri(sim.baseUrl()).contentType("text/xml; charset=UTF-8").body(body).post(path);
    }

    private static final String GET_CARD = "/efrikortService/GetCardForPerson/3/rivtabp21";

    @Test
    void wsdlIsServedWithTheAddressItWasFetchedFromAndImportsThatResolve() throws Exception {
        String wsdl = given().baseUri(sim.baseUrl()).get(GET_CARD + "?wsdl").then().statusCode(200)
                .extract().asString();
        assertThat(wsdl).contains("location=\"" + sim.baseUrl() + GET_CARD + "\"")
                .contains("urn:riv:cgi:healthcare:efrikort:GetCardForPersonResponder:3:GetCardForPerson");
        List<String> imports = XmlPath.from(wsdl).getList("**.findAll { it.name() == 'import' }.@schemaLocation");
        assertThat(imports).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(sim.baseUrl() + GET_CARD + "?xsd="));
        // The schemas served compile with their own imports, fetched over HTTP like a client generator would.
        String responder = imports.stream().filter(u -> u.contains("Responder")).findFirst().orElseThrow();
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "http");
        assertThat(f.newSchema(new StreamSource(responder))).isNotNull();
    }

    @Test
    void schemaOutsideTheContractFolderIsNotServed() {
        given().baseUri(sim.baseUrl()).get(GET_CARD + "?xsd=../../db/migration/V100__journal.sql").then().statusCode(404);
        given().baseUri(sim.baseUrl()).get(GET_CARD + "?xsd=../../../logback.xsd").then().statusCode(404);
    }

    @Test
    void validRequestIsAnsweredWithASchemaValidResponse() {
        Response r = sim.call(SoapRequests.efrikort("GetCardForPerson"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("x-trace-id")).hasSize(36);
        // Validate the body payload against our responder schema (the envelope itself is SOAP's).
        String payload = r.asString().replaceAll("(?s).*<soap:Body>(.*)</soap:Body>.*", "$1");
        ValidationResult payloadResult = responseValidator("GetCardForPerson").validateInstance(
                Input.fromString(payload).build());
        assertThat(payloadResult.isValid()).as(payloadResult.getProblems().toString()).isTrue();
    }

    private static Validator responseValidator(String op) {
        Validator v = Validator.forLanguage(Languages.W3C_XML_SCHEMA_NS_URI);
        v.setSchemaSource(Input.fromURL(SoapDispatchTest.class.getResource(
                "/contracts/efrikort/interactions/" + op + "Interaction/" + op + "Responder_3.0.xsd")).build());
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing required personId       | personId   | cvc-complex-type.2.4",
        "missing required cardTypeId     | cardTypeId | cvc-complex-type.2.4",
    })
    void missingRequiredElementIsAValidationErrorNamingIt(String title, String element, String rule) {
        Response r = sim.call(SoapRequests.efrikort("GetCardForPerson").without(element));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(resultCode(r)).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(r)).contains(rule).contains("cardTypeId".equals(element) ? "cardTypeId" : "personId");
    }

    @Test
    void personIdLongerThanTheSchemaAllowsIsAValidationErrorNamingTheRule() {
        Response r = sim.call(SoapRequests.efrikort("GetCardForPerson").with("personId", "19121212121299"));
        assertThat(resultCode(r)).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(r)).contains("maxLength").contains("19121212121299");
    }

    @Test
    void childInTheWrongNamespaceIsAValidationError() {
        String xml = SoapRequests.efrikort("GetCardForPerson").xml()
                .replace("<r:cardTypeId>CARE_VISIT</r:cardTypeId>", "<c:cardTypeId>CARE_VISIT</c:cardTypeId>");
        Response r = post(GET_CARD, xml);
        assertThat(resultCode(r)).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(r)).contains("cardTypeId");
    }

    @Test
    void requestRootInTheWrongNamespaceIsAValidationError() {
        String xml = SoapRequests.efrikort("GetCardForPerson").xml()
                .replace("urn:riv:cgi:healthcare:efrikort:GetCardForPersonResponder:3", "urn:riv:cgi:healthcare:efrikort:GetCardForPersonResponder:1");
        Response r = post(GET_CARD, xml);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(resultCode(r)).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(r)).contains("GetCardForPerson");
    }

    @Test
    void missingLogicalAddressHeaderIsAValidationErrorNamingIt() {
        String xml = SoapRequests.efrikort("GetCardForPerson").xml()
                .replaceAll("(?s)<soap:Header>.*</soap:Header>", "");
        Response r = post(GET_CARD, xml);
        assertThat(resultCode(r)).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(r)).contains("LogicalAddress");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not XML at all        | hello                                                                      | Client          | välformad",
        "truncated XML         | <soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'><soap:Body> | Client | välformad",
        "empty body            | ''                                                                         | Client          | Tom begäran",
        "SOAP 1.2 envelope     | <e:Envelope xmlns:e='http://www.w3.org/2003/05/soap-envelope'><e:Body/></e:Envelope> | VersionMismatch | SOAP 1.2",
        "not an envelope       | <Envelope/>                                                                | VersionMismatch | Envelope",
        "no Body               | <soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'/>    | Client          | soap:Body saknas",
        "empty Body            | <soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'><soap:Body/></soap:Envelope> | Client | tom",
        "two payloads          | <soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'><soap:Body><a/><b/></soap:Body></soap:Envelope> | Client | exakt ett",
    })
    void whatIsNotASoap11CallIsASoapFault(String title, String body, String faultCode, String text) {
        Response r = post(GET_CARD, body);
        assertThat(r.statusCode()).isEqualTo(500);
        XmlPath fault = XmlPath.from(r.asString());
        assertThat(fault.getString("**.find { it.name() == 'faultcode' }")).isEqualTo("soap:" + faultCode);
        assertThat(fault.getString("**.find { it.name() == 'faultstring' }")).containsIgnoringCase(text);
    }

    @Test
    void doctypeIsRefusedAndNoExternalEntityIsRead(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOPSECRET");
        String xxe = "<?xml version='1.0'?><!DOCTYPE e [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
                + SoapRequests.efrikort("GetCardForPerson").xml().replaceFirst("<\\?xml[^>]*>", "")
                        .replace("<r:personId>191212121212</r:personId>", "<r:personId>&x;</r:personId>");
        Response r = post(GET_CARD, xxe);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.asString()).contains("DOCTYPE").doesNotContain("TOPSECRET");
    }

    @Test
    void externalEntityOverHttpIsNeverFetched() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0)) {
            Thread t = new Thread(() -> {
                try (Socket s = listener.accept()) {
                    connections.incrementAndGet();
                } catch (IOException ignored) {
                }
            });
            t.setDaemon(true);
            t.start();
            String xxe = "<?xml version='1.0'?><!DOCTYPE e [<!ENTITY x SYSTEM 'http://127.0.0.1:" + listener.getLocalPort()
                    + "/x'>]><e>&x;</e>";
            Response r = post(GET_CARD, xxe);
            assertThat(r.statusCode()).isEqualTo(500);
            listener.setSoTimeout(300);
            Thread.sleep(300);
            assertThat(connections).hasValue(0);
        }
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder dtd = new StringBuilder("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" '").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("'>");
        }
        dtd.append("]><lolz>&lol9;</lolz>");
        long start = System.nanoTime();
        Response r = post(GET_CARD, dtd.toString());
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.asString()).contains("DOCTYPE");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000); // a hang would be minutes
    }

    @Test
    void unknownServicePathIs404AndOtherMethodsAre405() {
        given().baseUri(sim.baseUrl()).body("<x/>").post("/efrikortService/NoSuchOperation/3/rivtabp21")
                .then().statusCode(404);
        given().baseUri(sim.baseUrl()).put(GET_CARD).then().statusCode(405);
        given().baseUri(sim.baseUrl()).get(GET_CARD).then().statusCode(405);
    }

    @Test
    void nonAsciiInARequestIsReadAsUtf8AndQuotedBackIntact() {
        Response r = sim.call(SoapRequests.efrikort("GetCardForPerson").with("personId", "ÅÄÖåäö1234567"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Content-Type")).containsIgnoringCase("charset=UTF-8");
        assertThat(new String(r.asByteArray(), StandardCharsets.UTF_8)).contains("ÅÄÖåäö1234567");
    }
}
