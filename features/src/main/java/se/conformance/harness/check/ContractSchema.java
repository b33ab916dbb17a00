package se.conformance.harness.check;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import org.w3c.dom.Element;
import org.xmlunit.validation.Languages;
import org.xmlunit.validation.ValidationProblem;
import org.xmlunit.validation.ValidationResult;
import org.xmlunit.validation.Validator;

/**
 * Validates a request or answer payload against the contract's responder schema with XMLUnit.
 * The schemas are the simulator's own (written from the documented element names, types and
 * namespaces), read from its jar.
 */
public final class ContractSchema {

    private static final String EFK = "contracts/efrikort/interactions/";
    private static final String INTYG = "contracts/intyg/interactions/";

    private static final Map<String, String> RESPONDER_SCHEMAS = Map.ofEntries(
            efrikort("GetCardForPerson"), efrikort("GetExtendedCardForPerson"), efrikort("GetExtendedCardsForPerson"),
            efrikort("RegisterTransaction"), efrikort("UpdateTransaction"), efrikort("DeleteTransaction"),
            efrikort("RegisterCard"), efrikort("UpdateCard"), efrikort("DeleteCard"), efrikort("OrderNewCard"),
            efrikort("GroupPerson"), efrikort("UngroupPerson"), efrikort("GetGroupForPerson"),
            efrikort("RegisterOptIn"), efrikort("RegisterOptOut"), efrikort("UpdateReadConsent"),
            intyg("CreateDraftCertificate", "3.3"), intyg("ListCertificatesForCareWithQA", "3.3"),
            intyg("RegisterCertificate", "3.1"), intyg("SendMessageToRecipient", "2.1"),
            intyg("CertificateStatusUpdateForCare", "3.2"));

    private static final Map<String, Validator> VALIDATORS = new ConcurrentHashMap<>();

    private ContractSchema() {}

    private static Map.Entry<String, String> efrikort(String op) {
        return Map.entry(op, EFK + op + "Interaction/" + op + "Responder_3.0.xsd");
    }

    private static Map.Entry<String, String> intyg(String op, String version) {
        return Map.entry(op, INTYG + op + "Interaction/" + op + "Responder_" + version + ".xsd");
    }

    /** The schema problems of the payload, empty when it is valid. */
    public static List<String> problems(String operation, Element payload) {
        Validator v = VALIDATORS.computeIfAbsent(operation, ContractSchema::validator);
        ValidationResult r = v.validateInstance(new DOMSource(payload));
        return StreamSupport.stream(r.getProblems().spliterator(), false)
                .filter(p -> p.getType() != ValidationProblem.ProblemType.WARNING)
                .map(p -> "line " + p.getLine() + ": " + p.getMessage())
                .toList();
    }

    private static Validator validator(String operation) {
        String resource = RESPONDER_SCHEMAS.get(operation);
        if (resource == null) throw new IllegalArgumentException("no contract schema known for " + operation);
        URL url = ContractSchema.class.getClassLoader().getResource(resource);
        if (url == null) throw new IllegalStateException("contract schema missing from the classpath: " + resource);
        Validator v = Validator.forLanguage(Languages.W3C_XML_SCHEMA_NS_URI);
        v.setSchemaSource(new StreamSource(url.toExternalForm()));
        return v;
    }
}
