package se.conformance.simulator.efrikort.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
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

/**
 * The e-frikort v3 contract files (schemas, WSDLs) and the sample requests under
 * {@code src/test/resources/soap/efrikort}: samples are valid, WSDLs are consistent, broken
 * variants are rejected, and the generated JAXB classes bind the root elements.
 *
 * <p>Schemas are loaded with secure processing and with all external access switched off; the
 * relative imports between contract files are served from the classpath by {@link #RESOLVER}.
 */
class ContractSchemasTest {

    private static final String CONTRACTS = "/contracts/efrikort/";
    private static final String SAMPLES = "/soap/efrikort/";
    private static final String CLASSPATH_SCHEME = "classpath";

    private static final String SOAP11_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    private static final String WSDL_SOAP = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final String CORE_NS = "urn:riv:cgi:healthcare:efrikort:3";
    private static final String REGISTRY_NS = "urn:riv:itintegration:registry:1";
    private static final String JAXB_BASE = "se.conformance.simulator.efrikort.contract.";

    /** Operation → name of the one element inside {@code <Op>Response} (frikort.md §2.6). */
    private static final Map<String, String> RESULT_ELEMENT = Map.ofEntries(
            Map.entry("RegisterTransaction", "registerTransactionResultType"),
            Map.entry("UpdateTransaction", "registerTransactionResultType"),
            Map.entry("DeleteTransaction", "resultType"),
            Map.entry("GetCardForPerson", "getCardForPersonResultType"),
            Map.entry("GetExtendedCardForPerson", "getExtendedCardResultType"),
            Map.entry("GetExtendedCardsForPerson", "getExtendedCardsResultType"),
            Map.entry("RegisterCard", "registerCardResultType"),
            Map.entry("UpdateCard", "resultType"),
            Map.entry("DeleteCard", "resultType"),
            Map.entry("OrderNewCard", "resultType"),
            Map.entry("GroupPerson", "resultType"),
            Map.entry("UngroupPerson", "resultType"),
            Map.entry("GetGroupForPerson", "getGroupForPersonResultType"),
            Map.entry("RegisterOptIn", "resultType"),
            Map.entry("RegisterOptOut", "resultType"),
            Map.entry("UpdateReadConsent", "resultType"));

    /** The actor element exactly as every sample writes it. */
    private static final String ACTOR_BLOCK = """
                  <r:actor>
                    <c:employeeId>TSTNMT2321000156-1079</c:employeeId>
                    <c:careProviderId>TSTNMT2321000156-1002</c:careProviderId>
                    <c:careUnitId>TSTNMT2321000156-1077</c:careUnitId>
                  </r:actor>
            """;

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    static Stream<String> operations() {
        return RESULT_ELEMENT.keySet().stream().sorted();
    }

    // ------------------------------------------------------------------ samples

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void sampleIsAValidRequestForItsResponderSchema(String op) throws Exception {
        Document envelope = parse(sample(op));
        Element root = envelope.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SOAP11_ENV);
        assertThat(root.getLocalName()).isEqualTo("Envelope");

        Element header = onlyChild(root, SOAP11_ENV, "Header");
        Element logicalAddress = onlyElementChild(header);
        assertThat(logicalAddress.getNamespaceURI()).isEqualTo(REGISTRY_NS);
        assertThat(logicalAddress.getLocalName()).isEqualTo("LogicalAddress");
        assertThat(logicalAddress.getTextContent()).isEqualTo("SE2321000016-39KJ");
        validator(registrySchemaPath()).validate(new DOMSource(logicalAddress));

        Element payload = onlyElementChild(onlyChild(root, SOAP11_ENV, "Body"));
        assertThat(payload.getNamespaceURI()).isEqualTo(responderNs(op));
        assertThat(payload.getLocalName()).isEqualTo(op);
        List<Element> children = elementChildren(payload);
        assertThat(children).isNotEmpty().allSatisfy(c -> assertThat(c.getNamespaceURI()).isEqualTo(responderNs(op)));
        assertThat(children.get(0).getLocalName()).isEqualTo("carePrincipalId");

