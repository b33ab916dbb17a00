package se.conformance.simulator.caller;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.conformance.simulator.Simulator;
import se.conformance.simulator.control.ControlTokens;
import se.conformance.simulator.intyg.soap.IntygRequest;
import se.conformance.simulator.support.SoapRequests;

/**
 * Two vendors on one shared simulator, over real HTTP: vendor A (system {@value #SYS_A}, Region Stockholm,
 * care provider {@value #CP_A}) and vendor B (system {@value #SYS_B}, Stockholm and Norrbotten, care
 * provider {@value #CP_B}), each with its own control token. A tries to reach B's data every way the
 * contracts and the control API allow; each attempt is refused with the right code or answered without B's
 * data, and in the end nothing A was answered — SOAP or control — holds B's patient's personnummer.
 *
 * <p>The callers here are declared (RIV-TA header) because the test runs without TLS; the rules treat a
 * registered declared caller exactly as an authenticated one (CallerIdentityTest, CallingSystemRuleTest,
 * ProviderAccessTest cover the difference).
 */
class AuthorizationAttackTest {

    static final String SYS_A = "TSTNMT2321000156-SYSA";
    static final String SYS_B = "TSTNMT2321000156-SYSB";
    static final String CP_A = "TSTNMT2321000156-1002";
    static final String CP_B = "TSTNMT2321000156-2002";
    static final String STOCKHOLM = "SE2321000016-39KJ";
    static final String NORRBOTTEN = "SE2321000230-E00001";
    /** B's patient: must never appear in anything A is answered. */
    static final String B_PATIENT = "197502024560";
    static final String TOLVAN = "191212121212";

    static final String OPERATOR = "operator-token-for-the-attack-test";
    static final String TOKEN_A = "kassa-a-token-for-the-attack-test";
    static final String TOKEN_B = "kassa-b-token-for-the-attack-test";

    private static Simulator sim;
    /** Every body vendor A received, searched for B's data at the end of each test. */
    private final List<String> seenByA = new ArrayList<>();

