package se.conformance.simulator.efrikort.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.ADULT;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.EMPLOYEE;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.EMPLOYEE_WITHOUT_ROLE;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.OTHER_ADULT;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.PROVIDER;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.STOCKHOLM;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.fee;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.inRegion;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.personnummer;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.request;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.withWrongCheckDigit;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
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
 * Every result code of the contract is reachable over SOAP, and every code but OK comes with a
 * text a cash register can put in front of its user: it names the element or value and the rule,
 * and carries no Java internals.
 */
class ResultCodeSoapTest {

    private static final String OPT_IN_REGION = "SE2321000999-OPTIN";

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

    /** Title, the exchange (set-up included), the expected code and what its text must say. */
    static Stream<Arguments> answers() {
        return Stream.of(
            row("OK: a fee is registered", () -> fee(ADULT, "200.0"), "OK"),
            row("OK: a person without fees has no card", () -> request("GetCardForPerson").with("personId", OTHER_ADULT),
                    "OK"),
            row("INFO: grouping a person who is already on the card", () -> {
                String card = client.registered(ADULT, "200.0").value("cardSystemId");
                return request("GroupPerson").with("cardSystemId", card).with("personId", ADULT);
            }, "INFO", "personId " + ADULT + " finns redan på kortet (cardId "),
            row("ERROR: a fee dated before the first ceiling", () -> fee(ADULT, "200.0").with("transactionDate", "2011-06-01"),
                    "ERROR", "vårdhuvudman " + STOCKHOLM + ": inget högkostnadstak gäller 2011-06-01"),
            row("ERROR: deleting an unknown transaction", () -> request("DeleteTransaction"),
                    "ERROR", "transactionId 8a0e6d54-2c3b-4f7a-b1d9-0e4c7f2a9b61: ingen sådan avgift hos vårdhuvudman "
                            + STOCKHOLM),
            row("ERROR: ordering a card that is only PRELIMINARY", () -> {
                String card = client.reachTheCeiling(ADULT).value("cardSystemId");
                return request("OrderNewCard").with("personId", ADULT).with("cardSystemId", card);
            }, "ERROR", "kortet har status PRELIMINARY", "slutgiltigt (FINAL)"),
            row("VALIDATION_ERROR: schema, a required element missing", () -> fee(ADULT, "200.0").without("personId"),
                    "VALIDATION_ERROR", "cvc-complex-type.2.4", "personId"),
            row("VALIDATION_ERROR: schema, an amount that is no number", () -> fee(ADULT, "tvåhundra"),
                    "VALIDATION_ERROR", "tvåhundra", "double"),
            row("VALIDATION_ERROR: personId with a hyphen", () -> fee("19121212-1212", "200.0"),
                    "VALIDATION_ERROR", "personId 19121212-1212: endast siffror, utan bindestreck eller plustecken"),
            row("VALIDATION_ERROR: personId with a wrong check digit", () -> fee(withWrongCheckDigit(ADULT), "200.0"),
                    "VALIDATION_ERROR", "personId " + withWrongCheckDigit(ADULT), "felaktig kontrollsiffra"),
            row("VALIDATION_ERROR: amount zero", () -> fee(ADULT, "0"),
                    "VALIDATION_ERROR", "amount 0", "beloppet måste vara större än 0"),
            row("VALIDATION_ERROR: amount negative", () -> fee(ADULT, "-100.0"),
                    "VALIDATION_ERROR", "amount -100", "beloppet måste vara större än 0"),
            row("VALIDATION_ERROR: a fee dated tomorrow", () -> fee(ADULT, "200.0").with("transactionDate", "2025-03-02"),
                    "VALIDATION_ERROR", "transactionDate 2025-03-02: får inte ligga i framtiden (i dag är 2025-03-01)"),
            row("VALIDATION_ERROR: an unknown care principal", () -> inRegion(fee(ADULT, "200.0"), "SE999"),
                    "VALIDATION_ERROR", "carePrincipalId SE999: okänd vårdhuvudman"),
            row("VALIDATION_ERROR: a query for an unknown card type", () -> request("GetCardForPerson")
                    .with("cardTypeId", "DENTAL"), "VALIDATION_ERROR", "cardTypeId DENTAL: okänd korttyp"),
            row("ACCESSDENIED: an employee without the role", () -> fee(ADULT, "200.0")
                    .with("employeeId", EMPLOYEE_WITHOUT_ROLE), "ACCESSDENIED", "employeeId " + EMPLOYEE_WITHOUT_ROLE
                    + " saknar rollen EFK;Användare för vårdhuvudman " + STOCKHOLM + " inom careProviderId " + PROVIDER),
            row("ACCESSDENIED: an unknown employee", () -> fee(ADULT, "200.0")
                    .with("employeeId", "TSTNMT2321000156-9999"), "ACCESSDENIED", "employeeId TSTNMT2321000156-9999",
                    "saknar rollen EFK;Användare"),
            row("ACCESSDENIED: a care unit of another provider", () -> fee(ADULT, "200.0")
                    .with("careUnitId", "TSTNMT2321000156-2077"), "ACCESSDENIED",
                    "careUnitId TSTNMT2321000156-2077 är ingen vårdenhet hos careProviderId " + PROVIDER),
            row("OPTINREQUIRED: a fee in an opt-in region before opt-in", () -> {
                addOptInRegion();
                return inRegion(fee(ADULT, "200.0"), OPT_IN_REGION);
            }, "OPTINREQUIRED", "personId " + ADULT + " saknar registrerat samtycke (opt-in) hos vårdhuvudman "
                    + OPT_IN_REGION + " för korttyp CARE_VISIT", "RegisterOptIn"),
            row("OPTINREQUIRED: a card query in an opt-in region before opt-in", () -> {
                addOptInRegion();
                return inRegion(request("GetCardForPerson"), OPT_IN_REGION);
            }, "OPTINREQUIRED", "saknar registrerat samtycke (opt-in)"),
            row("OPTOUT: a fee after RegisterOptOut", () -> {
                client.ok(request("RegisterOptOut").with("personId", ADULT));
                return fee(ADULT, "200.0");
            }, "OPTOUT", "personId " + ADULT + " har valt att stå utanför e-frikort (opt-out) hos vårdhuvudman "
                    + STOCKHOLM, "RegisterOptIn"),
            row("OPTOUT: a card query after RegisterOptOut", () -> {
                client.ok(request("RegisterOptOut").with("personId", ADULT));
                return request("GetExtendedCardsForPerson").with("personId", ADULT);
            }, "OPTOUT", "har valt att stå utanför e-frikort (opt-out)"));
    }