        validator(responderSchemaPath(op)).validate(new DOMSource(payload));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void generatedRootClassesBindRequestAndResponse(String op) throws Exception {
        String pkg = JAXB_BASE + op.toLowerCase(java.util.Locale.ROOT) + ".";
        Class<?> requestClass = Class.forName(pkg + op);
        Class<?> responseClass = Class.forName(pkg + op + "Response");
        assertThat(requestClass.getAnnotation(XmlRootElement.class).name()).isEqualTo(op);
        assertThat(responseClass.getAnnotation(XmlRootElement.class).name()).isEqualTo(op + "Response");

        // The sample request unmarshals straight into the generated root class.
        Element payload = onlyElementChild(onlyChild(parse(sample(op)).getDocumentElement(), SOAP11_ENV, "Body"));
        var unmarshaller = JAXBContext.newInstance(requestClass).createUnmarshaller();
        unmarshaller.setSchema(schema(responderSchemaPath(op)));
        Object request = unmarshaller.unmarshal(payload);
        assertThat(request).isInstanceOf(requestClass);
        assertThat(requestClass.getMethod("getCarePrincipalId").invoke(request)).isEqualTo("SE2321000016-39KJ");

        // A minimal OK response built from the generated classes marshals schema-valid.
        String resultElement = RESULT_ELEMENT.get(op);
        String property = Character.toUpperCase(resultElement.charAt(0)) + resultElement.substring(1);
        Method getter = responseClass.getMethod("get" + property);
        Object result = minimalOkResult(getter.getReturnType());
        Object response = responseClass.getDeclaredConstructor().newInstance();
        responseClass.getMethod("set" + property, getter.getReturnType()).invoke(response, result);

        Marshaller marshaller = JAXBContext.newInstance(responseClass).createMarshaller();
        marshaller.setSchema(schema(responderSchemaPath(op)));
        StringWriter xml = new StringWriter();
        marshaller.marshal(response, xml);
        Element marshalled = parse(xml.toString().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        assertThat(marshalled.getNamespaceURI()).isEqualTo(responderNs(op));
        Element resultNode = onlyElementChild(marshalled);
        assertThat(resultNode.getNamespaceURI()).isEqualTo(responderNs(op));
        assertThat(resultNode.getLocalName()).isEqualTo(resultElement);
        assertThat(xml.toString()).contains(CORE_NS);
    }

    // ------------------------------------------------------------------ WSDLs

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void wsdlNamesSoapActionNamespacesAndImports(String op) throws Exception {
        String path = wsdlPath(op);
        Element defs = parse(resource(path)).getDocumentElement();
        String tns = "urn:riv:cgi:healthcare:efrikort:" + op + ":3:rivtabp21";
        assertThat(defs.getNamespaceURI()).isEqualTo(WSDL);
        assertThat(defs.getLocalName()).isEqualTo("definitions");
        assertThat(defs.getAttribute("targetNamespace")).isEqualTo(tns);

        // types: imports the responder and the registry schema; the embedded schema compiles.
        Element embedded = onlyChild(onlyChild(defs, WSDL, "types"), XSD, "schema");
        Map<String, String> imports = new java.util.TreeMap<>();
        for (Element imp : children(embedded, XSD, "import")) {
            imports.put(imp.getAttribute("namespace"), imp.getAttribute("schemaLocation"));
        }
        assertThat(imports).containsOnly(
                Map.entry(responderNs(op), op + "Responder_3.0.xsd"),
                Map.entry(REGISTRY_NS, "../../core_components/itintegration_registry_1.0.xsd"));
        newSchemaFactory().newSchema(new DOMSource(embedded, CLASSPATH_SCHEME + ":" + path));

        // messages: request = LogicalAddress header part + body part; response = body part.
        Map<String, Element> messages = new java.util.HashMap<>();
        for (Element m : children(defs, WSDL, "message")) {
            messages.put(m.getAttribute("name"), m);
        }
        assertThat(messages).containsOnlyKeys(op + "Request", op + "Response");
        List<Element> requestParts = children(messages.get(op + "Request"), WSDL, "part");
        assertThat(requestParts).hasSize(2);
        assertThat(partElement(requestParts.get(0))).isEqualTo(REGISTRY_NS + "|LogicalAddress");
        assertThat(requestParts.get(0).getAttribute("name")).isEqualTo("LogicalAddress");
        assertThat(partElement(requestParts.get(1))).isEqualTo(responderNs(op) + "|" + op);
        List<Element> responseParts = children(messages.get(op + "Response"), WSDL, "part");
        assertThat(responseParts).hasSize(1);
        assertThat(partElement(responseParts.get(0))).isEqualTo(responderNs(op) + "|" + op + "Response");

        Element portType = onlyChild(defs, WSDL, "portType");
        assertThat(portType.getAttribute("name")).isEqualTo(op + "ResponderInterface");
        assertThat(onlyChild(portType, WSDL, "operation").getAttribute("name")).isEqualTo(op);

        Element binding = onlyChild(defs, WSDL, "binding");
        assertThat(binding.getAttribute("name")).isEqualTo(op + "ResponderBinding");
        assertThat(resolveQName(binding, binding.getAttribute("type"))).isEqualTo(tns + "|" + op + "ResponderInterface");
        Element soapBinding = onlyChild(binding, WSDL_SOAP, "binding");
        assertThat(soapBinding.getAttribute("style")).isEqualTo("document");
        assertThat(soapBinding.getAttribute("transport")).isEqualTo("http://schemas.xmlsoap.org/soap/http");
        Element bindingOp = onlyChild(binding, WSDL, "operation");
        assertThat(bindingOp.getAttribute("name")).isEqualTo(op);
        assertThat(onlyChild(bindingOp, WSDL_SOAP, "operation").getAttribute("soapAction"))
                .isEqualTo("urn:riv:cgi:healthcare:efrikort:" + op + "Responder:3:" + op);
        Element input = onlyChild(bindingOp, WSDL, "input");
        Element soapHeader = onlyChild(input, WSDL_SOAP, "header");
        assertThat(soapHeader.getAttribute("part")).isEqualTo("LogicalAddress");
        assertThat(soapHeader.getAttribute("use")).isEqualTo("literal");
        assertThat(resolveQName(soapHeader, soapHeader.getAttribute("message"))).isEqualTo(tns + "|" + op + "Request");
        assertThat(onlyChild(input, WSDL_SOAP, "body").getAttribute("use")).isEqualTo("literal");
        assertThat(onlyChild(onlyChild(bindingOp, WSDL, "output"), WSDL_SOAP, "body").getAttribute("use"))
                .isEqualTo("literal");

        Element service = onlyChild(defs, WSDL, "service");
        assertThat(service.getAttribute("name")).isEqualTo(op + "ResponderService");
        Element port = onlyChild(service, WSDL, "port");
        assertThat(resolveQName(port, port.getAttribute("binding"))).isEqualTo(tns + "|" + op + "ResponderBinding");
        assertThat(onlyChild(port, WSDL_SOAP, "address").getAttribute("location"))
                .isEqualTo("http://localhost/efrikortService/" + op + "/3/rivtabp21");
    }

    // ------------------------------------------------------------------ variants

    /** Operation, what is wrong, text in the sample, its replacement (all occurrences). */
    static Stream<Arguments> brokenVariants() {
        return Stream.of(
            arguments("RegisterTransaction", "required amount missing", "<r:amount>200.0</r:amount>", ""),
            arguments("RegisterTransaction", "required personId missing", "<r:personId>191212121212</r:personId>", ""),
            arguments("RegisterTransaction", "required employeeId inside actor missing",
                    "<c:employeeId>TSTNMT2321000156-1079</c:employeeId>", ""),
            arguments("RegisterTransaction", "request child in core namespace",
                    "<r:personId>191212121212</r:personId>", "<c:personId>191212121212</c:personId>"),
            arguments("RegisterTransaction", "request child without namespace",
                    "<r:cardTypeId>CARE_VISIT</r:cardTypeId>", "<cardTypeId xmlns=\"\">CARE_VISIT</cardTypeId>"),
            arguments("RegisterTransaction", "actor child in responder namespace",
                    "<c:employeeId>TSTNMT2321000156-1079</c:employeeId>",
                    "<r:employeeId>TSTNMT2321000156-1079</r:employeeId>"),
            arguments("RegisterTransaction", "v1-style PascalCase element",
                    "<r:carePrincipalId>SE2321000016-39KJ</r:carePrincipalId>",
                    "<r:CarePrincipalId>SE2321000016-39KJ</r:CarePrincipalId>"),
            arguments("RegisterTransaction", "v1-style root <Op>Request", "r:RegisterTransaction>", "r:RegisterTransactionRequest>"),
            arguments("RegisterTransaction", "personId of 14 characters",
                    "<r:personId>191212121212</r:personId>", "<r:personId>19121212121212</r:personId>"),
            arguments("RegisterTransaction", "amount not a number", "<r:amount>200.0</r:amount>", "<r:amount>200,00 kr</r:amount>"),
            arguments("RegisterTransaction", "transactionDate not an xs:date",
                    "<r:transactionDate>2025-03-01</r:transactionDate>", "<r:transactionDate>01/03/2025</r:transactionDate>"),
            arguments("RegisterTransaction", "careProvider longer than 128",
                    "<r:careProvider>TSTNMT2321000156-1002</r:careProvider>", "<r:careProvider>" + "x".repeat(129) + "</r:careProvider>"),
            arguments("RegisterTransaction", "cardTypeId longer than 36",
                    "<r:cardTypeId>CARE_VISIT</r:cardTypeId>", "<r:cardTypeId>" + "C".repeat(37) + "</r:cardTypeId>"),
            arguments("RegisterTransaction", "elements out of order",
                    "<r:cardTypeId>CARE_VISIT</r:cardTypeId>\n      <r:personId>191212121212</r:personId>",
                    "<r:personId>191212121212</r:personId>\n      <r:cardTypeId>CARE_VISIT</r:cardTypeId>"),
            arguments("RegisterCard", "unknown cardReason enum value", "<r:cardReason>MEDICAL</r:cardReason>", "<r:cardReason>LOST_CARD</r:cardReason>"),
            arguments("RegisterCard", "lower-case enum value", "<r:cardReason>MEDICAL</r:cardReason>", "<r:cardReason>medical</r:cardReason>"),
            arguments("RegisterCard", "required extendExisting missing", "<r:extendExisting>false</r:extendExisting>", ""),
            arguments("RegisterCard", "extendExisting not a boolean", "<r:extendExisting>false</r:extendExisting>", "<r:extendExisting>no</r:extendExisting>"),
            arguments("RegisterCard", "cardId longer than 20", "<r:cardId>4711000123</r:cardId>", "<r:cardId>" + "1".repeat(21) + "</r:cardId>"),
            arguments("UpdateTransaction", "required transactionId missing",
                    "<r:transactionId>8a0e6d54-2c3b-4f7a-b1d9-0e4c7f2a9b61</r:transactionId>", ""),
            arguments("UpdateTransaction", "required transactionDate missing", "<r:transactionDate>2025-03-01</r:transactionDate>", ""),
            arguments("UpdateTransaction", "updateReason longer than 255",
                    "<r:updateReason>Wrong amount registered</r:updateReason>", "<r:updateReason>" + "x".repeat(256) + "</r:updateReason>"),
            arguments("DeleteTransaction", "transactionId longer than 36",
                    "8a0e6d54-2c3b-4f7a-b1d9-0e4c7f2a9b61", "8a0e6d54-2c3b-4f7a-b1d9-0e4c7f2a9b61X"),
            arguments("DeleteTransaction", "required actor missing", ACTOR_BLOCK, ""),
            arguments("GetCardForPerson", "required cardTypeId missing", "<r:cardTypeId>CARE_VISIT</r:cardTypeId>", ""),
            arguments("GetCardForPerson", "personId of 14 characters", "191212121212", "19121212121234"),
            arguments("GetExtendedCardsForPerson", "required carePrincipalId missing",
                    "<r:carePrincipalId>SE2321000016-39KJ</r:carePrincipalId>", ""),
            arguments("UpdateCard", "unknown element in responder namespace (not an extension)",
                    "</r:actor>", "</r:actor>\n      <r:comment>x</r:comment>"),
            arguments("UpdateCard", "required startDate missing", "<r:startDate>2025-03-01</r:startDate>", ""),
            arguments("GroupPerson", "personId of 14 characters", "191212121212", "19121212121234"),
            arguments("RegisterOptIn", "careUnitId longer than 32 (HsaId)",
                    "<c:careUnitId>TSTNMT2321000156-1077</c:careUnitId>", "<c:careUnitId>" + "T".repeat(33) + "</c:careUnitId>"),
            arguments("UpdateReadConsent", "consent not a boolean", "<r:consent>true</r:consent>", "<r:consent>ja</r:consent>"),
            arguments("UpdateReadConsent", "required consent missing", "<r:consent>true</r:consent>", ""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("brokenVariants")
    void brokenVariantIsRejected(String op, String what, String find, String replace) throws Exception {
        Element payload = variantPayload(op, find, replace);
        Validator validator = validator(responderSchemaPath(op));
        assertThatThrownBy(() -> validator.validate(new DOMSource(payload)))
                .as(what)
                .isInstanceOf(SAXParseException.class)
                .hasMessageStartingWith("cvc-");
    }

    /** Things the schema deliberately lets through (business rules or extension points). */
    static Stream<Arguments> acceptedVariants() {
        return Stream.of(
            arguments("RegisterTransaction", "hyphenated personnummer (13 chars; business rule, not schema)",
                    "<r:personId>191212121212</r:personId>", "<r:personId>19121212-1212</r:personId>"),
            arguments("RegisterTransaction", "reservnummer of 13 characters",
                    "<r:personId>191212121212</r:personId>", "<r:personId>99121212AB123</r:personId>"),
            arguments("RegisterTransaction", "optional careUnit omitted", "<r:careUnit>TSTNMT2321000156-1077</r:careUnit>", ""),
            arguments("RegisterTransaction", "optional transactionDate omitted", "<r:transactionDate>2025-03-01</r:transactionDate>", ""),
            arguments("RegisterTransaction", "optional careUnitId in actor omitted", "<c:careUnitId>TSTNMT2321000156-1077</c:careUnitId>", ""),
            arguments("RegisterTransaction", "extension element in a foreign namespace",
                    "</r:actor>", "</r:actor>\n      <x:extra xmlns:x=\"urn:example:extension\">1</x:extra>"),
            arguments("RegisterTransaction", "extension element inside actor",
                    "</c:careUnitId>", "</c:careUnitId><x:extra xmlns:x=\"urn:example:extension\">1</x:extra>"),
            arguments("UpdateTransaction", "updateReason of exactly 255",
                    "<r:updateReason>Wrong amount registered</r:updateReason>", "<r:updateReason>" + "x".repeat(255) + "</r:updateReason>"),
            arguments("UpdateTransaction", "optional updateReason omitted", "<r:updateReason>Wrong amount registered</r:updateReason>", ""),
            arguments("DeleteTransaction", "optional deleteReason omitted",
                    "<r:deleteReason>Registered on the wrong patient</r:deleteReason>", ""),
            arguments("RegisterCard", "optional cardId omitted", "<r:cardId>4711000123</r:cardId>", ""),
            arguments("RegisterCard", "VALID_CARD reason", "<r:cardReason>MEDICAL</r:cardReason>", "<r:cardReason>VALID_CARD</r:cardReason>"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("acceptedVariants")
    void permittedVariantIsAccepted(String op, String what, String find, String replace) throws Exception {
        Element payload = variantPayload(op, find, replace);
        validator(responderSchemaPath(op)).validate(new DOMSource(payload));
    }

    // ------------------------------------------------------------------ helpers: contract files

    private static String responderNs(String op) {
        return "urn:riv:cgi:healthcare:efrikort:" + op + "Responder:3";
    }

    private static String responderSchemaPath(String op) {
        return CONTRACTS + "interactions/" + op + "Interaction/" + op + "Responder_3.0.xsd";
    }

    private static String wsdlPath(String op) {
        return CONTRACTS + "interactions/" + op + "Interaction/" + op + "Interaction_3.0_RIVTABP21.wsdl";
    }

    private static String registrySchemaPath() {
        return CONTRACTS + "core_components/itintegration_registry_1.0.xsd";
    }

    private static byte[] sample(String op) {
        return resource(SAMPLES + op + ".xml");
    }

    private static Element variantPayload(String op, String find, String replace) throws Exception {
        String text = new String(sample(op), StandardCharsets.UTF_8);
        assertThat(text).as("sample %s contains the text to replace", op).contains(find);
        Document doc = parse(text.replace(find, replace).getBytes(StandardCharsets.UTF_8));
        return onlyElementChild(onlyChild(doc.getDocumentElement(), SOAP11_ENV, "Body"));
    }

    private static byte[] resource(String path) {
        try (InputStream in = ContractSchemasTest.class.getResourceAsStream(path)) {
            assertThat(in).as("classpath resource %s", path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object minimalOkResult(Class<?> type) throws Exception {
        Class<?> resultTypeClass = Class.forName(JAXB_BASE + "core.ResultType");
        Class<?> codeClass = Class.forName(JAXB_BASE + "core.ResultCodeType");
        Object result = resultTypeClass.getDeclaredConstructor().newInstance();
        resultTypeClass.getMethod("setResultCode", codeClass).invoke(result, codeClass.getField("OK").get(null));
        if (type == resultTypeClass) {
            return result;
        }
        Object wrapper = type.getDeclaredConstructor().newInstance();
        type.getMethod("setResult", resultTypeClass).invoke(wrapper, result);
        if (type.getSimpleName().equals("GetGroupForPersonResultType")) {
            @SuppressWarnings("unchecked")
            List<String> personIds = (List<String>) type.getMethod("getPersonIds").invoke(wrapper);
            personIds.add("191212121212");
        }
        return wrapper;
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
     * {@code classpath:/contracts/efrikort/…} is reachable; anything else fails loudly.
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
