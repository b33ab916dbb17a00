package se.conformance.simulator.intyg.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;
import se.conformance.simulator.intyg.contract.certificatestatusupdateforcare.CertificateStatusUpdateForCareResponse;
import se.conformance.simulator.intyg.contract.core.Arenden;
import se.conformance.simulator.intyg.contract.core.Delsvar;
import se.conformance.simulator.intyg.contract.core.Handelse;
import se.conformance.simulator.intyg.contract.core.Intyg;
import se.conformance.simulator.intyg.contract.core.ResultCodeType;
import se.conformance.simulator.intyg.contract.core.ResultType;
import se.conformance.simulator.intyg.contract.core.Svar;
import se.conformance.simulator.intyg.contract.createdraftcertificate.CreateDraftCertificateResponse;
import se.conformance.simulator.intyg.contract.getcertificate.GetCertificateResponse;
import se.conformance.simulator.intyg.contract.getcertificatetypeinfo.GetCertificateTypeInfoResponse;
import se.conformance.simulator.intyg.contract.listcertificatesforcare.ListCertificatesForCareResponse;
import se.conformance.simulator.intyg.contract.listcertificatesforcarewithqa.Handelser;
import se.conformance.simulator.intyg.contract.listcertificatesforcarewithqa.ListCertificatesForCareWithQAResponse;
import se.conformance.simulator.intyg.contract.listcertificatesforcarewithqa.ListItem;
import se.conformance.simulator.intyg.contract.listcertificatesforcarewithqa.ListType;
import se.conformance.simulator.intyg.contract.listcertificatesforcitizen.ListCertificatesForCitizenResponse;
import se.conformance.simulator.intyg.contract.listrelationsforcertificate.IntygRelation;
import se.conformance.simulator.intyg.contract.listrelationsforcertificate.ListRelationsForCertificateResponse;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.ListSickLeavesForCareResponse;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.Sjukfall;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.SjukfallEnhet;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.SjukfallLakare;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.SjukfallLista;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.SjukfallPatient;
import se.conformance.simulator.intyg.contract.listsickleavesforcare.Sjukskrivningsperiod;
import se.conformance.simulator.intyg.contract.registercertificate.RegisterCertificate;
import se.conformance.simulator.intyg.contract.registercertificate.RegisterCertificateResponse;
import se.conformance.simulator.intyg.contract.revokecertificate.RevokeCertificateResponse;
import se.conformance.simulator.intyg.contract.sendcertificatetorecipient.SendCertificateToRecipientResponse;
import se.conformance.simulator.intyg.contract.sendmessagetocare.SendMessageToCareResponse;
import se.conformance.simulator.intyg.contract.sendmessagetorecipient.SendMessageToRecipientResponse;
import se.conformance.simulator.intyg.contract.setcertificatestatus.SetCertificateStatusResponse;
import se.conformance.simulator.intyg.contract.types.CVType;
import se.conformance.simulator.intyg.contract.types.DatePeriodType;
import se.conformance.simulator.intyg.contract.types.Handelsekod;
import se.conformance.simulator.intyg.contract.types.HandelsekodKod;
import se.conformance.simulator.intyg.contract.types.HsaId;
import se.conformance.simulator.intyg.contract.types.IntygId;
import se.conformance.simulator.intyg.contract.types.PartialDateType;
import se.conformance.simulator.intyg.contract.types.PersonId;
import se.conformance.simulator.intyg.contract.types.TypAvIntyg;
import se.conformance.simulator.intyg.contract.types.TypAvRelation;

/**
 * The Intygstjänster / Webcert contract files (schemas, WSDLs) and the request examples under
 * {@code docs/examples/intyg} (on the test classpath as {@code /soap/intyg}): examples are valid and
 * survive a JAXB round trip, WSDLs are consistent, broken variants are rejected, things the real
 * services leave to business rules are accepted, and responses built from the generated classes
 * are schema-valid.
 *
 * <p>Schemas are loaded with secure processing and all external access switched off; the relative
 * imports between contract files are served from the classpath by {@link #RESOLVER}.
 */
class IntygContractSchemasTest {

    private static final String CONTRACTS = "/contracts/intyg/";
    private static final String SAMPLES = "/soap/intyg/";
    private static final String CLASSPATH_SCHEME = "classpath";

    private static final String SOAP11_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    private static final String WSDL_SOAP = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final String DOMAIN = "urn:riv:clinicalprocess:healthcond:certificate:";
    private static final String CORE_NS = DOMAIN + "3";
    private static final String TYPES_NS = DOMAIN + "types:3";
    private static final String CSUFC_EXT_NS = DOMAIN + "CertificateStatusUpdateForCareResponder:3.2";
    private static final String REGISTRY_NS = "urn:riv:itintegration:registry:1";
    private static final String JAXB_BASE = "se.conformance.simulator.intyg.contract.";

    private static final String INTYGSTJANSTEN = "5565594230";
    private static final String CARE_UNIT = "TSTNMT2321000156-1077";
    private static final String DOCTOR = "TSTNMT2321000156-1079";
    private static final String HSA_ROOT = "1.2.752.129.2.1.4.1";
    private static final String ICD10 = "1.2.752.116.1.1.1.1.3";

    /**
     * One operation: contract major version, responder schema and interaction (WSDL) file versions,
     * the logical address its example is sent to, and the first child of its request.
     */
    record Op(int major, String schemaVersion, String wsdlVersion, String logicalAddress, String firstChild) {}

    private static final Map<String, Op> OPS = Map.ofEntries(
            Map.entry("RegisterCertificate", new Op(3, "3.1", "3.0", INTYGSTJANSTEN, "intyg")),
            Map.entry("GetCertificate", new Op(2, "2.1", "2.0", INTYGSTJANSTEN, "intygs-id")),
            Map.entry("SendCertificateToRecipient", new Op(2, "2.1", "2.0", INTYGSTJANSTEN, "skickatTidpunkt")),
            Map.entry("RevokeCertificate", new Op(2, "2.1", "2.0", INTYGSTJANSTEN, "meddelande")),
            Map.entry("SetCertificateStatus", new Op(2, "2.0", "2.0", INTYGSTJANSTEN, "intygs-id")),
            Map.entry("ListCertificatesForCare", new Op(3, "3.1", "3.0", INTYGSTJANSTEN, "person-id")),
            Map.entry("ListCertificatesForCitizen", new Op(4, "4.0", "4.0", INTYGSTJANSTEN, "person-id")),
            Map.entry("SendMessageToCare", new Op(2, "2.0", "2.0", INTYGSTJANSTEN, "meddelande-id")),
            Map.entry("SendMessageToRecipient", new Op(2, "2.1", "2.0", INTYGSTJANSTEN, "meddelande-id")),
            Map.entry("ListSickLeavesForCare", new Op(1, "1.0", "1.0", INTYGSTJANSTEN, "enhets-id")),
            // Webcert notifies the journal system; its logical address is the care unit's HSA-id.
            Map.entry("CertificateStatusUpdateForCare", new Op(3, "3.2", "3.2", CARE_UNIT, "intyg")),
            Map.entry("CreateDraftCertificate", new Op(3, "3.3", "3.3", INTYGSTJANSTEN, "intyg")),
            Map.entry("ListCertificatesForCareWithQA", new Op(3, "3.3", "3.3", INTYGSTJANSTEN, "person-id")),
            Map.entry("GetCertificateTypeInfo", new Op(1, "1.0", "1.0", INTYGSTJANSTEN, "intygs-id")),
            Map.entry("ListRelationsForCertificate", new Op(1, "1.0", "1.0", INTYGSTJANSTEN, "intygs-id")));

