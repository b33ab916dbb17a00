package se.conformance.simulator.control;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static se.conformance.simulator.support.RunningSimulator.resultCode;
import static se.conformance.simulator.support.RunningSimulator.resultText;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.support.RunningSimulator;
import se.conformance.simulator.support.SoapRequests;

/** The control API over HTTP: clock, fault rules, journal, seed, reset and health. */
class ControlApiTest {

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
        control().post("/control/reset").then().statusCode(200);
        control().delete("/control/journal").then().statusCode(200);
    }

    private static RequestSpecification control() {
        return given().baseUri(sim.baseUrl()).contentType("application/json");
    }

    @Test
    void healthSaysUpAndNamesTheStoreAndTheOperations() {
        control().get("/control/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("database", equalTo("H2"))
                .body("operations.efrikort", equalTo(16));
    }

    @Test
    void clockIsSetAdvancedAndReleased() {
        control().body("{\"date\":\"2025-03-01\"}").put("/control/clock").then().statusCode(200)
                .body("date", equalTo("2025-03-01")).body("fixed", equalTo(true))
                .body("localDateTime", equalTo("2025-03-01T08:00"));
        control().body("{\"duration\":\"PT48H\"}").post("/control/clock/advance").then().statusCode(200)
                .body("localDateTime", equalTo("2025-03-03T08:00"));
        control().body("{\"days\":1,\"hours\":2,\"minutes\":30}").post("/control/clock/advance").then()
                .body("localDateTime", equalTo("2025-03-04T10:30"));
        control().delete("/control/clock").then().statusCode(200).body("fixed", equalTo(false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "PUT /control/clock bad date       | PUT    | /control/clock                  | {\"date\":\"2025-13-01\"}  | 400 | 2025-13-01",
        "PUT /control/clock no field       | PUT    | /control/clock                  | {}                         | 400 | date",
        "advance nothing                   | POST   | /control/clock/advance          | {}                         | 400 | duration",
        "clock not JSON                    | PUT    | /control/clock                  | not json                   | 400 | body",
        "unknown endpoint                  | GET    | /control/nothing                | ''                         | 404 | /control/nothing",
        "fault without effect              | POST   | /control/faults                 | {\"operation\":\"GetCardForPerson\"} | 400 | a rule needs one of",
        "fault for unknown operation       | POST   | /control/faults                 | {\"operation\":\"Nope\",\"drop\":true} | 400 | operation",
        "fault with unknown field          | POST   | /control/faults                 | {\"operation\":\"GetCardForPerson\",\"drop\":true,\"surprise\":1} | 400 | surprise",
        "fault count zero                  | POST   | /control/faults                 | {\"operation\":\"GetCardForPerson\",\"drop\":true,\"count\":0} | 400 | count",
        "journal limit not a number        | GET    | /control/journal?limit=lots     | ''                         | 400 | limit",
        "journal limit too large           | GET    | /control/journal?limit=100000   | ''                         | 400 | limit",
        "region without ceilings           | PUT    | /control/seed/efrikort/regions/SE1 | {\"name\":\"R\",\"consentModel\":\"OPT_IN\",\"finalDelay\":\"PT0S\",\"optOutHandling\":\"HIDE\",\"ceilings\":[]} | 400 | ceilings",
        "region negative ceiling           | PUT    | /control/seed/efrikort/regions/SE1 | {\"name\":\"R\",\"consentModel\":\"OPT_IN\",\"finalDelay\":\"PT0S\",\"optOutHandling\":\"HIDE\",\"ceilings\":[{\"validFrom\":\"2025-01-01\",\"amount\":-1}]} | 400 | amount",
        "region bad consent model          | PUT    | /control/seed/efrikort/regions/SE1 | {\"name\":\"R\",\"consentModel\":\"MAYBE\",\"finalDelay\":\"PT0S\",\"optOutHandling\":\"HIDE\",\"ceilings\":[{\"validFrom\":\"2025-01-01\",\"amount\":1}]} | 400 | MAYBE",
        "reservnummer pattern not a regex  | PUT    | /control/seed/efrikort/reservnummer-pattern | {\"pattern\":\"([\"} | 400 | pattern",
        "employee assignment without role  | PUT    | /control/seed/efrikort/employees/E1 | {\"assignments\":[{\"carePrincipalId\":\"SE2321000016-39KJ\",\"careProviderId\":\"P\"}]} | 400 | role",
    })
    void badControlRequestsAreRefusedWithTheFieldNamed(String title, String method, String path, String body,
            int status, String mentioned) {
        RequestSpecification spec = control();
        if (!body.isEmpty()) spec = spec.body(body);
        Response r = spec.request(method, path);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(JsonPath.from(r.asString()).getString("error")).contains(mentioned);
    }

    @Test
    void faultRuleAnswersItsResultCodeForItsCountThenTheReferenceAnswersAgain() {
        String id = control().body(Map.of("operation", "GetCardForPerson", "resultCode", "ERROR",
                        "resultText", "Tjänsten är tillfälligt otillgänglig", "count", 1))
                .post("/control/faults").then().statusCode(201).body("remaining", equalTo(1))
                .extract().path("id");
        Response first = sim.call(SoapRequests.efrikort("GetCardForPerson"));
        assertThat(resultCode(first)).isEqualTo("ERROR");
        assertThat(resultText(first)).isEqualTo("Tjänsten är tillfälligt otillgänglig");
        Response second = sim.call(SoapRequests.efrikort("GetCardForPerson"));
        assertThat(resultCode(second)).isEqualTo("OK");
        control().get("/control/faults/" + id).then().body("remaining", equalTo(0));
        List<Map<String, Object>> entries = control().get("/control/journal?operation=GetCardForPerson&bodies=false")
                .then().extract().path("entries");
        assertThat(entries).extracting(e -> e.get("resultCode")).containsExactly("ERROR", "OK");
        assertThat(entries.get(0).get("faultRuleId")).isEqualTo(id);
        assertThat(entries.get(1).get("faultRuleId")).isNull();
    }

    @Test
    void faultRuleForOnePersonLeavesOthersAlone() {
        control().body(Map.of("operation", "GetCardForPerson", "personId", "191212121212", "resultCode", "OPTOUT",
                "resultText", "Patienten har valt att stå utanför e-frikort")).post("/control/faults").then().statusCode(201);
        assertThat(resultCode(sim.call(SoapRequests.efrikort("GetCardForPerson")))).isEqualTo("OPTOUT");
        assertThat(resultCode(sim.call(SoapRequests.efrikort("GetCardForPerson").with("personId", "195503072588"))))
                .isNotEqualTo("OPTOUT");
    }

    @Test
    void intygFaultRuleForOnePersonMatchesThePersonInsideThePersonId() throws Exception {
        control().body(Map.of("service", "intyg", "operation", "CreateDraftCertificate", "personId", "191212121212",
                "resultCode", "ERROR", "errorId", "APPLICATION_ERROR", "resultText", "Webcert är stängt för Tolvan"))
                .post("/control/faults").then().statusCode(201);
        String tolvan;
        try (var in = ControlApiTest.class.getResourceAsStream("/soap/intyg/CreateDraftCertificate.xml")) {
            tolvan = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String path = "/clinicalprocess/healthcond/certificate/CreateDraftCertificate/3/rivtabp21";
        Response refused = given().baseUri(sim.baseUrl()).contentType("text/xml; charset=UTF-8").body(tolvan).post(path);
        assertThat(resultCode(refused)).isEqualTo("ERROR");
        assertThat(resultText(refused)).isEqualTo("Webcert är stängt för Tolvan");
        String anna = tolvan.replace("191212121212", "197502024560");
        Response created = given().baseUri(sim.baseUrl()).contentType("text/xml; charset=UTF-8").body(anna).post(path);
        assertThat(resultCode(created)).as(created.asString()).isEqualTo("OK");
        control().get("/control/journal?service=intyg&personId=191212121212&bodies=false").then()
                .body("count", equalTo(1)).body("entries[0].resultCode", equalTo("ERROR"));
    }

    @Test
    void faultRuleForACarePrincipalMatchesOnlyThatRegion() {
        control().body(Map.of("carePrincipalId", "SE2321000230-E00001", "soapFaultString", "Norrbotten nere"))
                .post("/control/faults").then().statusCode(201);
        assertThat(sim.call(SoapRequests.efrikort("GetCardForPerson")).statusCode()).isEqualTo(200);
        Response r = sim.call(SoapRequests.efrikort("GetCardForPerson").with("carePrincipalId", "SE2321000230-E00001"));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.asString()).contains("<faultcode>soap:Server</faultcode>").contains("Norrbotten nere");
    }

    @Test
    void droppedConnectionGivesTheClientNoAnswerAndIsJournalled() {
        control().body(Map.of("operation", "RegisterTransaction", "drop", true, "count", 1)).post("/control/faults")
                .then().statusCode(201);
        assertThatThrownBy(() -> sim.call(SoapRequests.efrikort("RegisterTransaction")).asString())
                .isInstanceOf(Exception.class);
        control().get("/control/journal?operation=RegisterTransaction").then()
                .body("entries[0].resultCode", equalTo("DROPPED"));
    }

    @Test
    void delayRuleDelaysTheRealAnswer() {
        control().body(Map.of("operation", "GetCardForPerson", "delayMillis", 600)).post("/control/faults")
                .then().statusCode(201);
        long start = System.nanoTime();
        Response r = sim.call(SoapRequests.efrikort("GetCardForPerson"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(resultCode(r)).isEqualTo("OK");
        assertThat(millis).isGreaterThanOrEqualTo(600);
    }

    @Test
    void faultRulesAreListedRemovedAndClearedByReset() {
        String id = control().body(Map.of("operation", "GetCardForPerson", "drop", true)).post("/control/faults")
                .then().extract().path("id");
        control().get("/control/faults").then().body("faults.id", org.hamcrest.Matchers.hasItem(id));
        control().delete("/control/faults/" + id).then().statusCode(200);
        control().delete("/control/faults/" + id).then().statusCode(404);
        control().body(Map.of("operation", "GetCardForPerson", "drop", true)).post("/control/faults");
        control().post("/control/reset").then().statusCode(200);
        control().get("/control/faults").then().body("faults", org.hamcrest.Matchers.empty());
        assertThat(resultCode(sim.call(SoapRequests.efrikort("GetCardForPerson")))).isEqualTo("OK");
    }

    @Test
    void journalKeepsRawExchangesWithTraceIdCallerAndValidationAndFilters() {
        Response ok = given().baseUri(sim.baseUrl()).contentType("text/xml; charset=UTF-8")
                .header("x-rivta-original-serviceconsumer-hsaid", "SE5565594230-B9V")
                .body(SoapRequests.efrikort("GetCardForPerson").xml())
                .post(SoapRequests.efrikort("GetCardForPerson").path());
        sim.call(SoapRequests.efrikort("GetCardForPerson").without("personId"));
        String trace = ok.header("x-trace-id");
        control().get("/control/journal?traceId=" + trace).then().statusCode(200)
                .body("count", equalTo(1))
                .body("entries[0].operation", equalTo("GetCardForPerson"))
                .body("entries[0].service", equalTo("efrikort"))
                .body("entries[0].caller", equalTo("SE5565594230-B9V"))
                .body("entries[0].logicalAddress", equalTo("SE2321000016-39KJ"))
                .body("entries[0].carePrincipalId", equalTo("SE2321000016-39KJ"))
                .body("entries[0].personId", equalTo("191212121212"))
                .body("entries[0].validation", equalTo("VALID"))
                .body("entries[0].resultCode", equalTo("OK"))
                .body("entries[0].httpStatus", equalTo(200))
                .body("entries[0].requestBody", containsString("<r:GetCardForPerson>"))
                .body("entries[0].responseBody", containsString("GetCardForPersonResponse"));
        control().get("/control/journal?resultCode=VALIDATION_ERROR").then()
                .body("count", equalTo(1))
                .body("entries[0].validation", equalTo("INVALID"))
                .body("entries[0].validationText", containsString("personId"));
        control().get("/control/journal?personId=191212121212&bodies=false").then()
                .body("count", equalTo(1)).body("entries[0].requestBody", equalTo(null));
    }

    @Test
    void seedCanAddARegionWhoseCeilingTheRulesThenUse() {
        control().body("{\"name\":\"Region Test\",\"consentModel\":\"OPT_OUT\",\"finalDelay\":\"PT0S\","
                + "\"optOutHandling\":\"DELETE\",\"ceilings\":[{\"validFrom\":\"2012-01-01\",\"amount\":500}]}")
                .put("/control/seed/efrikort/regions/SE2321000999-TEST").then().statusCode(200);
        control().body("{\"name\":\"Testare\",\"assignments\":[{\"carePrincipalId\":\"SE2321000999-TEST\","
                + "\"careProviderId\":\"TSTNMT2321000156-1002\",\"role\":\"EFK;Användare\"}]}")
                .put("/control/seed/efrikort/employees/TSTNMT2321000156-1079").then().statusCode(200);
        control().body("{\"date\":\"2025-03-01\"}").put("/control/clock");
        Response r = sim.call(SoapRequests.efrikort("RegisterTransaction").with("carePrincipalId", "SE2321000999-TEST")
                .with("amount", "200.0"));
        assertThat(resultCode(r)).as(r.asString()).isEqualTo("OK");
        Response card = sim.call(SoapRequests.efrikort("GetCardForPerson").with("carePrincipalId", "SE2321000999-TEST"));
        assertThat(RunningSimulator.value(card, "amountToLimit")).isEqualTo("300.0");
        control().get("/control/seed/efrikort/regions").then().body("id", org.hamcrest.Matchers.hasItem("SE2321000999-TEST"));
    }
}
