package se.conformance.simulator.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshallerHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import se.conformance.simulator.efrikort.contract.getcardforperson.GetCardForPerson;
import se.conformance.simulator.efrikort.soap.EfrikortSoapAdapter;
import se.conformance.simulator.intyg.IntygOperations;
import se.conformance.simulator.intyg.soap.CertificateXml;
import se.conformance.simulator.intyg.soap.IntygSoapAdapter;

/**
 * The single pass over a request ({@link SoapEnvelope#parse(byte[], boolean, List)}): envelope checks, the
 * operation's schema validation and JAXB side by side, the payload DOM on request, the index fields. The
 * reference for violations and for the kept certificate XML is what the DOM way gives for the same element
 * (a {@link SecureXml} DOM, {@link ContractSchemas#validate}), which the simulator still uses for the
 * requests it builds itself.
 */
class SoapEnvelopePassTest {

    private static final ContractSchemas SCHEMAS = new ContractSchemas();
    private static final EfrikortSoapAdapter EFRIKORT = new EfrikortSoapAdapter(null);
    private static final IntygSoapAdapter INTYG = new IntygSoapAdapter(
            (IntygOperations) java.lang.reflect.Proxy.newProxyInstance(IntygOperations.class.getClassLoader(),
                    new Class<?>[] {IntygOperations.class}, (proxy, method, args) -> {
                        throw new UnsupportedOperationException("not called by the pass");
                    }), () -> null);

    /** What the dispatcher gets from one pass. */
    private record Outcome(SoapEnvelope envelope, List<String> violations, PayloadReader binding,
            UnmarshallerHandler result) {}