    /** Examples that are not named after their operation: {@code <Op>-<what>.xml}. */
    private static final List<String> EXTRA_SAMPLES = List.of("RegisterCertificate-TSTRK1031");

    /** The delsvar of the LISJP example, in document order. */
    private static final List<String> LISJP_DELSVAR = List.of(
            "1.1", "1.2", "28.1", "29.1", "6.1", "6.2", "35.1", "17.1", "19.1", "32.1", "32.2",
            "33.1", "33.2", "34.1", "39.1", "40.1", "25.1", "26.1");

    private static final DatatypeFactory DATATYPES = DatatypeFactory.newDefaultInstance();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

    static Stream<String> operations() {
        return OPS.keySet().stream().sorted();
    }

    static Stream<String> samples() {
        return Stream.concat(operations(), EXTRA_SAMPLES.stream());
    }

    // ------------------------------------------------------------------ samples

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleIsAValidRequestForItsResponderSchema(String sample) throws Exception {
        String op = operationOf(sample);
        Element root = parse(sample(sample)).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SOAP11_ENV);
        assertThat(root.getLocalName()).isEqualTo("Envelope");

        Element logicalAddress = onlyElementChild(onlyChild(root, SOAP11_ENV, "Header"));
        assertThat(logicalAddress.getNamespaceURI()).isEqualTo(REGISTRY_NS);
        assertThat(logicalAddress.getLocalName()).isEqualTo("LogicalAddress");
        assertThat(logicalAddress.getTextContent()).isEqualTo(OPS.get(op).logicalAddress());
        validator(registrySchemaPath()).validate(new DOMSource(logicalAddress));

        Element payload = payload(sample);
        assertThat(payload.getNamespaceURI()).isEqualTo(responderNs(op));
        assertThat(payload.getLocalName()).isEqualTo(op);
        List<Element> children = elementChildren(payload);
        assertThat(children).isNotEmpty().allSatisfy(c -> assertThat(c.getNamespaceURI()).isIn(responderNs(op), CSUFC_EXT_NS));
        assertThat(children.get(0).getLocalName()).isEqualTo(OPS.get(op).firstChild());

        validator(responderSchemaPath(op)).validate(new DOMSource(payload));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleRoundTripsThroughTheGeneratedRootClass(String sample) throws Exception {
        String op = operationOf(sample);
        Class<?> requestClass = Class.forName(JAXB_BASE + op.toLowerCase(Locale.ROOT) + "." + op);
        assertThat(requestClass.getAnnotation(XmlRootElement.class).name()).isEqualTo(op);

        Element payload = payload(sample);
        Object request = unmarshaller(requestClass, op).unmarshal(payload);
        assertThat(request).isInstanceOf(requestClass);

        Diff diff = DiffBuilder.compare(marshal(request, op)).withTest(payload)
                .ignoreWhitespace().checkForSimilar().build();
        assertThat(diff.hasDifferences()).as("%s after unmarshal → marshal: %s", sample, diff).isFalse();
    }

    @Test
    void lisjpRoundTripKeepsEveryDelsvarAndItsTypedValue() throws Exception {
        Element payload = payload("RegisterCertificate");
        RegisterCertificate request = (RegisterCertificate) unmarshaller(RegisterCertificate.class, "RegisterCertificate")
                .unmarshal(payload);
        Intyg intyg = request.getIntyg();

        assertThat(intyg.getIntygsId().getRoot()).isEqualTo(CARE_UNIT);
        assertThat(intyg.getTyp().getCode()).isEqualTo("LISJP");
        assertThat(intyg.getVersion()).isEqualTo("1.3");
        assertThat(intyg.getSigneringstidpunkt().toXMLFormat()).isEqualTo("2025-03-03T09:15:00");
        assertThat(intyg.getPatient().getPersonId().getExtension()).isEqualTo("191212121212");
        assertThat(intyg.getSkapadAv().getPersonalId().getExtension()).isEqualTo(DOCTOR);
        assertThat(intyg.getSkapadAv().getEnhet().getVardgivare().getVardgivareId().getExtension())
                .isEqualTo("TSTNMT2321000156-1002");
        assertThat(intyg.getSkapadAv().getLegitimeratYrke()).singleElement()
                .satisfies(y -> assertThat(y.getCode()).isEqualTo("LK"));

        List<Delsvar> delsvar = intyg.getSvar().stream().flatMap(s -> s.getDelsvar().stream()).toList();
        assertThat(delsvar).extracting(Delsvar::getId).containsExactlyElementsOf(LISJP_DELSVAR);

        CVType diagnosis = typedValue(delsvar("6.2", intyg), CVType.class);
        assertThat(diagnosis.getCode()).isEqualTo("J22");
        assertThat(diagnosis.getCodeSystem()).isEqualTo(ICD10);
        assertThat(text(delsvar("6.2", intyg))).isEmpty();
        DatePeriodType period = typedValue(delsvar("32.2", intyg), DatePeriodType.class);
        assertThat(period.getStart().toXMLFormat()).isEqualTo("2025-03-03");
        assertThat(period.getEnd().toXMLFormat()).isEqualTo("2025-03-16");
        assertThat(text(delsvar("1.2", intyg))).isEqualTo("2025-03-03");
        assertThat(text(delsvar("33.1", intyg))).isEqualTo("true");
        assertThat(intyg.getSvar()).filteredOn(s -> s.getId().equals("32"))
                .singleElement().extracting(Svar::getInstans).isEqualTo(1);

        Element marshalled = marshal(request, "RegisterCertificate");
        List<Element> marshalledDelsvar = descendants(marshalled, CORE_NS, "delsvar");
        assertThat(marshalledDelsvar).extracting(e -> e.getAttribute("id")).containsExactlyElementsOf(LISJP_DELSVAR);
        Element cv = onlyChild(marshalledDelsvar.get(LISJP_DELSVAR.indexOf("6.2")), TYPES_NS, "cv");
        assertThat(onlyChild(cv, TYPES_NS, "code").getTextContent()).isEqualTo("J22");

        Diff diff = DiffBuilder.compare(marshalled).withTest(payload).ignoreWhitespace().checkForSimilar().build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
    }

    @Test
    void tstrk1031PartialDateAndExtensionsBindToTheirTypes() throws Exception {
        RegisterCertificate request = (RegisterCertificate) unmarshaller(RegisterCertificate.class, "RegisterCertificate")
                .unmarshal(payload("RegisterCertificate-TSTRK1031"));
        Intyg intyg = request.getIntyg();
        assertThat(intyg.getTyp().getCode()).isEqualTo("TSTRK1031");
        assertThat(intyg.getVersion()).isEqualTo("4.0");
        PartialDateType year = typedValue(delsvar("35.1", intyg), PartialDateType.class);
        assertThat(year.getFormat().value()).isEqualTo("YYYY");
        assertThat(year.getValue()).isEqualTo("2010");
        assertThat(intyg.getPatient().getKallaAdressuppgifter().getCode()).isEqualTo("PU");
    }

