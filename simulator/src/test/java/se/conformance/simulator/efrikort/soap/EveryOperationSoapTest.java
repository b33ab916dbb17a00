package se.conformance.simulator.efrikort.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.ADULT;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.CHILD;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.at;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.child;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.request;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import se.conformance.simulator.efrikort.soap.EfrikortSoapClient.Reply;
import se.conformance.simulator.support.SoapRequests;

/**
 * All sixteen e-frikort operations over real HTTP: a valid request, with the state it needs set up
 * through SOAP itself, is answered with the operation's own response root, valid against our
 * responder schema, with the expected result code; and a request that breaks the schema is
 * answered VALIDATION_ERROR in an equally valid response.
 */
class EveryOperationSoapTest {

    private static EfrikortSoapClient client;

    @BeforeAll
    static void start() {
        client = new EfrikortSoapClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @BeforeEach
    void reset() {
        client.resetAt("2025-03-01");
    }

    /** Operation | expected result code | what the payload carries besides the result ("-": the result only). */
    private static final String[][] OPERATIONS = {
        {"RegisterTransaction", "OK", "transactionId"},
        {"UpdateTransaction", "OK", "transactionId"},
        {"DeleteTransaction", "OK", "-"},
        {"GetCardForPerson", "OK", "card"},
        {"GetExtendedCardForPerson", "OK", "extendedCard"},
        {"GetExtendedCardsForPerson", "OK", "extendedCard"},
        {"RegisterCard", "OK", "card"},
        {"UpdateCard", "OK", "-"},
        {"DeleteCard", "OK", "-"},
        {"OrderNewCard", "OK", "-"},
        {"GroupPerson", "OK", "-"},
        {"UngroupPerson", "OK", "-"},
        {"GetGroupForPerson", "OK", "personIds"},
        {"RegisterOptIn", "OK", "-"},
        {"RegisterOptOut", "OK", "-"},
        {"UpdateReadConsent", "OK", "-"},
    };

    static Stream<Arguments> operations() {
        return Arrays.stream(OPERATIONS).map(row -> Arguments.of((Object[]) row));
    }

    static Stream<String> operationNames() {
        return Arrays.stream(OPERATIONS).map(row -> row[0]);
    }

    @Test
    void theTableHoldsEveryOperationOfTheContract() throws IOException, URISyntaxException {
        Path interactions = Path.of(getClass().getResource("/contracts/efrikort/interactions").toURI());
        List<String> contract;
        try (Stream<Path> dirs = Files.list(interactions)) {
            contract = dirs.map(p -> p.getFileName().toString().replace("Interaction", "")).toList();
        }
        assertThat(contract).hasSize(16);
        assertThat(operationNames()).containsExactlyInAnyOrderElementsOf(contract);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("operations")
    void aValidRequestIsAnsweredWithASchemaValidResponse(String operation, String expectedCode, String carries) {
        SoapRequests request = validRequestFor(operation);

        Reply reply = client.call(request); // checks root element and schema validity

        assertThat(reply.code()).as(reply.body()).isEqualTo(expectedCode);
        assertThat(reply.text()).as("an OK answer has nothing to show").isNull();
        Element result = child(reply.payload(), resultElementOf(operation));
        assertThat(result).as("%s carries its result element: %s", operation, reply.body()).isNotNull();
        if ("-".equals(carries)) {
            assertThat(EfrikortSoapClient.children(result, "resultCode")).as("result only").hasSize(1);
        } else {
            assertThat(child(result, carries)).as("%s carries %s: %s", operation, carries, reply.body()).isNotNull();
            assertThat(at(result, "result/resultCode")).isEqualTo(expectedCode);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationNames")
    void aRequestBreakingTheSchemaIsAnsweredValidationErrorInASchemaValidResponse(String operation) {
        Reply reply = client.call(request(operation).without("carePrincipalId")); // checks root and schema validity

        assertThat(reply.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.text()).contains("cvc-complex-type.2.4").contains("carePrincipalId");
    }

    @Test
    void aFaultRulesResultCodeIsAnsweredInASchemaValidResponseOfEveryOperation() {
        operationNames().forEach(operation -> {
            client.control().body(Map.of("operation", operation, "resultCode", "ERROR",
                    "resultText", "Tjänsten är tillfälligt otillgänglig", "count", 1))
                    .post("/control/faults").then().statusCode(201);

            Reply reply = client.call(request(operation)); // checks root element and schema validity

            assertThat(reply.code()).as(operation).isEqualTo("ERROR");
            assertThat(reply.text()).as(operation).isEqualTo("Tjänsten är tillfälligt otillgänglig");
        });
    }

    /** The element directly under the response root: where the result sits. */
    private static String resultElementOf(String operation) {
        return switch (operation) {
            case "RegisterTransaction", "UpdateTransaction" -> "registerTransactionResultType";
            case "GetCardForPerson" -> "getCardForPersonResultType";
            case "GetExtendedCardForPerson" -> "getExtendedCardResultType";
            case "GetExtendedCardsForPerson" -> "getExtendedCardsResultType";
            case "RegisterCard" -> "registerCardResultType";
            case "GetGroupForPerson" -> "getGroupForPersonResultType";
            default -> "resultType";
        };
    }

    /** A request that must succeed, after setting up what it needs over SOAP; checks what the set-up steps answer. */
    private static SoapRequests validRequestFor(String operation) {
        switch (operation) {
            case "RegisterTransaction":
                return EfrikortSoapClient.fee(ADULT, "200.0");
            case "UpdateTransaction": {
                String transactionId = client.registered(ADULT, "200.0").value("transactionId");
                return request(operation).with("transactionId", transactionId).with("amount", "150.0");
            }
            case "DeleteTransaction": {
                String transactionId = client.registered(ADULT, "200.0").value("transactionId");
                return request(operation).with("transactionId", transactionId);
            }
            case "GetCardForPerson":
            case "GetExtendedCardForPerson":
            case "GetExtendedCardsForPerson":
            case "GetGroupForPerson":
                client.registered(ADULT, "200.0");
                return request(operation).with("personId", ADULT);
            case "RegisterCard":
                return medicalCard();
            case "UpdateCard": {
                Reply registered = client.ok(medicalCard());
                assertThat(registered.value("status")).as("a registered card is reached at once").isEqualTo("PRELIMINARY");
                return request(operation).with("cardSystemId", registered.value("cardSystemId"))
                        .with("cardId", "4711000999").with("startDate", "2025-03-01")
                        .with("preliminaryCardDate", "2025-03-01").with("endDate", "2026-01-31");
            }
            case "DeleteCard":
                return request(operation).with("cardSystemId", client.ok(medicalCard()).value("cardSystemId"));
            case "OrderNewCard": {
                String cardSystemId = client.reachTheCeiling(ADULT).value("cardSystemId");
                client.advance(Duration.ofHours(48));
                assertThat(client.card(ADULT).value("status")).isEqualTo("FINAL");
                return request(operation).with("personId", ADULT).with("cardSystemId", cardSystemId);
            }
            case "GroupPerson":
                return request(operation).with("cardSystemId", client.registered(ADULT, "200.0").value("cardSystemId"))
                        .with("personId", CHILD);
            case "UngroupPerson": {
                String cardSystemId = client.registered(ADULT, "200.0").value("cardSystemId");
                client.ok(request("GroupPerson").with("cardSystemId", cardSystemId).with("personId", CHILD));
                return request(operation).with("cardSystemId", cardSystemId).with("personId", CHILD);
            }
            case "RegisterOptIn":
            case "RegisterOptOut":
                return request(operation).with("personId", ADULT);
            case "UpdateReadConsent":
                return request(operation).with("personId", ADULT).with("consent", "false");
            default:
                throw new IllegalArgumentException("no valid request for " + operation);
        }
    }

    private static SoapRequests medicalCard() {
        return request("RegisterCard").with("personId", ADULT).with("preliminaryCardDate", "2025-03-01")
                .with("endDate", "2026-02-28").with("cardReason", "MEDICAL");
    }
}