    private static Outcome pass(ServiceAdapter adapter, String operation, String request) {
        SoapOperation op = op(adapter, operation);
        ContractSchemas.Check check = SCHEMAS.check(op);
        UnmarshallerHandler jaxb;
        try {
            jaxb = adapter.jaxbContext(op).createUnmarshaller().getUnmarshallerHandler();
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
        PayloadReader binding = new PayloadReader(jaxb);
        SoapEnvelope envelope = SoapEnvelope.parse(request.getBytes(StandardCharsets.UTF_8), adapter.keepsPayload(op),
                List.of(check.reader(), binding));
        return new Outcome(envelope, check.violations(), binding, jaxb);
    }

    /** The DOM way: the payload element of a secure DOM parse, validated as a DOM source. */
    private static List<String> domViolations(ServiceAdapter adapter, String operation, String request) {
        return SCHEMAS.validate(op(adapter, operation), domPayload(request));
    }

    private static Element domPayload(String request) {
        try {
            Element root = SecureXml.documentBuilder()
                    .parse(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            return firstElement(firstChild(root, "Body"));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SoapOperation op(ServiceAdapter adapter, String name) {
        return adapter.operations().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static String example(String path) {
        try (InputStream in = SoapEnvelopePassTest.class.getResourceAsStream("/soap/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Element firstChild(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) return e;
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) return e;
        }
        return null;
    }

    private static final String GET_CARD = example("efrikort/GetCardForPerson.xml");

    @Test
    void aValidPayloadIsBoundWithoutADom() throws JAXBException {
        for (int round = 0; round < 3; round++) { // the thread's handlers are reused between requests
            Outcome o = pass(EFRIKORT, "GetCardForPerson", GET_CARD);
            assertThat(o.violations()).isEmpty();
            assertThat(o.binding().completed()).isTrue();
            GetCardForPerson call = (GetCardForPerson) o.result().getResult();
            assertThat(call.getCarePrincipalId()).isEqualTo("SE2321000016-39KJ");
            assertThat(call.getPersonId()).isEqualTo("191212121212");
            assertThat(o.envelope().logicalAddress()).isEqualTo("SE2321000016-39KJ");
            assertThat(o.envelope().payload()).as("e-frikort does not read the element").isNull();
        }
    }

    private static final String LONG_PERSON = ">191212121212191212121212<";
    private static final String LONG_TYPE = ">CARE_VISIT_CARE_VISIT_CARE_VISIT_CARE_VISIT<";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // what is changed in GetCardForPerson                                          | violations at least
        "personId too long     | >191212121212<                        | >191212121212191212121212< | 2",
        "card type too long    | >CARE_VISIT<                          | >CARE_VISIT_CARE_VISIT_CARE_VISIT_CARE_VISIT< | 2",
        "unknown element first | <r:carePrincipalId>                   | <r:x>1</r:x><r:carePrincipalId> | 1",
        "personId missing      | <r:personId>191212121212</r:personId> | <!-- none -->               | 1",
    })
    void violationsAreTheSchemaMessagesOfTheDomWay(String name, String from, String to, int atLeast) {
        String request = GET_CARD.replace(from, to);
        Outcome o = pass(EFRIKORT, "GetCardForPerson", request);
        assertThat(o.violations()).hasSizeGreaterThanOrEqualTo(atLeast)
                .isEqualTo(domViolations(EFRIKORT, "GetCardForPerson", request));
        assertThat(o.violations()).allMatch(v -> v.startsWith("cvc-"));
    }

    @Test
    void severalViolationsKeepTheirOrderAndAtMostFive() {
        String request = GET_CARD.replace(">191212121212<", LONG_PERSON).replace(">CARE_VISIT<", LONG_TYPE);
        Outcome o = pass(EFRIKORT, "GetCardForPerson", request);
        assertThat(o.violations()).hasSize(4).isEqualTo(domViolations(EFRIKORT, "GetCardForPerson", request));
        assertThat(o.violations().get(0)).contains("191212121212191212121212");
        assertThat(o.violations().get(3)).contains("CARE_VISIT_CARE_VISIT");

        String six = request.replace(">SE2321000016-39KJ</r:carePrincipalId>",
                ">SE2321000016-39KJ-SE2321000016-39KJ</r:carePrincipalId>");
        List<String> violations = pass(EFRIKORT, "GetCardForPerson", six).violations();
        assertThat(violations).hasSize(5).isEqualTo(domViolations(EFRIKORT, "GetCardForPerson", six));
        assertThat(violations.get(0)).contains("SE2321000016-39KJ-SE2321000016-39KJ");
    }

    @Test
    void jaxbOnAnInvalidPayloadAddsNothing() {
        // an element JAXB does not know, in a place the schema refuses: JAXB may stumble, the list is the schema's
        String request = GET_CARD.replace("<r:personId>", "<c:unknown xmlns:c='urn:x'><deep/></c:unknown><r:personId>");
        Outcome o = pass(EFRIKORT, "GetCardForPerson", request);
        assertThat(o.violations()).isNotEmpty().isEqualTo(domViolations(EFRIKORT, "GetCardForPerson", request));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "after a schema violation   | >191212121212< | >191212121212191212121212< | </soap:Envelope>  | </soap:Envelope><tail>",
        "inside the invalid payload | >191212121212< | >191212121212191212121212< | </r:cardTypeId>   | </r:cardTypeID>",
        "a processing instruction   | >191212121212< | >191212121212191212121212< | </soap:Body>      | <?later?></soap:Body>",
        "a second payload element   | >191212121212< | >191212121212191212121212< | </soap:Body>      | <r:GetCardForPerson/></soap:Body>",
    })
    void whatIsWrongWithTheEnvelopeOutranksViolationsFoundBefore(String name, String bad, String worse,
            String at, String broken) {
        String request = GET_CARD.replace(bad, worse).replace(at, broken);
        assertThat(domViolations(EFRIKORT, "GetCardForPerson", request.replace(broken, at))).isNotEmpty();
        assertThatThrownBy(() -> pass(EFRIKORT, "GetCardForPerson", request))
                .isInstanceOfSatisfying(SoapFaultException.class,
                        e -> assertThat(e.code()).isEqualTo(SoapFaultException.Code.CLIENT));
        // and the thread's validator and unmarshaller still serve the next request
        assertThat(pass(EFRIKORT, "GetCardForPerson", GET_CARD).violations()).isEmpty();
    }

    @Test
    void aMalformedRequestAfterAViolationIsNotWellFormedXml() {
        String request = GET_CARD.replace(">191212121212<", LONG_PERSON) + "<";
        assertThatThrownBy(() -> pass(EFRIKORT, "GetCardForPerson", request))
                .isInstanceOf(SoapFaultException.class)
                .hasMessageStartingWith("Inte välformad XML (rad ");
    }

    @Test
    void registerCertificateKeepsTheCertificateAsTheDomWayDoes() {
        String request = example("intyg/RegisterCertificate.xml")
                .replace("<t:extension>191212121212</t:extension>",
                        "<t:extension><!-- a comment -->1912<![CDATA[1212]]>1212</t:extension>")
                .replace("<r:RegisterCertificate>", "<r:RegisterCertificate xmlns:extra=\"urn:extra\">")
                .replace("<soap:Body>", "<soap:Body xmlns:b=\"urn:body\" xmlns:t=\"urn:riv:clinicalprocess:healthcond:certificate:types:3\">");
        Outcome o = pass(INTYG, "RegisterCertificate", request);
        assertThat(o.violations()).isEmpty();
        Element kept = o.envelope().payload();
        assertThat(kept).as("RegisterCertificate reads the element").isNotNull();
        String fromPass = CertificateXml.toXml(firstChild(kept, "intyg"));
        // (whether the CDATA section is written as such is the serializer's choice, the same for both ways)
        assertThat(fromPass).contains("<!-- a comment -->1912", "xmlns:b=\"urn:body\"",
                "xmlns:extra=\"urn:extra\"");
        assertThat(fromPass).isEqualTo(CertificateXml.toXml(firstChild(domPayload(request), "intyg")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "efrikort/GetCardForPerson.xml           | SE2321000016-39KJ | 191212121212",
        "efrikort/DeleteTransaction.xml          | SE2321000016-39KJ | -",
        "efrikort/RegisterTransaction.xml        | SE2321000016-39KJ | 191212121212",
        "intyg/RegisterCertificate.xml           | -                 | 191212121212",
        "intyg/CreateDraftCertificate.xml        | -                 | 191212121212",
        "intyg/SendMessageToCare.xml             | -                 | 191212121212",
        "intyg/ListCertificatesForCare.xml       | -                 | 191212121212",
        "intyg/GetCertificateTypeInfo.xml        | -                 | -",
    })
    void indexFieldsOfTheExamplesAreThoseOfPayloadFields(String example, String carePrincipal, String person) {
        String request = example(example);
        Map<String, String> fields = SoapEnvelope.parse(request.getBytes(StandardCharsets.UTF_8)).indexFields();
        assertThat(fields.get(PayloadFields.CARE_PRINCIPAL_ID)).isEqualTo(carePrincipal);
        assertThat(fields.get(PayloadFields.PERSON_ID)).isEqualTo(person);
        assertThat(fields).isEqualTo(PayloadFields.of(request.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String ENVELOPE = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'"
            + " xmlns:a='urn:riv:itintegration:registry:1'><s:Header>%s</s:Header><s:Body><p:Op xmlns:p='urn:p'>%s"
            + "</p:Op></s:Body></s:Envelope>";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", value = {
        "both, trimmed                      | -                      | <p:carePrincipalId> SE1 </p:carePrincipalId><p:personId>&#10;191212121212 </p:personId> | SE1 | 191212121212",
        "first of each wins                 | -                      | <p:personId>1</p:personId><p:personId>2</p:personId><p:carePrincipalId>A</p:carePrincipalId><p:carePrincipalId>B</p:carePrincipalId> | A | 1",
        "found in the header too            | <a:carePrincipalId>H</a:carePrincipalId> | <p:carePrincipalId>B</p:carePrincipalId> | H | -",
        "Intyg person-id extension          | -                      | <p:patient><p:person-id><t:root xmlns:t='urn:t'>1.2</t:root><t:extension xmlns:t='urn:t'>191212121212</t:extension></p:person-id></p:patient> | - | 191212121212",
        "patientPerson-id, CDATA, comment   | -                      | <p:patientPerson-id><p:extension><!-- x -->1912<![CDATA[1212]]>1212</p:extension></p:patientPerson-id> | - | 191212121212",
        "last extension inside person wins  | -                      | <p:person-id><p:extension>1</p:extension><p:x><p:extension>2</p:extension></p:x></p:person-id> | - | 2",
        "personId before person-id wins     | -                      | <p:personId>1</p:personId><p:person-id><p:extension>2</p:extension></p:person-id> | - | 1",
        "principal inside a person unseen   | -                      | <p:person-id><p:carePrincipalId>X</p:carePrincipalId><p:extension>2</p:extension></p:person-id><p:carePrincipalId>Y</p:carePrincipalId> | Y | 2",
        "markup in a value ends the look    | -                      | <p:carePrincipalId>A</p:carePrincipalId><p:personId><b>1</b></p:personId><p:personId>2</p:personId> | A | -",
        "clipped to the index columns       | -                      | <p:carePrincipalId>AAAAAAAAAABBBBBBBBBBCCCCCCCCCCDDDDDDDDDDEEEEEEEEEEFFFFFFFFFFGGGGGGGGGG</p:carePrincipalId><p:personId>123456789012345678901234567890123456</p:personId> | AAAAAAAAAABBBBBBBBBBCCCCCCCCCCDDDDDDDDDDEEEEEEEEEEFFFFFFFFFFGGGG | 12345678901234567890123456789012",
        "empty value                        | -                      | <p:personId/> | - | \"\"",
        "none                               | -                      | <p:other>1</p:other> | - | -",
    })
    void indexFieldsAreFoundAsPayloadFieldsFindsThem(String name, String header, String payload, String carePrincipal,
            String person) {
        String request = String.format(ENVELOPE, header == null ? "" : header, payload);
        Map<String, String> fields = SoapEnvelope.parse(request.getBytes(StandardCharsets.UTF_8)).indexFields();
        assertThat(fields.get(PayloadFields.CARE_PRINCIPAL_ID)).isEqualTo(carePrincipal);
        assertThat(fields.get(PayloadFields.PERSON_ID)).isEqualTo(person);
        assertThat(fields).isEqualTo(PayloadFields.of(request.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "no LogicalAddress            | \"\"                                                      | ",
        "nested and CDATA text        | <a:LogicalAddress> <![CDATA[SE]]><x>1</x> </a:LogicalAddress> | SE1",
        "first of two                 | <a:LogicalAddress>A</a:LogicalAddress><a:LogicalAddress>B</a:LogicalAddress> | A",
        "other namespace does not count | <LogicalAddress>A</LogicalAddress>                     | ",
    })
    void logicalAddressIsTheTextOfTheFirstHeaderElement(String name, String header, String expected) {
        String request = String.format(ENVELOPE, header, "");
        String expectedOrNull = expected == null || expected.isEmpty() ? null : expected;
        assertThat(SoapEnvelope.parse(request.getBytes(StandardCharsets.UTF_8)).logicalAddress())
                .isEqualTo(expectedOrNull);
    }
}
