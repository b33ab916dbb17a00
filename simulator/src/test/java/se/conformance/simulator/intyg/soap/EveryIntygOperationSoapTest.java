package se.conformance.simulator.intyg.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static se.conformance.simulator.intyg.soap.IntygRequest.example;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.conformance.simulator.fault.FaultRule;
import se.conformance.simulator.intyg.soap.IntygSoapClient.Fault;
import se.conformance.simulator.intyg.soap.IntygSoapClient.Reply;

/**
 * The fourteen inbound operations over real HTTP against a running simulator: each documented example, with the state it needs set
 * up through SOAP itself, is answered with the operation's own response root, valid against our
 * responder schema; a request that breaks the schema is ERROR / VALIDATION_ERROR with HTTP 200 where
 * the real service transforms the fault, and a {@code soap:Client} fault where it does not or the
 * response has no ResultType; and a fault rule's result code, with its errorId, is answered in every
 * operation that has a ResultType.
 */
class EveryIntygOperationSoapTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    private static IntygSoapClient client;

    @BeforeAll
    static void start() {
        client = new IntygSoapClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @BeforeEach
    void reset() {
        client.resetAt(TODAY);
    }

    /** Operation | expected result code ("-": the response has no ResultType) | an element the answer carries. */
    private static final String[][] OPERATIONS = {
        {"RegisterCertificate", "OK", "result"},
        {"GetCertificate", "-", "intyg"},
        {"SendCertificateToRecipient", "OK", "result"},
        {"RevokeCertificate", "OK", "result"},
        {"SetCertificateStatus", "OK", "result"},
        {"ListCertificatesForCare", "-", "intyg"},
        {"ListCertificatesForCitizen", "OK", "intyg"},
        {"SendMessageToCare", "OK", "result"},
        {"SendMessageToRecipient", "OK", "result"},
        {"ListSickLeavesForCare", "OK", "sjukfall"},
        {"GetCertificateTypeInfo", "-", "typVersion"},
        {"ListRelationsForCertificate", "-", "intygRelation"},
        {"CreateDraftCertificate", "OK", "intygs-id"},
        {"ListCertificatesForCareWithQA", "OK", "item"},
    };

    /** Where a schema violation is a SOAP fault rather than a result (§2.1; no ResultType in the response). */
    private static final Set<String> VALIDATION_FAULTS = Set.of("GetCertificate", "ListCertificatesForCare",
            "ListSickLeavesForCare", "GetCertificateTypeInfo", "ListRelationsForCertificate");

    static Stream<Arguments> operations() {
        return Arrays.stream(OPERATIONS).map(row -> Arguments.of((Object[]) row));
    }

    static Stream<String> operationNames() {
        return Arrays.stream(OPERATIONS).map(row -> row[0]);
    }

    @Test
    void theTableHoldsEveryInboundOperationOfTheContracts() throws IOException, URISyntaxException {
        Path interactions = Path.of(getClass().getResource("/contracts/intyg/interactions").toURI());
        List<String> contract;
        try (Stream<Path> dirs = Files.list(interactions)) {
            contract = dirs.map(p -> p.getFileName().toString().replace("Interaction", ""))
                    .filter(op -> !op.equals("CertificateStatusUpdateForCare")) // outbound: the journal system produces it
                    .toList();
        }
        assertThat(contract).hasSize(14);
        assertThat(operationNames()).containsExactlyInAnyOrderElementsOf(contract);
        assertThat(IntygSoapClient.operations()).extracting(op -> op.name())
                .containsExactlyInAnyOrderElementsOf(contract);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("operations")
    void theExampleIsAnsweredWithASchemaValidResponse(String operation, String expectedCode, String carries) {
        IntygRequest request = validRequestFor(operation);

        Reply reply = client.call(request); // checks root element and schema validity

        if ("-".equals(expectedCode)) {
            assertThat(reply.code()).as("no ResultType in %s", reply.body()).isNull();
        } else {
            assertThat(reply.code()).as(reply.body()).isEqualTo(expectedCode);
            assertThat(reply.text()).as("an OK answer has nothing to show").isNull();
            assertThat(reply.errorId()).isNull();
        }
        assertThat(reply.all(carries)).as("%s carries %s: %s", operation, carries, reply.body()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationNames")
    void aRequestBreakingTheSchemaIsAValidationErrorOrAClientFault(String operation) {
        IntygRequest request = validRequestFor(operation);
        String root = "<r:" + operation + ">";
        IntygRequest broken = request.replace(root, root + "<r:okand>x</r:okand>");

        if (VALIDATION_FAULTS.contains(operation)) {
            Fault fault = client.fault(broken);
            assertThat(fault.code()).isEqualTo("soap:Client");
            assertThat(fault.text()).startsWith("Unmarshalling Error: ").contains("cvc-complex-type.2.4.a")
                    .contains("okand");
        } else {
            Reply reply = client.expect("ERROR", broken); // HTTP 200, schema-valid
            assertThat(reply.errorId()).isEqualTo("VALIDATION_ERROR");
            assertThat(reply.text()).startsWith("Unmarshalling Error: ").contains("cvc-complex-type.2.4.a")
                    .contains("okand");
        }
    }

    @Test
    void aMissingRequiredElementIsNamedInTheValidationError() {
        Reply reply = client.expect("ERROR", example("RegisterCertificate").without("c:typ"));

        assertThat(reply.errorId()).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.text()).startsWith("Unmarshalling Error: cvc-complex-type.2.4.a")
                .contains("version").contains("typ");
    }

    @Test
    void aFaultRulesResultCodeAndErrorIdAreAnsweredInEveryOperationWithAResultType() {
        operationNames().forEach(operation -> {
            client.faultRule(operation, "ERROR", "TECHNICAL_ERROR", "Tjänsten är tillfälligt otillgänglig", 1);

            if (Set.of("GetCertificate", "ListCertificatesForCare", "GetCertificateTypeInfo",
                    "ListRelationsForCertificate").contains(operation)) {
                Fault fault = client.fault(example(operation));
                assertThat(fault.code()).as(operation).isEqualTo("soap:Server");
                assertThat(fault.text()).as(operation).isEqualTo("Tjänsten är tillfälligt otillgänglig");
            } else {
                Reply reply = client.expect("ERROR", example(operation)); // schema-valid, nothing performed
                assertThat(reply.errorId()).as(operation).isEqualTo("TECHNICAL_ERROR");
                assertThat(reply.text()).as(operation).isEqualTo("Tjänsten är tillfälligt otillgänglig");
            }
        });
    }

    @Test
    void aFaultRulesErrorIdGoesWithResultCodeErrorOnlyAndIsOneOfTheContracts() {
        assertThat(json(client.addFaultRule("RegisterCertificate", "INFO", "TECHNICAL_ERROR", "Info", 1), 400)
                .getString("error")).isEqualTo("errorId: only with resultCode ERROR");
        assertThat(json(client.addFaultRule("RegisterCertificate", "ERROR", "OKAND_ERROR", "Fel", 1), 400)
                .getString("error"))
                .isEqualTo("errorId: one of VALIDATION_ERROR, APPLICATION_ERROR, TECHNICAL_ERROR, REVOKED");
        client.control().get("/control/faults").then().statusCode(200).body("faults.size()", is(0));
    }

    @Test
    void aFaultRulesErrorIdIsAFieldOfItsJson() throws Exception {
        FaultRule rule = new ObjectMapper().readValue("{\"service\":\"intyg\",\"operation\":\"RegisterCertificate\","
                + "\"resultCode\":\"ERROR\",\"errorId\":\"TECHNICAL_ERROR\",\"resultText\":\"Nere\"}", FaultRule.class);

        assertThat(List.of(rule.service(), rule.resultCode(), rule.errorId(), rule.resultText()))
                .containsExactly("intyg", "ERROR", "TECHNICAL_ERROR", "Nere");
    }

    // ---- set-up ------------------------------------------------------------------------------------

    /** The operation's example, after setting up over SOAP what it needs to succeed. */
    static IntygRequest validRequestFor(String operation) {
        if (operation.equals("RegisterCertificate") || operation.equals("CreateDraftCertificate")) {
            return example(operation);
        }
        client.ok(example("RegisterCertificate"));
        if (operation.equals("SendMessageToRecipient")) {
            client.ok(example("SendCertificateToRecipient")); // care may only write about a sent certificate
        }
        return example(operation);
    }
}