    // ------------------------------------------------------------------ responses

    /** A typical response per operation, built from the generated classes as an adapter would. */
    private static final Map<String, Supplier<Object>> RESPONSES = Map.ofEntries(
            Map.entry("RegisterCertificate", () -> {
                var r = new RegisterCertificateResponse();
                r.setResult(result(ResultCodeType.INFO, "Certificate already exists"));
                return r;
            }),
            Map.entry("GetCertificate", () -> {
                var r = new GetCertificateResponse();
                r.setIntyg(lisjpIntyg());
                return r;
            }),
            Map.entry("SendCertificateToRecipient", () -> {
                var r = new SendCertificateToRecipientResponse();
                r.setResult(ok());
                return r;
            }),
            Map.entry("RevokeCertificate", () -> {
                var r = new RevokeCertificateResponse();
                r.setResult(ok());
                return r;
            }),
            Map.entry("SetCertificateStatus", () -> {
                var r = new SetCertificateStatusResponse();
                r.setResult(ok());
                return r;
            }),
            Map.entry("ListCertificatesForCare", () -> {
                var list = new se.conformance.simulator.intyg.contract.listcertificatesforcare.IntygsLista();
                list.getIntyg().add(lisjpIntyg());
                var r = new ListCertificatesForCareResponse();
                r.setIntygsLista(list);
                return r;
            }),
            Map.entry("ListCertificatesForCitizen", () -> {
                var list = new se.conformance.simulator.intyg.contract.listcertificatesforcitizen.IntygsLista();
                list.getIntyg().add(lisjpIntyg());
                var r = new ListCertificatesForCitizenResponse();
                r.setIntygsLista(list);
                r.setResult(ok());
                return r;
            }),
            Map.entry("SendMessageToCare", () -> {
                var r = new SendMessageToCareResponse();
                r.setResult(ok());
                return r;
            }),
            Map.entry("SendMessageToRecipient", () -> {
                var r = new SendMessageToRecipientResponse();
                r.setResult(ok());
                return r;
            }),
            Map.entry("ListSickLeavesForCare", () -> {
                var r = new ListSickLeavesForCareResponse();
                var list = new SjukfallLista();
                list.getSjukfall().add(sjukfall());
                r.setSjukfallLista(list);
                r.setResult(ok());
                return r;
            }),
            Map.entry("CertificateStatusUpdateForCare", () -> {
                var r = new CertificateStatusUpdateForCareResponse();
                r.setResult(ok());
                return r;
            }),
            Map.entry("CreateDraftCertificate", () -> {
                var r = new CreateDraftCertificateResponse();
                var id = new IntygId();
                id.setRoot(CARE_UNIT);
                id.setExtension("5b0a9c2e-8f6d-4e1a-b3c7-2d9e0f1a4b68");
                r.setIntygsId(id);
                r.setResult(ok());
                return r;
            }),
            Map.entry("ListCertificatesForCareWithQA", () -> {
                var handelse = new Handelse();
                var kod = new Handelsekod();
                kod.setCode(HandelsekodKod.SIGNAT);
                kod.setCodeSystem("dfd7bbad-dbe5-4a2f-ba25-f7b9b2cc6b14");
                handelse.setHandelsekod(kod);
                handelse.setTidpunkt(DATATYPES.newXMLGregorianCalendar("2025-03-03T09:15:00.000"));
                var handelser = new Handelser();
                handelser.getHandelse().add(handelse);
                var item = new ListItem();
                item.setIntyg(lisjpIntyg());
                item.setHandelser(handelser);
                item.setSkickadeFragor(noQuestions());
                item.setMottagnaFragor(noQuestions());
                item.setRef("journal-ref-4711");
                var list = new ListType();
                list.getItem().add(item);
                var r = new ListCertificatesForCareWithQAResponse();
                r.setList(list);
                r.setResult(ok());
                return r;
            }),
            Map.entry("GetCertificateTypeInfo", () -> {
                var typ = new TypAvIntyg();
                typ.setCode("LISJP");
                typ.setCodeSystem("b64ea353-e8f6-4832-b563-fc7d46f29548");
                var r = new GetCertificateTypeInfoResponse();
                r.setTyp(typ);
                r.setTypVersion("1.3");
                return r;
            }),
            Map.entry("ListRelationsForCertificate", () -> {
                var typ = new TypAvRelation();
                typ.setCode("ERSATT");
                typ.setCodeSystem("c2362fcd-eda0-4f9a-bd13-b3bbaf7f2146");
                var relation = new se.conformance.simulator.intyg.contract.listrelationsforcertificate.Relation();
                relation.setTyp(typ);
                relation.setFranIntygsId("3d5c1b0e-7a8f-4e2d-9c6b-1f0a2e4d8b37");
                relation.setTillIntygsId("9f02dd2f-f57c-4a73-8190-2fe602bd6e2a");
                relation.setSkapad(DATATYPES.newXMLGregorianCalendar("2025-03-04T08:00:00"));
                relation.setFranIntygMakulerat(false);
                var entry = new IntygRelation();
                entry.setIntygsId("9f02dd2f-f57c-4a73-8190-2fe602bd6e2a");
                entry.getRelation().add(relation);
                var r = new ListRelationsForCertificateResponse();
                r.getIntygRelation().add(entry);
                return r;
            }));

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void responseBuiltFromTheGeneratedClassesIsSchemaValid(String op) throws Exception {
        Object response = RESPONSES.get(op).get();
        assertThat(response.getClass().getAnnotation(XmlRootElement.class).name()).isEqualTo(op + "Response");

        Element marshalled = marshal(response, op); // with the schema set: throws if invalid
        assertThat(marshalled.getNamespaceURI()).isEqualTo(responderNs(op));
        assertThat(marshalled.getLocalName()).isEqualTo(op + "Response");
        assertThat(elementChildren(marshalled)).allSatisfy(c -> assertThat(c.getNamespaceURI()).isEqualTo(responderNs(op)));
        boolean hasResult = !children(marshalled, responderNs(op), "result").isEmpty();
        assertThat(hasResult).as("ResultType in %sResponse", op)
                .isEqualTo(!List.of("GetCertificate", "ListCertificatesForCare", "GetCertificateTypeInfo",
                        "ListRelationsForCertificate").contains(op));
    }

    @Test
    void eventTimeKeepsItsThreeFractionDigitsWhenMarshalled() throws Exception {
        Element marshalled = marshal(RESPONSES.get("ListCertificatesForCareWithQA").get(), "ListCertificatesForCareWithQA");
        Element handelse = descendants(marshalled, responderNs("ListCertificatesForCareWithQA"), "handelse").get(0);
        Element tidpunkt = onlyChild(handelse, CORE_NS, "tidpunkt");
        assertThat(tidpunkt.getTextContent()).isEqualTo("2025-03-03T09:15:00.000");
    }