    private static Arguments row(String title, Supplier<SoapRequests> exchange, String code, String... text) {
        return Arguments.of(title, exchange, code, text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void everyResultCodeIsReachableAndComesWithATextToShow(String title, Supplier<SoapRequests> exchange, String code,
            String[] text) {
        Reply reply = client.call(exchange.get()); // checks root element and schema validity

        assertThat(reply.code()).as(reply.body()).isEqualTo(code);
        if ("OK".equals(code)) {
            assertThat(reply.text()).as("OK carries no text").isNull();
            return;
        }
        assertThat(reply.text()).as("a %s answer has a text to show", code).isNotBlank().contains(text);
        assertThat(reply.text()).as("no internals shown to a cash register user")
                .doesNotContain("Exception", "java.", "se.conformance", "null");
        if (!"INFO".equals(code)) {
            assertThat(reply.value("transactionId")).as("a refusal performs nothing and returns no receipt").isNull();
            assertThat(reply.value("card")).isNull();
        }
    }

    @Test
    void theTableReachesEveryResultCodeOfTheContract() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Element core;
        try (InputStream in = getClass().getResourceAsStream(
                "/contracts/efrikort/core_components/cgi_healthcare_efrikort_3.0.xsd")) {
            core = f.newDocumentBuilder().parse(in).getDocumentElement();
        }
        Element resultCodeType = EfrikortSoapClient.descendants(core, "simpleType").stream()
                .filter(t -> "ResultCodeType".equals(t.getAttribute("name"))).findFirst().orElseThrow();
        List<String> contract = EfrikortSoapClient.descendants(resultCodeType, "enumeration").stream()
                .map(e -> e.getAttribute("value")).toList();
        assertThat(contract).containsExactly("OK", "INFO", "ERROR", "VALIDATION_ERROR", "ACCESSDENIED",
                "OPTINREQUIRED", "OPTOUT");
        Set<String> reached = answers().map(a -> (String) a.get()[2]).collect(Collectors.toCollection(TreeSet::new));
        assertThat(reached).containsExactlyInAnyOrderElementsOf(contract);
    }

    @Test
    void optInRequiredIsLiftedByRegisterOptInAndOptOutByANewOptIn() {
        addOptInRegion();
        client.expect("OPTINREQUIRED", inRegion(fee(ADULT, "200.0"), OPT_IN_REGION));
        client.ok(inRegion(request("RegisterOptIn").with("personId", ADULT), OPT_IN_REGION));
        client.ok(inRegion(fee(ADULT, "200.0"), OPT_IN_REGION));
        assertThat(client.ok(inRegion(request("GetCardForPerson"), OPT_IN_REGION)).value("currentAmount"))
                .isEqualTo("200.0");

        client.ok(request("RegisterOptOut").with("personId", OTHER_ADULT));
        client.expect("OPTOUT", fee(OTHER_ADULT, "200.0"));
        client.ok(request("RegisterOptIn").with("personId", OTHER_ADULT));
        client.ok(fee(OTHER_ADULT, "200.0"));
    }

    @Test
    void theTestPersonnummerAreLuhnCorrectAndAcceptedAndAWrongCheckDigitIsNot() {
        assertThat(ADULT).as("the helper reproduces Tolvan's published number").isEqualTo("191212121212");
        for (String person : List.of(ADULT, OTHER_ADULT, personnummer("20150315123"), personnummer("19800101123"))) {
            client.ok(fee(person, "100.0"));
            client.expect("VALIDATION_ERROR", fee(withWrongCheckDigit(person), "100.0"));
        }
    }

    /** An opt-in care principal, and the role there for employee …-1079 next to the assignments it has. */
    private static void addOptInRegion() {
        client.control().body("{\"name\":\"Region Samtycke\",\"consentModel\":\"OPT_IN\",\"finalDelay\":\"PT48H\","
                + "\"optOutHandling\":\"HIDE\",\"ceilings\":[{\"validFrom\":\"2012-01-01\",\"amount\":1450}]}")
                .put("/control/seed/efrikort/regions/" + OPT_IN_REGION).then().statusCode(200);
        List<Map<String, Object>> employees = client.control().get("/control/seed/efrikort/employees")
                .then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Object> employee = employees.stream().filter(e -> EMPLOYEE.equals(e.get("hsaId"))).findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> assignments = new ArrayList<>((List<Map<String, Object>>) employee.get("assignments"));
        assertThat(assignments).as("the seeded assignments of %s", EMPLOYEE).isNotEmpty();
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("carePrincipalId", OPT_IN_REGION);
        role.put("careProviderId", PROVIDER);
        role.put("role", "EFK;Användare");
        assignments.add(role);
        client.control().body(Map.of("name", employee.get("name"), "assignments", assignments))
                .put("/control/seed/efrikort/employees/" + EMPLOYEE).then().statusCode(200);
    }

}