    @BeforeAll
    static void start() {
        sim = Simulator.builder().withPort(0).withInMemoryDatabase("attack-" + UUID.randomUUID())
                .withControlTokens(ControlTokens.of(OPERATOR, List.of(
                        new ControlTokens.Tenant("kassa-a", TOKEN_A, List.of(SYS_A)),
                        new ControlTokens.Tenant("kassa-b", TOKEN_B, List.of(SYS_B)))))
                .start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void seed() {
        control(OPERATOR).post("/control/reset").then().statusCode(200);
        control(OPERATOR).delete("/control/journal").then().statusCode(200); // a reset keeps the journal
        control(OPERATOR).body(Map.of("date", "2025-03-10")).put("/control/clock").then().statusCode(200);
        control(OPERATOR).body(Map.of("name", "Kassa A", "careProviderId", CP_A, "carePrincipalIds", List.of(STOCKHOLM)))
                .put("/control/seed/efrikort/calling-systems/" + SYS_A).then().statusCode(200);
        control(OPERATOR).body(Map.of("name", "Kassa B", "careProviderId", CP_B,
                "carePrincipalIds", List.of(STOCKHOLM, NORRBOTTEN)))
                .put("/control/seed/efrikort/calling-systems/" + SYS_B).then().statusCode(200);
        control(OPERATOR).body(Map.of("name", "Journal A", "careProviderIds", List.of(CP_A)))
                .put("/control/intyg/calling-systems/" + SYS_A).then().statusCode(200);
        control(OPERATOR).body(Map.of("name", "Journal B", "careProviderIds", List.of(CP_B)))
                .put("/control/intyg/calling-systems/" + SYS_B).then().statusCode(200);
        seenByA.clear();
    }

    // ---- e-frikort: the calling system must be registered for the care principal ------------------------

    @Test
    void systemOfVendorAAskingForCarePrincipalOfBIsAccessDeniedAndNothingIsStored() {
        String reg = bFee(NORRBOTTEN, B_PATIENT);
        assertThat(code(reg)).isEqualTo("OK");

        String read = efrikort(SYS_A, SoapRequests.efrikort("GetExtendedCardForPerson")
                .with("carePrincipalId", NORRBOTTEN).with("personId", B_PATIENT));
        String write = efrikort(SYS_A, SoapRequests.efrikort("RegisterTransaction").with("carePrincipalId", NORRBOTTEN)
                .with("personId", B_PATIENT));

        assertThat(code(read)).isEqualTo("ACCESSDENIED");
        assertThat(text(read)).isEqualTo("anropande system " + SYS_A + " är inte registrerat för vårdhuvudman " + NORRBOTTEN);
        assertThat(code(write)).isEqualTo("ACCESSDENIED");
        // B still sees exactly its one fee: A's refused registration left nothing
        String own = efrikort(SYS_B, SoapRequests.efrikort("GetExtendedCardForPerson").with("carePrincipalId", NORRBOTTEN)
                .with("personId", B_PATIENT));
        assertThat(XmlPath.from(own).getList("**.findAll { it.name() == 'transactionId' }")).hasSize(1);
        assertNothingOfBSeenByA();
    }

    @Test
    void aCareProviderDoesNotSeeAnotherProvidersTransactionDetailsWithoutReadConsent() {
        assertThat(code(bFee(STOCKHOLM, TOLVAN))).isEqualTo("OK");
        String withdrawn = efrikort(SYS_B, SoapRequests.efrikort("UpdateReadConsent").with("consent", "false")
                .with("employeeId", "TSTNMT2321000156-2079").with("careProviderId", CP_B)
                .with("careUnitId", "TSTNMT2321000156-2077"));
        assertThat(code(withdrawn)).isEqualTo("OK");

        String byA = efrikort(SYS_A, SoapRequests.efrikort("GetExtendedCardForPerson"));
        String byB = efrikort(SYS_B, SoapRequests.efrikort("GetExtendedCardForPerson"));

        assertThat(code(byA)).isEqualTo("OK");
        assertThat(byA).contains("amount>300.0</").doesNotContain("Vårdcentral B");
        assertThat(byB).contains("Vårdcentral B"); // its own fee, registered by its own provider
    }

    // ---- Intygstjänsten / Webcert: a caller sees only its care providers -----------------------------------

    @Test
    void vendorAReadingProviderBsCertificatesIsRefusedOrSeesNothing() {
        String id = bCertificate();

        String get = intyg(SYS_A, IntygRequest.example("GetCertificate").certificate(id)
                .replace("TSTNMT2321000156-1077", "TSTNMT2321000156-2077"));
        String list = intyg(SYS_A, IntygRequest.example("ListCertificatesForCare").replace(TOLVAN, B_PATIENT)
                .replace("TSTNMT2321000156-1077", "TSTNMT2321000156-2077"));
        String listQa = intyg(SYS_A, IntygRequest.example("ListCertificatesForCareWithQA")
                .replace(TOLVAN, B_PATIENT).replace("TSTNMT2321000156-1077", "TSTNMT2321000156-2077"));
        String send = intyg(SYS_A, IntygRequest.example("SendCertificateToRecipient").certificate(id)
                .replace(TOLVAN, B_PATIENT));
        String draft = intyg(SYS_A, IntygRequest.example("CreateDraftCertificate")
                .replace("TSTNMT2321000156-1077", "TSTNMT2321000156-2077"));

        assertThat(get).contains("faultstring>Calling system " + SYS_A
                + " is not registered for the care provider of certificate " + id + "<");
        assertThat(XmlPath.from(list).getList("**.findAll { it.name() == 'intyg' }")).isEmpty();
        assertThat(XmlPath.from(listQa).getList("**.findAll { it.name() == 'item' }")).isEmpty();
        assertThat(code(send)).isEqualTo("ERROR");
        assertThat(value(send, "errorId")).isEqualTo("APPLICATION_ERROR");
        assertThat(code(draft)).isEqualTo("ERROR");
        assertThat(text(draft)).isEqualTo("Calling system " + SYS_A + " is not registered for care provider " + CP_B);
        // B itself reads its certificate
        assertThat(intyg(SYS_B, IntygRequest.example("GetCertificate").certificate(id))).contains(B_PATIENT);
        assertNothingOfBSeenByA();
    }

    // ---- the control API: tokens and tenancy ---------------------------------------------------------------

    @Test
    void withoutAKnownTokenEveryControlRequestIs401() {
        Response none = RestAssured.given().baseUri(sim.baseUrl()).get("/control/health");
        Response wrong = control("kassa-a-token-for-the-attack-tesT").get("/control/journal");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.asString()).contains("Authorization: Bearer <token> is required");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void resetClockAndSharedSettingsAreForTheOperatorOnly() {
        Response reset = control(TOKEN_A).post("/control/reset");
        Response clock = control(TOKEN_A).body(Map.of("date", "2030-01-01")).put("/control/clock");
        Response clear = control(TOKEN_A).delete("/control/journal");
        Response register = control(TOKEN_A).body(Map.of("carePrincipalIds", List.of(NORRBOTTEN)))
                .put("/control/seed/efrikort/calling-systems/" + SYS_A);
        Response pu = control(TOKEN_A).body(Map.of("notFound", true, "unreachable", false, "protectedIdentity", false,
                "deceased", false, "testIndicated", false)).put("/control/intyg/pu/switches");

        assertThat(List.of(reset, clock, clear, register, pu)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(403));
        assertThat(reset.jsonPath().getString("error")).isEqualTo("POST /control/reset is for the operator only in"
                + " shared mode (it erases every vendor's data and fault rules); tenant kassa-a may not");
        assertThat(control(TOKEN_A).get("/control/clock").jsonPath().getString("date")).isEqualTo("2025-03-10");
        // A's attempt to register itself for Norrbotten changed nothing
        String stillDenied = efrikort(SYS_A, SoapRequests.efrikort("GetCardForPerson").with("carePrincipalId", NORRBOTTEN));
        assertThat(code(stillDenied)).isEqualTo("ACCESSDENIED");
    }

    @Test
    void aVendorTokenSeesOnlyItsOwnJournalSeedAndNotifications() {
        bFee(NORRBOTTEN, B_PATIENT);
        bCertificate();
        efrikort(SYS_A, SoapRequests.efrikort("GetCardForPerson"));

        JsonPath journalA = seenByA(control(TOKEN_A).get("/control/journal?limit=1000"));
        JsonPath journalB = json(control(TOKEN_B).get("/control/journal?limit=1000"));
        JsonPath everything = json(control(OPERATOR).get("/control/journal?limit=1000"));
        JsonPath seedA = seenByA(control(TOKEN_A).get("/control/seed/efrikort"));
        JsonPath intygSeedA = seenByA(control(TOKEN_A).get("/control/intyg/seed"));
        seenByA(control(TOKEN_A).get("/control/intyg/notifications"));
        seenByA(control(TOKEN_A).get("/control/faults"));
        Response endpointOfB = control(TOKEN_A).body(Map.of("url", "http://127.0.0.1:9/steal"))
                .put("/control/intyg/units/TSTNMT2321000156-2077/notification-endpoint");
        seenByA.add(endpointOfB.asString());

        assertThat(journalA.getList("entries.caller", String.class)).containsOnly(SYS_A).isNotEmpty();
        assertThat(journalA.getList("entries.callerKind", String.class)).containsOnly("DECLARED");
        assertThat(journalB.getList("entries.caller", String.class)).containsOnly(SYS_B).hasSize(2);
        assertThat(everything.getList("entries.caller", String.class)).contains(SYS_A, SYS_B);
        // A called last: B's "from now on" is its own last entry, not A's
        assertThat(journalB.getLong("lastSeq")).isLessThan(everything.getLong("lastSeq"));
        assertThat(seedA.getList("regions.id", String.class)).containsExactly(STOCKHOLM);
        assertThat(seedA.getList("callingSystems.hsaId", String.class)).containsExactly(SYS_A);
        assertThat(seedA.prettify()).doesNotContain(NORRBOTTEN).doesNotContain(SYS_B);
        assertThat(intygSeedA.getList("careProviders.hsaId", String.class)).containsExactly(CP_A);
        assertThat(intygSeedA.getList("callingSystems.hsaId", String.class)).containsExactly(SYS_A);
        assertThat(endpointOfB.statusCode()).isEqualTo(403);
        assertNothingOfBSeenByA();
    }

    @Test
    void aFaultRuleOfVendorAOnlyAffectsAsCallsAndIsListedOnlyToA() {
        Response made = control(TOKEN_A).body(Map.of("operation", "GetCardForPerson", "resultCode", "ERROR",
                "resultText", "A:s eget testfel")).post("/control/faults");
        assertThat(made.statusCode()).isEqualTo(201);
        String id = made.jsonPath().getString("id");

        String callByA = efrikort(SYS_A, SoapRequests.efrikort("GetCardForPerson"));
        String callByB = efrikort(SYS_B, SoapRequests.efrikort("GetCardForPerson"));
        String anonymous = RestAssured.given().baseUri(sim.baseUrl()).contentType("text/xml; charset=UTF-8")
                .body(SoapRequests.efrikort("GetCardForPerson").xml()).post(SoapRequests.efrikort("GetCardForPerson").path())
                .asString();

        assertThat(code(callByA)).isEqualTo("ERROR");
        assertThat(code(callByB)).isEqualTo("OK");
        assertThat(code(anonymous)).isEqualTo("OK");
        assertThat(json(control(TOKEN_A).get("/control/faults")).getList("faults.id", String.class)).containsExactly(id);
        assertThat(json(control(TOKEN_B).get("/control/faults")).getList("faults")).isEmpty();
        assertThat(control(TOKEN_B).get("/control/faults/" + id).statusCode()).isEqualTo(404);
        assertThat(control(TOKEN_B).delete("/control/faults/" + id).statusCode()).isEqualTo(404);
        control(TOKEN_B).delete("/control/faults").then().statusCode(200);
        assertThat(json(control(OPERATOR).get("/control/faults")).getList("faults.id", String.class)).containsExactly(id);
    }

    @Test
    void inSharedModeADeclaredHeaderNamesNoCaller() {
        try (Simulator shared = Simulator.builder().withPort(0).withInMemoryDatabase("shared-" + UUID.randomUUID())
                .withDeclaredCallerIdentity(false).start()) {
            shared.journal(); // same seed: the reference vendor's system is registered for both regions
            Response r = RestAssured.given().baseUri(shared.baseUrl()).contentType("text/xml; charset=UTF-8")
                    .header(CallerIdentity.RIVTA_HEADER, SYS_A)
                    .body(SoapRequests.efrikort("GetCardForPerson").xml())
                    .post(SoapRequests.efrikort("GetCardForPerson").path());

            String trace = r.header("x-trace-id");
            JsonPath entry = RestAssured.given().baseUri(shared.baseUrl()).get("/control/journal?traceId=" + trace)
                    .jsonPath();
            assertThat(entry.getString("entries[0].caller")).isNull();
            assertThat(entry.getString("entries[0].callerKind")).isNull();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** B registers a 300 kr fee by its own employee; the care provider name is B's own marker. */
    private String bFee(String carePrincipalId, String personId) {
        return efrikort(SYS_B, SoapRequests.efrikort("RegisterTransaction").with("carePrincipalId", carePrincipalId)
                .with("personId", personId).with("careProvider", "Vårdcentral B").with("careUnit", "Vårdcentral B enhet")
                .with("amount", "300.0").with("employeeId", "TSTNMT2321000156-2079").with("careProviderId", CP_B)
                .with("careUnitId", "TSTNMT2321000156-2077"));
    }

    /** B registers a certificate for its patient on its own unit; returns its id. */
    private String bCertificate() {
        String id = UUID.randomUUID().toString();
        String answer = intyg(SYS_B, IntygRequest.example("RegisterCertificate").certificate(id).replace(TOLVAN, B_PATIENT)
                .replace("TSTNMT2321000156-1077", "TSTNMT2321000156-2077").replace(CP_A, CP_B));
        assertThat(code(answer)).as(answer).isEqualTo("OK");
        return id;
    }

    private String efrikort(String system, SoapRequests request) {
        String body = soap(system, request.path(), request.xml());
        if (SYS_A.equals(system)) seenByA.add(body);
        return body;
    }

    private String intyg(String system, IntygRequest request) {
        String path = se.conformance.simulator.intyg.soap.IntygSoapClient.operation(request.operation()).path();
        String body = soap(system, path, request.xml());
        if (SYS_A.equals(system)) seenByA.add(body);
        return body;
    }

    private static String soap(String system, String path, String xml) {
        return RestAssured.given().baseUri(sim.baseUrl()).contentType("text/xml; charset=UTF-8")
                .header(CallerIdentity.RIVTA_HEADER, system).body(xml).post(path).asString();
    }

    private static RequestSpecification control(String token) {
        return RestAssured.given().baseUri(sim.baseUrl()).contentType("application/json")
                .header("Authorization", "Bearer " + token);
    }

    private static JsonPath json(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r.jsonPath();
    }

    /** A control answer to vendor A: kept for the search for B's data. */
    private JsonPath seenByA(Response r) {
        seenByA.add(r.asString());
        return json(r);
    }

    private void assertNothingOfBSeenByA() {
        assertThat(seenByA).isNotEmpty().allSatisfy(body -> assertThat(body).doesNotContain(B_PATIENT)
                .doesNotContain("Vårdcentral B"));
    }

    private static String code(String body) {
        return value(body, "resultCode");
    }

    private static String text(String body) {
        return value(body, "resultText");
    }

    private static String value(String body, String element) {
        return XmlPath.from(body).getString("**.find { it.name() == '" + element + "' }");
    }
}