    /** Operation, what, the response, whether the schema accepts it. */
    static Stream<Arguments> responseVariants() {
        String ok = "<r:result><c:resultCode>OK</c:resultCode></r:result>";
        return Stream.of(
            arguments("RegisterCertificate", "OK alone", ok, true),
            arguments("RegisterCertificate", "ERROR with text and errorId in schema order",
                    "<r:result><c:resultCode>ERROR</c:resultCode><c:resultText>x</c:resultText>"
                            + "<c:errorId>VALIDATION_ERROR</c:errorId></r:result>", true),
            arguments("RevokeCertificate", "REVOKED is a declared errorId",
                    "<r:result><c:resultCode>ERROR</c:resultCode><c:errorId>REVOKED</c:errorId></r:result>", true),
            arguments("RegisterCertificate", "extension after the result",
                    ok + "<x:extra xmlns:x=\"urn:example:extension\">1</x:extra>", true),
            arguments("RegisterCertificate", "errorId before resultText (the real fault transform's order)",
                    "<r:result><c:resultCode>ERROR</c:resultCode><c:errorId>VALIDATION_ERROR</c:errorId>"
                            + "<c:resultText>Unmarshalling Error</c:resultText></r:result>", false),
            arguments("RegisterCertificate", "unknown resultCode",
                    "<r:result><c:resultCode>WARNING</c:resultCode></r:result>", false),
            arguments("RegisterCertificate", "unknown errorId",
                    "<r:result><c:resultCode>ERROR</c:resultCode><c:errorId>TRANSFORMATION_ERROR</c:errorId></r:result>", false),
            arguments("RegisterCertificate", "resultCode in the responder namespace",
                    "<r:result><r:resultCode>OK</r:resultCode></r:result>", false),
            arguments("RegisterCertificate", "result missing", "", false),
            arguments("GetCertificate", "GetCertificate has no ResultType", ok, false),
            arguments("ListCertificatesForCare", "ListCertificatesForCare has no ResultType",
                    "<r:intygsLista/>" + ok, false),
            arguments("ListCertificatesForCare", "empty list", "<r:intygsLista/>", true));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("responseVariants")
    void responseVariant(String op, String what, String content, boolean valid) throws Exception {
        String xml = "<r:" + op + "Response xmlns:r=\"" + responderNs(op) + "\" xmlns:c=\"" + CORE_NS + "\">"
                + content + "</r:" + op + "Response>";
        Element response = parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        Validator validator = validator(responderSchemaPath(op));
        if (valid) {
            validator.validate(new DOMSource(response));
        } else {
            assertThatThrownBy(() -> validator.validate(new DOMSource(response)))
                    .as(what).isInstanceOf(SAXParseException.class).hasMessageStartingWith("cvc-");
        }
    }

    // ------------------------------------------------------------------ WSDLs

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void wsdlNamesSoapActionNamespacesAndImports(String op) throws Exception {
        int major = OPS.get(op).major();
        String path = wsdlPath(op);
        Element defs = parse(resource(path)).getDocumentElement();
        String tns = DOMAIN + op + ":" + major + ":rivtabp21";
        assertThat(defs.getNamespaceURI()).isEqualTo(WSDL);
        assertThat(defs.getLocalName()).isEqualTo("definitions");
        assertThat(defs.getAttribute("targetNamespace")).isEqualTo(tns);

        Element embedded = onlyChild(onlyChild(defs, WSDL, "types"), XSD, "schema");
        Map<String, String> imports = new TreeMap<>();
        for (Element imp : children(embedded, XSD, "import")) {
            imports.put(imp.getAttribute("namespace"), imp.getAttribute("schemaLocation"));
        }
        assertThat(imports).containsOnly(
                Map.entry(responderNs(op), op + "Responder_" + OPS.get(op).schemaVersion() + ".xsd"),
                Map.entry(REGISTRY_NS, "../../core_components/itintegration_registry_1.0.xsd"));
        newSchemaFactory().newSchema(new DOMSource(embedded, CLASSPATH_SCHEME + ":" + path));

        Map<String, Element> messages = new HashMap<>();
        for (Element m : children(defs, WSDL, "message")) {
            messages.put(m.getAttribute("name"), m);
        }
        assertThat(messages).containsOnlyKeys(op + "Request", op + "Response");
        List<Element> requestParts = children(messages.get(op + "Request"), WSDL, "part");
        assertThat(requestParts).hasSize(2);
        assertThat(requestParts.get(0).getAttribute("name")).isEqualTo("LogicalAddress");
        assertThat(partElement(requestParts.get(0))).isEqualTo(REGISTRY_NS + "|LogicalAddress");
        assertThat(partElement(requestParts.get(1))).isEqualTo(responderNs(op) + "|" + op);
        List<Element> responseParts = children(messages.get(op + "Response"), WSDL, "part");
        assertThat(responseParts).hasSize(1);
        assertThat(partElement(responseParts.get(0))).isEqualTo(responderNs(op) + "|" + op + "Response");

        Element portType = onlyChild(defs, WSDL, "portType");
        assertThat(portType.getAttribute("name")).isEqualTo(op + "ResponderInterface");
        assertThat(onlyChild(portType, WSDL, "operation").getAttribute("name")).isEqualTo(op);

        Element binding = onlyChild(defs, WSDL, "binding");
        assertThat(resolveQName(binding, binding.getAttribute("type"))).isEqualTo(tns + "|" + op + "ResponderInterface");
        Element soapBinding = onlyChild(binding, WSDL_SOAP, "binding");
        assertThat(soapBinding.getAttribute("style")).isEqualTo("document");
        assertThat(soapBinding.getAttribute("transport")).isEqualTo("http://schemas.xmlsoap.org/soap/http");
        Element bindingOp = onlyChild(binding, WSDL, "operation");
        assertThat(bindingOp.getAttribute("name")).isEqualTo(op);
        assertThat(onlyChild(bindingOp, WSDL_SOAP, "operation").getAttribute("soapAction"))
                .isEqualTo(DOMAIN + op + "Responder:" + major + ":" + op);
        Element input = onlyChild(bindingOp, WSDL, "input");
        Element soapHeader = onlyChild(input, WSDL_SOAP, "header");
        assertThat(soapHeader.getAttribute("part")).isEqualTo("LogicalAddress");
        assertThat(soapHeader.getAttribute("use")).isEqualTo("literal");
        assertThat(resolveQName(soapHeader, soapHeader.getAttribute("message"))).isEqualTo(tns + "|" + op + "Request");
        assertThat(onlyChild(input, WSDL_SOAP, "body").getAttribute("use")).isEqualTo("literal");
        assertThat(onlyChild(onlyChild(bindingOp, WSDL, "output"), WSDL_SOAP, "body").getAttribute("use"))
                .isEqualTo("literal");

        Element port = onlyChild(onlyChild(defs, WSDL, "service"), WSDL, "port");
        assertThat(resolveQName(port, port.getAttribute("binding"))).isEqualTo(tns + "|" + op + "ResponderBinding");
        assertThat(onlyChild(port, WSDL_SOAP, "address").getAttribute("location"))
                .isEqualTo("http://localhost/clinicalprocess/healthcond/certificate/" + op + "/" + major + "/rivtabp21");
    }

    @Test
    void everyInteractionFolderIsInTheTableAndHoldsExactlyItsWsdlAndSchemas() throws Exception {
        URL url = IntygContractSchemasTest.class.getResource(CONTRACTS + "interactions");
        assertThat(url).isNotNull();
        File[] folders = new File(url.toURI()).listFiles(File::isDirectory);
        assertThat(folders).extracting(File::getName)
                .containsExactlyInAnyOrderElementsOf(OPS.keySet().stream().map(op -> op + "Interaction").toList());
        for (File folder : folders) {
            String op = folder.getName().replace("Interaction", "");
            List<String> expected = new ArrayList<>(List.of(
                    op + "Responder_" + OPS.get(op).schemaVersion() + ".xsd",
                    op + "Interaction_" + OPS.get(op).wsdlVersion() + "_RIVTABP21.wsdl"));
            if (op.equals("CertificateStatusUpdateForCare")) {
                expected.add("CertificateStatusUpdateForCareResponder_3.2_ext.xsd");
            }
            assertThat(folder.list()).as(op).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    // ------------------------------------------------------------------ variants

    private static final String LISJP = "RegisterCertificate";
    private static final String TS = "RegisterCertificate-TSTRK1031";
    private static final String CSUFC = "CertificateStatusUpdateForCare";
    private static final String SIGNED = "<c:signeringstidpunkt>2025-03-03T09:15:00</c:signeringstidpunkt>";
    private static final String PATIENT_ID = "<t:extension>191212121212</t:extension>";
    private static final String HSA_ROOT_ELEMENT = "<t:root>" + HSA_ROOT + "</t:root>";
    private static final String DIAGNOSIS_TEXT = "<c:delsvar id=\"6.1\">Akut nedre luftvägsinfektion</c:delsvar>";
    private static final String EVENT_TIME = "<c:tidpunkt>2025-03-05T10:15:31.120</c:tidpunkt>";
    private static final String SIGNATURE = """
            <m1:underskrift><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">\
            <ds:SignedInfo/><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature></m1:underskrift>""";
    private static final String EXTENSION = "<x:extra xmlns:x=\"urn:example:extension\">1</x:extra>";

    /** Example, what is wrong, text in the example, its replacement (all occurrences). */
    static Stream<Arguments> brokenVariants() {
        return Stream.of(
            // namespace placement (§4.5a)
            arguments(LISJP, "intyg child in the responder namespace", "<c:version>1.3</c:version>", "<r:version>1.3</r:version>"),
            arguments(LISJP, "intyg child without namespace", "<c:version>1.3</c:version>", "<version xmlns=\"\">1.3</version>"),
            arguments(LISJP, "intyg in the core namespace", "r:intyg>", "c:intyg>"),
            arguments(LISJP, "intygs-id root in the core namespace",
                    "<t:root>TSTNMT2321000156-1077</t:root>", "<c:root>TSTNMT2321000156-1077</c:root>"),
            arguments(LISJP, "delsvar in the types namespace", DIAGNOSIS_TEXT,
                    "<t:delsvar id=\"6.1\">Akut nedre luftvägsinfektion</t:delsvar>"),
            arguments(LISJP, "cv in the core namespace", "t:cv>", "c:cv>"),
            arguments(LISJP, "legitimeratYrke in the core namespace", "m1:legitimeratYrke>", "c:legitimeratYrke>"),
            arguments(LISJP, "underskrift in the core namespace", "</r:intyg>",
                    SIGNATURE.replace("m1:underskrift>", "c:underskrift>") + "</r:intyg>"),
            arguments(LISJP, "underskrift before svar", "<c:svar id=\"1\">", SIGNATURE + "<c:svar id=\"1\">"),
            arguments(LISJP, "underskrift holding a non-DSig element", "</r:intyg>",
                    "<m1:underskrift><x:Signature xmlns:x=\"urn:example:sig\"/></m1:underskrift></r:intyg>"),
            arguments(CSUFC, "3.2 hanteratAv in the responder namespace", "u:hanteratAv>", "r:hanteratAv>"),
            arguments(CSUFC, "handelse hanteratAv in the core namespace", "m2:hanteratAv>", "c:hanteratAv>"),
            arguments("CreateDraftCertificate", "draft patient in the core namespace", "r:patient>", "c:patient>"),
            arguments("CreateDraftCertificate", "forifyllnad svar in the core namespace", "m3:svar", "c:svar"),
            // strict patterns (§4.3)
            arguments(LISJP, "TimeStampType with milliseconds", SIGNED,
                    "<c:signeringstidpunkt>2025-03-03T09:15:00.000</c:signeringstidpunkt>"),
            arguments(LISJP, "TimeStampType with zone Z", SIGNED, "<c:signeringstidpunkt>2025-03-03T09:15:00Z</c:signeringstidpunkt>"),
            arguments(LISJP, "TimeStampType with offset", SIGNED,
                    "<c:signeringstidpunkt>2025-03-03T09:15:00+01:00</c:signeringstidpunkt>"),
            arguments(LISJP, "TimeStampType without seconds", SIGNED, "<c:signeringstidpunkt>2025-03-03T09:15</c:signeringstidpunkt>"),
            arguments(LISJP, "TimeStampType not a real time", SIGNED, "<c:signeringstidpunkt>2025-03-03T25:15:00</c:signeringstidpunkt>"),
            arguments(LISJP, "DateType with zone", "<t:start>2025-03-03</t:start>", "<t:start>2025-03-03Z</t:start>"),
            arguments(LISJP, "DateType not a real date", "<t:end>2025-03-16</t:end>", "<t:end>2025-02-30</t:end>"),
            arguments(CSUFC, "TimeStampMedMillisekunder without fraction", EVENT_TIME, "<c:tidpunkt>2025-03-05T10:15:31</c:tidpunkt>"),
            arguments(CSUFC, "TimeStampMedMillisekunder with two fraction digits", EVENT_TIME,
                    "<c:tidpunkt>2025-03-05T10:15:31.12</c:tidpunkt>"),
            arguments(CSUFC, "TimeStampMedMillisekunder with zone", EVENT_TIME, "<c:tidpunkt>2025-03-05T10:15:31.120Z</c:tidpunkt>"),
            arguments(LISJP, "person-id with a dash", PATIENT_ID, "<t:extension>19121212-1212</t:extension>"),
            arguments(LISJP, "person-id of ten digits", PATIENT_ID, "<t:extension>1212121212</t:extension>"),
            arguments(LISJP, "person-id root not personnummer/samordningsnummer",
                    "<t:root>1.2.752.129.2.1.3.1</t:root>", "<t:root>1.2.752.129.2.1.3.2</t:root>"),
            arguments(TS, "partial date value not a year", "<t:value>2010</t:value>", "<t:value>10</t:value>"),
            arguments(TS, "partial date format unknown", "<t:format>YYYY</t:format>", "<t:format>YY</t:format>"),
            // fixed code systems and roots
            arguments(LISJP, "HsaId root not the HSA OID", HSA_ROOT_ELEMENT, "<t:root>1.2.752.129.2.1.4.2</t:root>"),
            arguments(LISJP, "HsaId extension empty",
                    "<t:extension>TSTNMT2321000156-1079</t:extension>", "<t:extension></t:extension>"),
            arguments(LISJP, "arbetsplatskod root not the fixed OID",
                    "<t:root>1.2.752.29.4.71</t:root>", "<t:root>1.2.752.29.4.72</t:root>"),
            arguments(LISJP, "befattning code system not the fixed OID",
                    "<t:codeSystem>1.2.752.129.2.2.1.4</t:codeSystem>", "<t:codeSystem>1.2.752.129.2.2.1.5</t:codeSystem>"),
            arguments(LISJP, "legitimeratYrke code system not the fixed OID",
                    "<t:codeSystem>1.2.752.29.23.1.6</t:codeSystem>", "<t:codeSystem>1.2.752.29.23.1.7</t:codeSystem>"),
            arguments("SetCertificateStatus", "Part code system not KV_PART",
                    "<t:codeSystem>769bb12b-bd9f-4203-a5cd-fd14f2eb3b80</t:codeSystem>", "<t:codeSystem>KV_PART</t:codeSystem>"),
            arguments("SetCertificateStatus", "Statuskod code system not KV_STATUS",
                    "<t:codeSystem>9871cd17-8755-4ed9-b894-ff3729e775a4</t:codeSystem>", "<t:codeSystem>KV_STATUS</t:codeSystem>"),
            arguments("SendMessageToCare", "Amneskod code system not KV_AMNE",
                    "<t:codeSystem>ffa59d8f-8d7e-46ae-ac9e-31804e8e8499</t:codeSystem>", "<t:codeSystem>KV_AMNE</t:codeSystem>"),
            arguments(CSUFC, "unknown Handelsekod code", "<t:code>NYFRFM</t:code>", "<t:code>NYFRAGA</t:code>"),
            arguments(CSUFC, "Handelsekod code system not KV_HANDELSE",
                    "<t:codeSystem>dfd7bbad-dbe5-4a2f-ba25-f7b9b2cc6b14</t:codeSystem>", "<t:codeSystem>KV_HANDELSE</t:codeSystem>"),
            // structure and cardinality
            arguments(LISJP, "required version missing", "<c:version>1.3</c:version>", ""),
            arguments(LISJP, "required (possibly empty) postort of the patient missing", "<c:postort/>", ""),
            arguments(LISJP, "required telefonnummer of the unit missing", "<c:telefonnummer>0101234567</c:telefonnummer>", ""),
            arguments(LISJP, "intyg children out of order", SIGNED + "\n        <c:skickatTidpunkt>2025-03-03T09:15:00</c:skickatTidpunkt>",
                    "<c:skickatTidpunkt>2025-03-03T09:15:00</c:skickatTidpunkt>" + SIGNED),
            arguments(LISJP, "epost present but empty", "<c:epost>testmottagningen@example.se</c:epost>", "<c:epost/>"),
            arguments(LISJP, "svar without delsvar", "<c:svar id=\"29\">\n          " + "<c:delsvar id=\"29.1\">Lagerarbetare med tunga lyft och truckkörning.</c:delsvar>",
                    "<c:svar id=\"29\">"),
            arguments(LISJP, "svar without id", "<c:svar id=\"29\">", "<c:svar>"),
            arguments(LISJP, "svar id not numeric", "<c:svar id=\"29\">", "<c:svar id=\"29a\">"),
            arguments(LISJP, "delsvar id without sub-number", DIAGNOSIS_TEXT,
                    "<c:delsvar id=\"6\">Akut nedre luftvägsinfektion</c:delsvar>"),
            arguments(LISJP, "delsvar with two typed values", "</t:datePeriod>",
                    "</t:datePeriod><t:date>2025-03-03</t:date>"),
            arguments(LISJP, "delsvar with a core element", DIAGNOSIS_TEXT,
                    "<c:delsvar id=\"6.1\"><c:version>1</c:version></c:delsvar>"),
            arguments(LISJP, "cv without codeSystem", "<t:codeSystem>KV_FKMU_0003</t:codeSystem>", ""),
            arguments(LISJP, "instans not an integer", "<c:instans>1</c:instans>", "<c:instans>första</c:instans>"),
            arguments(CSUFC, "extension element in the request (no extension point)", "</u:hanteratAv>",
                    "</u:hanteratAv>" + EXTENSION),
            arguments(CSUFC, "mottagnaFragor missing", between(CSUFC, "<r:mottagnaFragor>", "</r:mottagnaFragor>"), ""),
            arguments("ListCertificatesForCare", "both vardgivar-id and enhets-id", "<r:enhets-id>",
                    "<r:vardgivar-id>" + HSA_ROOT_ELEMENT + "<t:extension>TSTNMT2321000156-1002</t:extension></r:vardgivar-id><r:enhets-id>"),
            arguments("SendCertificateToRecipient", "skickatAv with both hosPersonal and person-id", "</r:hosPersonal>",
                    "</r:hosPersonal><r:person-id><t:root>1.2.752.129.2.1.3.1</t:root>" + PATIENT_ID + "</r:person-id>"),
            arguments("SendMessageToCare", "komplettering frage-id is a delsvar id",
                    "<r:frage-id>6</r:frage-id>", "<r:frage-id>6.1</r:frage-id>"),
            arguments("ListSickLeavesForCare", "maxDagarMellanIntyg missing", "<r:maxDagarMellanIntyg>5</r:maxDagarMellanIntyg>", ""),
            arguments("ListCertificatesForCitizen", "arkiverade not a boolean", "<r:arkiverade>false</r:arkiverade>",
                    "<r:arkiverade>nej</r:arkiverade>"),
            arguments("GetCertificateTypeInfo", "intygs-id missing",
                    "<r:intygs-id>9f02dd2f-f57c-4a73-8190-2fe602bd6e2a</r:intygs-id>", ""),
            arguments("GetCertificate", "part missing", between("GetCertificate", "<r:part>", "</r:part>"), ""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenVariants")
    void brokenVariantIsRejected(String sample, String what, String find, String replace) throws Exception {
        Element payload = variantPayload(sample, find, replace);
        Validator validator = validator(responderSchemaPath(operationOf(sample)));
        assertThatThrownBy(() -> validator.validate(new DOMSource(payload)))
                .as(what)
                .isInstanceOf(SAXParseException.class)
                .hasMessageStartingWith("cvc-");
    }

    /** Things the schema deliberately lets through: business rules, extension points, optional parts. */
    static Stream<Arguments> acceptedVariants() {
        Stream<Arguments> fixed = Stream.of(
            arguments(LISJP, "XML-DSig signature as last child of intyg (not validated)", "</r:intyg>", SIGNATURE + "</r:intyg>"),
            arguments(LISJP, "samordningsnummer", "<t:root>1.2.752.129.2.1.3.1</t:root>\n            " + PATIENT_ID,
                    "<t:root>1.2.752.129.2.1.3.3</t:root><t:extension>191212721212</t:extension>"),
            arguments(LISJP, "personnummer with a wrong check digit (business rule)", PATIENT_ID,
                    "<t:extension>191212121213</t:extension>"),
            arguments(LISJP, "unknown certificate type (business rule)", "<t:code>LISJP</t:code>", "<t:code>ABC123</t:code>"),
            arguments(LISJP, "unknown text version (business rule)", "<c:version>1.3</c:version>", "<c:version>9.9</c:version>"),
            arguments(LISJP, "unknown svar id (schematron rule)", "<c:svar id=\"29\">", "<c:svar id=\"4711\">"),
            arguments(LISJP, "delsvar without content (schematron rule)", DIAGNOSIS_TEXT, "<c:delsvar id=\"6.1\"/>"),
            arguments(LISJP, "delsvar with a timestamp", DIAGNOSIS_TEXT,
                    "<c:delsvar id=\"6.1\"><t:timestamp>2025-03-03T09:15:00</t:timestamp></c:delsvar>"),
            arguments(LISJP, "epost omitted", "<c:epost>testmottagningen@example.se</c:epost>", ""),
            arguments(LISJP, "recipient (mottagare) listed", "<c:typ>",
                    "<c:mottagare><t:code>FKASSA</t:code><t:codeSystem>769bb12b-bd9f-4203-a5cd-fd14f2eb3b80</t:codeSystem>"
                            + "</c:mottagare><c:typ>"),
            arguments(LISJP, "extension element after intyg", "</r:intyg>", "</r:intyg>" + EXTENSION),
            arguments(LISJP, "extension element in enhet", "</c:vardgivare>", "</c:vardgivare>" + EXTENSION),
            arguments(LISJP, "svarPa before intyg (answer to a KOMPLT question)", "<r:intyg>",
                    "<r:svarPa><c:meddelande-id>6c1f1f5e-2f0b-4b7e-9a57-3e1d2c9a0b11</c:meddelande-id></r:svarPa><r:intyg>"),
            arguments("SetCertificateStatus", "unknown part code (business rule)", "<t:code>FKASSA</t:code>", "<t:code>XYZ</t:code>"),
            arguments("SetCertificateStatus", "unknown status code (business rule)", "<t:code>SENTTO</t:code>", "<t:code>FOO</t:code>"),
            arguments("SendMessageToCare", "unknown subject code (business rule)", "<t:code>KOMPLT</t:code>", "<t:code>FRAGA</t:code>"),
            arguments("SendCertificateToRecipient", "sent by the citizen (person-id)",
                    between("SendCertificateToRecipient", "<r:skickatAv>", "</r:skickatAv>"),
                    "<r:skickatAv><r:person-id><t:root>1.2.752.129.2.1.3.1</t:root>" + PATIENT_ID + "</r:person-id></r:skickatAv>"),
            arguments("ListCertificatesForCare", "by care provider instead of units",
                    between("ListCertificatesForCare", "<r:enhets-id>", "</r:enhets-id>"),
                    "<r:vardgivar-id>" + HSA_ROOT_ELEMENT + "<t:extension>TSTNMT2321000156-1002</t:extension></r:vardgivar-id>"),
            arguments(CSUFC, "hanteratAv and ref omitted",
                    "<r:ref>journal-ref-4711</r:ref>\n" + between(CSUFC, "      <u:hanteratAv>", "</u:hanteratAv>"), ""),
            arguments("CreateDraftCertificate", "no prefill", between("CreateDraftCertificate", "<m3:forifyllnad>", "</m3:forifyllnad>"), ""),
            arguments("CreateDraftCertificate", "extension element in enhet", "</r:enhetsnamn>", "</r:enhetsnamn>" + EXTENSION));
        Stream<Arguments> everyHandelsekod = Arrays.stream(HandelsekodKod.values()).map(kod -> arguments(CSUFC,
                "Handelsekod " + kod.value(), "<t:code>NYFRFM</t:code>", "<t:code>" + kod.value() + "</t:code>"));
        return Stream.concat(fixed, everyHandelsekod);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("acceptedVariants")
    void permittedVariantIsAccepted(String sample, String what, String find, String replace) throws Exception {
        Element payload = variantPayload(sample, find, replace);
        validator(responderSchemaPath(operationOf(sample))).validate(new DOMSource(payload));
    }

    @Test
    void everyDocumentedHandelsekodIsDeclared() {
        assertThat(Arrays.stream(HandelsekodKod.values()).map(HandelsekodKod::value)).containsExactlyInAnyOrder(
                "SKAPAT", "ANDRAT", "KFSIGN", "SIGNAT", "SKICKA", "RADERA", "MAKULE",
                "NYFRFM", "NYSVFM", "NYFRFV", "HANFRFV", "HANFRFM");
    }

    // ------------------------------------------------------------------ helpers: model

    private static Intyg lisjpIntyg() {
        try {
            return ((RegisterCertificate) unmarshaller(RegisterCertificate.class, "RegisterCertificate")
                    .unmarshal(payload("RegisterCertificate"))).getIntyg();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResultType ok() {
        return result(ResultCodeType.OK, null);
    }

    private static ResultType result(ResultCodeType code, String text) {
        ResultType result = new ResultType();
        result.setResultCode(code);
        result.setResultText(text);
        return result;
    }

    private static Arenden noQuestions() {
        return new Arenden(); // int fields default to 0, which is what Webcert sends for most events
    }

    private static HsaId hsaId(String extension) {
        HsaId id = new HsaId();
        id.setRoot(HSA_ROOT);
        id.setExtension(extension);
        return id;
    }

    private static XMLGregorianCalendar date(String lexical) {
        return DATATYPES.newXMLGregorianCalendar(lexical);
    }

    private static Sjukfall sjukfall() {
        PersonId personId = new PersonId();
        personId.setRoot("1.2.752.129.2.1.3.1");
        personId.setExtension("191212121212");
        SjukfallPatient patient = new SjukfallPatient();
        patient.setPersonId(personId);
        patient.setFullstandigtNamn("Tolvan Tolvansson");
        CVType diagnosis = new CVType();
        diagnosis.setCode("J22");
        diagnosis.setCodeSystem(ICD10);
        Sjukskrivningsperiod period = new Sjukskrivningsperiod();
        period.setSjukskrivningsgrad(50);
        period.setStart(date("2025-03-03"));
        period.setSlut(date("2025-03-16"));
        SjukfallEnhet enhet = new SjukfallEnhet();
        enhet.setEnhetsId(hsaId(CARE_UNIT));
        enhet.setEnhetsnamn("Vårdcentralen Testmottagningen");
        enhet.setVardgivareId(hsaId("TSTNMT2321000156-1002"));
        SjukfallLakare lakare = new SjukfallLakare();
        lakare.setPersonalId(hsaId(DOCTOR));
        lakare.setFullstandigtNamn("Anna Läkare");
        IntygId intygsId = new IntygId();
        intygsId.setRoot(CARE_UNIT);
        intygsId.setExtension("9f02dd2f-f57c-4a73-8190-2fe602bd6e2a");

        Sjukfall sjukfall = new Sjukfall();
        sjukfall.setPatient(patient);
        sjukfall.setDiagnoskod(diagnosis);
        sjukfall.setStart(date("2025-03-03"));
        sjukfall.setSlut(date("2025-03-16"));
        sjukfall.getSjukskrivningsperiod().add(period);
        sjukfall.setEnhet(enhet);
        sjukfall.setLakare(lakare);
        sjukfall.getIntygsId().add(intygsId);
        return sjukfall;
    }

    private static Delsvar delsvar(String id, Intyg intyg) {
        return intyg.getSvar().stream().flatMap(s -> s.getDelsvar().stream())
                .filter(d -> d.getId().equals(id)).findFirst().orElseThrow();
    }

    /** The one typed value of a delsvar; whitespace around it comes as String items and is skipped. */
    private static <T> T typedValue(Delsvar delsvar, Class<T> type) {
        List<Object> typed = delsvar.getContent().stream()
                .filter(JAXBElement.class::isInstance).<Object>map(e -> ((JAXBElement<?>) e).getValue()).toList();
        assertThat(typed).as("typed values of delsvar %s", delsvar.getId()).singleElement().isInstanceOf(type);
        return type.cast(typed.get(0));
    }

    private static String text(Delsvar delsvar) {
        StringBuilder text = new StringBuilder();
        for (Serializable item : delsvar.getContent()) {
            if (item instanceof String s) {
                text.append(s);
            }
        }
        return text.toString().strip();
    }

    // ------------------------------------------------------------------ helpers: JAXB

    private static Unmarshaller unmarshaller(Class<?> rootClass, String op) throws Exception {
        Unmarshaller unmarshaller = context(rootClass).createUnmarshaller();
        unmarshaller.setSchema(schema(responderSchemaPath(op)));
        return unmarshaller;
    }

    /** A context of the root class alone, as an adapter would create it: nothing else is registered. */
    private static JAXBContext context(Class<?> rootClass) {
        return CONTEXTS.computeIfAbsent(rootClass, c -> {
            try {
                return JAXBContext.newInstance(c);
            } catch (jakarta.xml.bind.JAXBException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Marshals with the responder schema set, so an invalid result fails here. */
    private static Element marshal(Object root, String op) throws Exception {
        Marshaller marshaller = context(root.getClass()).createMarshaller();
        marshaller.setSchema(schema(responderSchemaPath(op)));
        StringWriter xml = new StringWriter();
        marshaller.marshal(root, xml);
        return parse(xml.toString().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    // ------------------------------------------------------------------ helpers: contract files

    private static String operationOf(String sample) {
        return sample.contains("-") ? sample.substring(0, sample.indexOf('-')) : sample;
    }

    private static String responderNs(String op) {
        return DOMAIN + op + "Responder:" + OPS.get(op).major();
    }

    private static String responderSchemaPath(String op) {
        return CONTRACTS + "interactions/" + op + "Interaction/" + op + "Responder_" + OPS.get(op).schemaVersion() + ".xsd";
    }

    private static String wsdlPath(String op) {
        return CONTRACTS + "interactions/" + op + "Interaction/" + op + "Interaction_" + OPS.get(op).wsdlVersion()
                + "_RIVTABP21.wsdl";
    }

    private static String registrySchemaPath() {
        return CONTRACTS + "core_components/itintegration_registry_1.0.xsd";
    }

    private static byte[] sample(String name) {
        return resource(SAMPLES + name + ".xml");
    }

    private static Element payload(String sample) throws Exception {
        return onlyElementChild(onlyChild(parse(sample(sample)).getDocumentElement(), SOAP11_ENV, "Body"));
    }

    /** The text of an example from {@code from} up to and including {@code to}. */
    private static String between(String sample, String from, String to) {
        String text = new String(sample(sample), StandardCharsets.UTF_8);
        int start = text.indexOf(from);
        int end = text.indexOf(to, start);
        assertThat(start).as("%s in %s", from, sample).isNotNegative();
        return text.substring(start, end + to.length());
    }

    private static Element variantPayload(String sample, String find, String replace) throws Exception {
        String text = new String(sample(sample), StandardCharsets.UTF_8);
        assertThat(text).as("example %s contains the text to replace", sample).contains(find);
        Document doc = parse(text.replace(find, replace).getBytes(StandardCharsets.UTF_8));
        return onlyElementChild(onlyChild(doc.getDocumentElement(), SOAP11_ENV, "Body"));
    }

    private static byte[] resource(String path) {
        try (InputStream in = IntygContractSchemasTest.class.getResourceAsStream(path)) {
            assertThat(in).as("classpath resource %s", path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ helpers: secure XML

    private static Schema schema(String path) {
        return SCHEMAS.computeIfAbsent(path, p -> {
            try {
                return newSchemaFactory().newSchema(
                        new StreamSource(new ByteArrayInputStream(resource(p)), CLASSPATH_SCHEME + ":" + p));
            } catch (SAXException e) {
                throw new IllegalStateException("schema " + p + " does not compile", e);
            }
        });
    }

    private static SchemaFactory newSchemaFactory() throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XSD);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setResourceResolver(RESOLVER);
        return factory;
    }

    private static Validator validator(String schemaPath) throws SAXException {
        Validator validator = schema(schemaPath).newValidator();
        validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setResourceResolver(RESOLVER);
        return validator;
    }

    /**
     * Serves relative imports between contract files from the classpath. Only
     * {@code classpath:/contracts/intyg/…} is reachable; anything else fails loudly.
     */
    private static final LSResourceResolver RESOLVER = (type, namespaceURI, publicId, systemId, baseURI) -> {
        if (systemId == null || baseURI == null) {
            throw new IllegalArgumentException("unresolvable reference " + namespaceURI + " / " + systemId);
        }
        URI target = URI.create(baseURI).resolve(systemId).normalize();
        if (!CLASSPATH_SCHEME.equals(target.getScheme()) || !target.getPath().startsWith(CONTRACTS)) {
            throw new IllegalArgumentException("refusing to load " + target + " (from " + baseURI + ")");
        }
        LSInput input = domLs().createLSInput();
        input.setByteStream(new ByteArrayInputStream(resource(target.getPath())));
        input.setSystemId(target.toString());
        input.setBaseURI(target.toString());
        input.setPublicId(publicId);
        return input;
    };

    private static DOMImplementationLS domLs() {
        try {
            return (DOMImplementationLS) newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilder newDocumentBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    private static Document parse(byte[] xml) throws Exception {
        return newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    // ------------------------------------------------------------------ helpers: DOM

    private static List<Element> elementChildren(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> children(Element parent, String ns, String localName) {
        return elementChildren(parent).stream()
                .filter(e -> ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName()))
                .toList();
    }

    private static List<Element> descendants(Element root, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        var nodes = root.getElementsByTagNameNS(ns, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element onlyChild(Element parent, String ns, String localName) {
        List<Element> found = children(parent, ns, localName);
        assertThat(found).as("{%s}%s under %s", ns, localName, parent.getLocalName()).hasSize(1);
        return found.get(0);
    }

    private static Element onlyElementChild(Element parent) {
        List<Element> found = elementChildren(parent);
        assertThat(found).as("element children of %s", parent.getLocalName()).hasSize(1);
        return found.get(0);
    }

    /** {@code namespace|local} of a prefixed QName attribute value, resolved where it occurs. */
    private static String resolveQName(Element context, String qname) {
        int colon = qname.indexOf(':');
        String prefix = colon < 0 ? null : qname.substring(0, colon);
        String ns = context.lookupNamespaceURI(prefix);
        assertThat(ns).as("namespace of prefix in %s", qname).isNotNull();
        return ns + "|" + qname.substring(colon + 1);
    }

    private static String partElement(Element part) {
        return resolveQName(part, part.getAttribute("element"));
    }
}
