package se.conformance.simulator.intyg.control;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static se.conformance.simulator.intyg.soap.IntygRequest.example;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.first;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.json;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.intyg.soap.IntygRequest;
import se.conformance.simulator.intyg.soap.IntygSoapClient;
import se.conformance.simulator.intyg.soap.IntygSoapClient.Fault;
import se.conformance.simulator.intyg.soap.IntygSoapClient.Reply;

/**
 * {@code /control/intyg/**} over HTTP against a running simulator, each endpoint as docs/control-api.md
 * documents it: what it answers, what it changes in the SOAP services' answers (population register,
 * certificate types, journal destruction, recipients' inboxes and endpoints, fault rules), its refusals
 * naming the field (400), unknown paths (404) and methods (405), and the domain's refusals as 422 with the
 * contract's resultCode, errorId and resultText.
 */
class IntygControlApiTest {

    private static final String UNIT = "TSTNMT2321000156-1077";
    private static final String PROVIDER = "TSTNMT2321000156-1002";
    private static final String DOCTOR = "TSTNMT2321000156-1079";
    private static final String TOLVAN = "191212121212";
    /** A valid personnummer the population register does not know. */
    private static final String STRANGER = "195503072588";

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
        client.resetAt(LocalDate.of(2025, 3, 10));
        control().delete("/control/journal").then().statusCode(200);
    }

    // ---- reference data ----------------------------------------------------------------------------

    @Test
    void healthCountsTheFourteenIntygOperations() {
        assertThat(json(control().get("/control/health"), 200).getInt("operations.intyg")).isEqualTo(14);
    }

    @Test
    void theSeedIsTheDocumentedOne() {
        JsonPath seed = json(control().get("/control/intyg/seed"), 200);

        assertThat(seed.getList("certificateTypes.code")).contains("LISJP", "LUSE", "TSTRK1007", "TSTRK1031");
        assertThat(seed.getList("certificateTypes.find { it.code == 'LISJP' }.versions"))
                .containsExactly("1.0", "1.1", "1.2", "1.3");
        assertThat(seed.getString("certificateTypes.find { it.code == 'LISJP' }.defaultRecipient")).isEqualTo("FKASSA");
        assertThat(seed.getList("recipients.id")).containsExactly("FKASSA", "TRANSP");
        assertThat(seed.getList("persons.personId")).contains(TOLVAN).doesNotContain(STRANGER);
        assertThat(seed.getMap("puSwitches")).containsOnly(Map.entry("notFound", false), Map.entry("unreachable", false),
                Map.entry("protectedIdentity", false), Map.entry("deceased", false), Map.entry("testIndicated", false));
        assertThat(seed.getList("careProviders.hsaId")).contains(PROVIDER);
        assertThat(seed.getList("users.hsaId")).contains(DOCTOR);
    }

    @Test
    void thePopulationRegisterSwitchesDecideWhatCreateDraftCertificateAnswers() {
        JsonPath set = json(control().body(Map.of("unreachable", true)).put("/control/intyg/pu/switches"), 200);
        assertThat(set.getBoolean("unreachable")).isTrue();
        assertThat(json(control().get("/control/intyg/pu/switches"), 200).getBoolean("unreachable")).isTrue();
        assertThat(draftRefusal()).containsExactly("ERROR", "APPLICATION_ERROR",
                "Cannot issue intyg. The PU-service was unreachable. Please try again later.");

        control().body(Map.of("notFound", true)).put("/control/intyg/pu/switches").then().statusCode(200);
        assertThat(draftRefusal()).containsExactly("ERROR", "APPLICATION_ERROR",
                "Personnumret du har angivit finns inte i folkbokföringsregistret.");

        control().body(Map.of("deceased", true)).put("/control/intyg/pu/switches").then().statusCode(200);
        assertThat(draftRefusal()).containsExactly("ERROR", "APPLICATION_ERROR",
                "Intygstypen LISJP kan inte utfärdas för avlidna patienter.");

        control().body(Map.of()).put("/control/intyg/pu/switches").then().statusCode(200); // every switch off
        client.ok(example("CreateDraftCertificate"));
    }

    @Test
    void aPersonPutInTheRegisterIsFoundAndOneRemovedIsNot() {
        IntygRequest forStranger = example("CreateDraftCertificate").replace(TOLVAN, STRANGER);
        assertThat(client.expect("ERROR", forStranger).text())
                .isEqualTo("Personnumret du har angivit finns inte i folkbokföringsregistret.");

        JsonPath put = json(control().body(Map.of("fornamn", "Sven", "efternamn", "Främling"))
                .put("/control/intyg/pu/persons/" + STRANGER), 200);
        assertThat(put.getString("personId")).isEqualTo(STRANGER);
        assertThat(json(control().get("/control/intyg/pu/persons"), 200).getList("personId")).contains(STRANGER);
        client.ok(forStranger);

        control().body(Map.of("fornamn", "Sven", "efternamn", "Främling", "unreachable", true))
                .put("/control/intyg/pu/persons/" + STRANGER).then().statusCode(200);
        assertThat(client.expect("ERROR", forStranger).text())
                .isEqualTo("Cannot issue intyg. The PU-service was unreachable. Please try again later.");

        assertThat(json(control().delete("/control/intyg/pu/persons/" + STRANGER), 200).getString("removed"))
                .isEqualTo(STRANGER);
        assertThat(client.expect("ERROR", forStranger).text())
                .isEqualTo("Personnumret du har angivit finns inte i folkbokföringsregistret.");
    }

    @Test
    void aCertificateTypePutBackDeprecatedCannotBeIssued() {
        Map<String, Object> lisjp = json(control().get("/control/intyg/seed"), 200)
                .getMap("certificateTypes.find { it.code == 'LISJP' }");
        Map<String, Object> deprecated = new LinkedHashMap<>(lisjp);
        deprecated.put("deprecated", true);

        JsonPath put = json(control().body(deprecated).put("/control/intyg/certificate-types/LISJP"), 200);

        assertThat(put.getBoolean("deprecated")).isTrue();
        assertThat(put.getList("versions")).containsExactly("1.0", "1.1", "1.2", "1.3");
        assertThat(draftRefusal()).containsExactly("ERROR", "APPLICATION_ERROR",
                "Intyg of type LISJP has been deprecated and is no longer possible to issue.");
    }

    // ---- a doctor in Webcert -----------------------------------------------------------------------

    @Test
    void aDraftIsMarkedReadySignedSentAndRevokedAndEachStepIsAnEvent() {
        String id = draft();

        assertThat(result(post("/control/intyg/certificates/" + id + "/ready"), 200)).containsExactly("OK", null, null);
        assertThat(result(post("/control/intyg/certificates/" + id + "/sign"), 200)).containsExactly("OK", null, null);
        assertThat(result(post("/control/intyg/certificates/" + id + "/send", Map.of("recipient", "FKASSA")), 200))
                .containsExactly("OK", null, null);
        assertThat(result(post("/control/intyg/certificates/" + id + "/send"), 200))
                .containsExactly("INFO", null, "Certificate '" + id + "' already sent to 'FKASSA'.");
        assertThat(result(post("/control/intyg/certificates/" + id + "/revoke",
                Map.of("reason", "Fel patient", "hsaId", DOCTOR)), 200)).containsExactly("OK", null, null);
        assertThat(result(post("/control/intyg/certificates/" + id + "/revoke"), 200))
                .containsExactly("INFO", null, "Certificate " + id + " is already revoked.");

        Reply read = client.call(example("GetCertificate").certificate(id));
        assertThat(read.all("status")).extracting(s -> first(s, "code"))
                .containsExactly("HSVARD", "RECEIV", "FKASSA", "SENTTO", "HSVARD", "CANCEL");
        assertThat(notificationCodes(id)).containsExactly("SKAPAT", "KFSIGN", "SIGNAT", "SKICKA", "MAKULE");
        assertThat(client.inbox("FKASSA")).extracting(e -> e.get("operation"), e -> e.get("certificateId"), e -> e.get("text"))
                .containsExactly(tuple("RegisterCertificate", id, null), tuple("RevokeCertificate", id, "Fel patient"));
    }

    @Test
    void theDoctorsStepsOnTheWrongKindOfCertificateAreTheDomainsRefusals() {
        String id = draft();
        assertThat(result(post("/control/intyg/certificates/" + id + "/send"), 422))
                .containsExactly("ERROR", "VALIDATION_ERROR", "Certificate " + id + " is not a signed certificate");
        assertThat(result(post("/control/intyg/certificates/" + id + "/revoke"), 422))
                .containsExactly("ERROR", "VALIDATION_ERROR", "Certificate " + id + " is not a signed certificate");
        assertThat(result(post("/control/intyg/certificates/" + id + "/questions",
                Map.of("amne", "OVRIGT", "meddelande", "Hur mår patienten?")), 422))
                .containsExactly("ERROR", "VALIDATION_ERROR", "Certificate " + id + " is not a signed certificate");

        post("/control/intyg/certificates/" + id + "/sign").then().statusCode(200);

        assertThat(result(post("/control/intyg/certificates/" + id + "/sign"), 422))
                .containsExactly("ERROR", "VALIDATION_ERROR", "Certificate " + id + " is not a draft");
        assertThat(result(post("/control/intyg/certificates/" + id + "/ready"), 422))
                .containsExactly("ERROR", "VALIDATION_ERROR", "Certificate " + id + " is not a draft");
        assertThat(result(control().delete("/control/intyg/certificates/" + id), 422))
                .containsExactly("ERROR", "VALIDATION_ERROR", "Certificate " + id + " is not a draft");
        assertThat(result(post("/control/intyg/certificates/unknown-id/sign"), 422))
                .containsExactly("ERROR", "VALIDATION_ERROR", "Certificate unknown-id is not a draft");
    }

    @Test
    void aSigningThatBreaksTheTypesRulesIsRefusedWithTheRulesText() {
        String id = draft();
        String answers = "<a xmlns=\"urn:riv:clinicalprocess:healthcond:certificate:3\">"
                + "<svar id=\"1\"><delsvar id=\"1.3\">ingen grund</delsvar></svar></a>";

        JsonPath refused = json(post("/control/intyg/certificates/" + id + "/sign", Map.of("answersXml", answers)), 422);

        assertThat(refused.getString("resultCode")).isEqualTo("ERROR");
        assertThat(refused.getString("errorId")).isEqualTo("VALIDATION_ERROR");
        assertThat(refused.getString("resultText")).startsWith("TEST: ").contains(", MSG: ");
        client.fault(example("GetCertificate").certificate(id));
    }

    @Test
    void aDeletedDraftIsGone() {
        String id = draft();

        assertThat(result(control().delete("/control/intyg/certificates/" + id), 200)).containsExactly("OK", null, null);

        assertThat(notificationCodes(id)).containsExactly("SKAPAT", "RADERA");
        assertThat(result(post("/control/intyg/certificates/" + id + "/sign"), 422))
                .containsExactly("ERROR", "VALIDATION_ERROR", "Certificate " + id + " is not a draft");
    }

    // ---- questions and answers ---------------------------------------------------------------------

    @Test
    void theRecipientsQuestionIsStoredAndTheDoctorAnswersAndHandlesIt() {
        String id = sent();

        JsonPath asked = json(post("/control/intyg/recipients/FKASSA/messages", Map.of("certificateId", id,
                "amne", "KOMPLT", "rubrik", "Komplettering", "meddelande", "Komplettera diagnosen",
                "sistaDatumForSvar", "2025-03-24",
                "komplettering", List.of(Map.of("frageId", "6", "text", "Ange ICD-10-kod")))), 200);
        String question = asked.getString("meddelandeId");
        assertThat(asked.getString("resultCode")).isEqualTo("OK");
        assertThat(question).isNotBlank();

        JsonPath other = json(post("/control/intyg/recipients/FKASSA/messages", Map.of("certificateId", id,
                "amne", "OVRIGT", "meddelande", "Hur länge?")), 200);
        JsonPath answer = json(post("/control/intyg/certificates/" + id + "/questions",
                Map.of("amne", "OVRIGT", "meddelande", "Fyra veckor", "svarPa", other.getString("meddelandeId"))), 200);
        JsonPath asksToo = json(post("/control/intyg/certificates/" + id + "/questions",
                Map.of("amne", "KONTKT", "rubrik", "Kontakt", "meddelande", "Ring mig")), 200);

        JsonPath messages = json(control().get("/control/intyg/certificates/" + id + "/messages"), 200);
        assertThat(messages.getList("messages.meddelandeId")).containsExactly(question, other.getString("meddelandeId"),
                answer.getString("meddelandeId"), asksToo.getString("meddelandeId"));
        assertThat(messages.getString("messages[0].amne")).isEqualTo("KOMPLT");
        assertThat(messages.getString("messages[0].sistaDatumForSvar")).isEqualTo("2025-03-24");
        assertThat(messages.getString("messages[0].complements[0].frageId")).isEqualTo("6");
        assertThat(messages.getString("messages[2].svarPaMeddelandeId")).isEqualTo(other.getString("meddelandeId"));
        assertThat(client.inbox("FKASSA")).extracting(e -> e.get("operation"), e -> e.get("amne"))
                .containsExactly(tuple("RegisterCertificate", null), tuple("SendMessageToRecipient", "OVRIGT"),
                        tuple("SendMessageToRecipient", "KONTKT"));

        assertThat(result(control().body(Map.of("handled", true)).put("/control/intyg/messages/" + question + "/handled"),
                200)).containsExactly("OK", null, null);
        assertThat(json(control().get("/control/intyg/certificates/" + id + "/messages"), 200)
                .getBoolean("messages[0].handled")).isTrue();
        assertThat(result(control().body(Map.of("handled", false)).put("/control/intyg/messages/" + question + "/handled"),
                200)).containsExactly("OK", null, null);
        assertThat(notificationCodes(id)).containsExactly("SKAPAT", "SIGNAT", "SKICKA", "NYFRFM", "NYFRFM", "HANFRFM",
                "NYFRFV", "HANFRFM", "HANFRFM");
    }

    @Test
    void questionsAndHandlingTheDomainRefusesAre422() {
        String id = sent();

        assertThat(result(post("/control/intyg/certificates/" + id + "/questions",
                Map.of("amne", "KOMPLT", "meddelande", "Vi kompletterar")), 422))
                .containsExactly("ERROR", "VALIDATION_ERROR", "Care may not start a question with amne KOMPLT");
        assertThat(result(post("/control/intyg/recipients/FKASSA/messages", Map.of("certificateId", "no-such-id",
                "amne", "OVRIGT", "meddelande", "Hej")), 422))
                .containsExactly("ERROR", "VALIDATION_ERROR", "Certificate no-such-id does not exist");
        assertThat(result(control().body(Map.of("handled", true)).put("/control/intyg/messages/no-such-message/handled"),
                422)).containsExactly("ERROR", "VALIDATION_ERROR", "Message no-such-message does not exist");
    }

    // ---- recipients ------------------------------------------------------------------------------------

    @Test
    void aRecipientEndpointGetsTheCertificateOverSoapAndTheInboxListsIt() {
        WireMockServer fk = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        fk.start();
        try {
            fk.stubFor(WireMock.post(urlEqualTo("/fk/register")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(okResponse())));
            String url = fk.baseUrl() + "/fk/register";
            JsonPath registered = json(control().body(Map.of("url", url)).put("/control/intyg/recipients/FKASSA/endpoint"),
                    200);
            assertThat(registered.getString("url")).isEqualTo(url);
            client.ok(example("RegisterCertificate"));

            client.ok(example("SendCertificateToRecipient"));

            fk.verify(1, postRequestedFor(urlEqualTo("/fk/register")).withHeader("SOAPAction",
                    equalTo("\"urn:riv:clinicalprocess:healthcond:certificate:RegisterCertificateResponder:3:RegisterCertificate\"")));
            assertThat(client.inbox("FKASSA")).extracting(e -> e.get("operation"), e -> e.get("certificateId"))
                    .containsExactly(tuple("RegisterCertificate", IntygRequest.EXAMPLE_ID));
            JsonPath outbound = json(control().get("/control/journal?operation=RegisterCertificate&bodies=false"), 200);
            assertThat(outbound.getList("entries.direction")).containsExactly("INBOUND", "OUTBOUND");

            JsonPath back = json(control().body("{\"url\":null}").put("/control/intyg/recipients/FKASSA/endpoint"), 200);
            assertThat(back.getString("url")).isNull();
            assertThat(json(control().get("/control/intyg/seed"), 200)
                    .getString("recipients.find { it.id == 'FKASSA' }.endpointUrl")).isNull();
        } finally {
            fk.stop();
        }
    }

    @Test
    void anUnknownRecipientHasAnEmptyInboxAndNoEndpoint() {
        assertThat(json(control().get("/control/intyg/recipients/SKV/inbox"), 200).getList("received")).isEmpty();
        assertThat(json(control().body(Map.of("url", "http://127.0.0.1:1/x")).put("/control/intyg/recipients/SKV/endpoint"),
                400).getString("error")).isEqualTo("no recipient SKV");
    }

    // ---- units, notifications ------------------------------------------------------------------------

    @Test
    void aUnitsNotificationEndpointIsRegisteredReadAndRemoved() {
        String path = "/control/intyg/units/" + UNIT + "/notification-endpoint";
        assertThat(json(control().get(path), 404).getString("error")).contains(UNIT);

        JsonPath put = json(control().body(Map.of("url", "http://127.0.0.1:9/journal")).put(path), 200);
        assertThat(put.getString("unitId")).isEqualTo(UNIT);
        assertThat(json(control().get(path), 200).getString("url")).isEqualTo("http://127.0.0.1:9/journal");
        control().body(Map.of("url", "https://127.0.0.1:9/notifications")).put(path).then().statusCode(200);
        assertThat(json(control().get(path), 200).getString("url")).isEqualTo("https://127.0.0.1:9/notifications");

        assertThat(json(control().delete(path), 200).getString("removed")).isEqualTo(UNIT);
        control().get(path).then().statusCode(404);
    }

    @Test
    void theOutboxListsNotificationsWithBodiesOnRequestAndDeliverReturnsWhenDone() {
        String id = draft();
        String other = draft();

        JsonPath all = json(control().get("/control/intyg/notifications"), 200);
        assertThat(all.getInt("count")).isEqualTo(2);
        assertThat(all.getList("notifications.certificateId")).containsExactly(id, other);
        assertThat(all.getList("notifications.state")).containsOnly("PENDING");
        assertThat(all.getList("notifications.certificateXml")).containsOnly((Object) null);
        JsonPath one = json(control().get("/control/intyg/notifications?certificateId=" + id + "&bodies=true"), 200);
        assertThat(one.getInt("count")).isEqualTo(1);
        assertThat(one.getString("notifications[0].code")).isEqualTo("SKAPAT");
        assertThat(one.getString("notifications[0].ref")).isEqualTo("journal-ref-4711");
        assertThat(one.getString("notifications[0].certificateXml")).contains("LISJP");

        // no endpoint registered: delivering leaves them due
        assertThat(json(post("/control/intyg/notifications/deliver"), 200).getBoolean("delivered")).isTrue();
        assertThat(json(control().get("/control/intyg/notifications"), 200).getList("notifications.attempts"))
                .containsOnly(0);
    }

    // ---- the operator --------------------------------------------------------------------------------

    @Test
    void erasingACareProviderMakesGetCertificateFaultAsDeleted() {
        client.ok(example("RegisterCertificate"));

        JsonPath erased = json(post("/control/intyg/care-providers/" + PROVIDER + "/erase"), 200);

        assertThat(erased.getString("resultCode")).isEqualTo("OK");
        assertThat(erased.getInt("erased")).isEqualTo(1);
        Fault fault = client.fault(example("GetCertificate"));
        assertThat(fault.code()).isEqualTo("soap:Server");
        assertThat(fault.text()).isEqualTo("Certificate with id " + IntygRequest.EXAMPLE_ID
                + " is deleted from intygstjansten");
        assertThat(json(post("/control/intyg/care-providers/" + PROVIDER + "/erase"), 200).getInt("erased")).isZero();
    }

    @Test
    void anIntygFaultRuleIsAnsweredExactlyOverSoap() {
        JsonPath rule = json(control().body(Map.of("service", "intyg", "operation", "RegisterCertificate",
                "resultCode", "ERROR", "errorId", "TECHNICAL_ERROR", "resultText", "Intygstjänsten är nere för underhåll"))
                .post("/control/faults"), 201);
        assertThat(rule.getString("errorId")).isEqualTo("TECHNICAL_ERROR");

        Reply refused = client.call(example("RegisterCertificate"));

        assertThat(List.of(refused.code(), refused.errorId(), refused.text()))
                .containsExactly("ERROR", "TECHNICAL_ERROR", "Intygstjänsten är nere för underhåll");
        client.fault(example("GetCertificate")); // nothing was stored
        JsonPath journal = json(control().get("/control/journal?operation=RegisterCertificate&bodies=false"), 200);
        assertThat(journal.getString("entries[0].faultRuleId")).isEqualTo(rule.getString("id"));
        assertThat(journal.getString("entries[0].resultCode")).isEqualTo("ERROR");
    }

    // ---- refusals ----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "person-id with a dash          | PUT    | /control/intyg/pu/persons/19121212-1212 | {\"fornamn\":\"T\"} | 400 | personId",
        "person-id too short            | DELETE | /control/intyg/pu/persons/1912121212     | ''                  | 400 | personId",
        "switches without a body        | PUT    | /control/intyg/pu/switches               | ''                  | 400 | body",
        "unknown switch                 | PUT    | /control/intyg/pu/switches               | {\"surprise\":true} | 400 | surprise",
        "endpoint not http              | PUT    | /control/intyg/units/U1/notification-endpoint | {\"url\":\"ftp://journal\"} | 400 | url",
        "endpoint without url           | PUT    | /control/intyg/units/U1/notification-endpoint | {}          | 400 | url",
        "recipient endpoint not http    | PUT    | /control/intyg/recipients/FKASSA/endpoint | {\"url\":\"journal\"} | 400 | url",
        "question without amne          | POST   | /control/intyg/certificates/C1/questions | {\"meddelande\":\"Hej\"} | 400 | amne",
        "question without text          | POST   | /control/intyg/certificates/C1/questions | {\"amne\":\"OVRIGT\"} | 400 | meddelande",
        "recipient message without amne | POST   | /control/intyg/recipients/FKASSA/messages | {\"certificateId\":\"C1\",\"meddelande\":\"Hej\"} | 400 | amne",
        "recipient message without certificate | POST | /control/intyg/recipients/FKASSA/messages | {\"amne\":\"OVRIGT\",\"meddelande\":\"Hej\"} | 400 | certificateId",
        "komplettering without frageId  | POST   | /control/intyg/recipients/FKASSA/messages | {\"certificateId\":\"C1\",\"amne\":\"KOMPLT\",\"meddelande\":\"K\",\"komplettering\":[{\"text\":\"t\"}]} | 400 | frageId",
        "sistaDatumForSvar not a date   | POST   | /control/intyg/recipients/FKASSA/messages | {\"certificateId\":\"C1\",\"amne\":\"KOMPLT\",\"meddelande\":\"K\",\"sistaDatumForSvar\":\"snart\"} | 400 | sistaDatumForSvar",
        "handled not a boolean          | PUT    | /control/intyg/messages/M1/handled       | {\"handled\":\"ja\"} | 400 | handled",
        "type without versions          | PUT    | /control/intyg/certificate-types/LISJP   | {\"defaultRecipient\":\"FKASSA\",\"versions\":[]} | 400 | versions",
        "type without recipient         | PUT    | /control/intyg/certificate-types/LISJP   | {\"versions\":[\"1.3\"]} | 400 | defaultRecipient",
        "body not JSON                  | POST   | /control/intyg/certificates/C1/revoke    | not json            | 400 | body",
        "nothing under intyg            | GET    | /control/intyg                           | ''                  | 404 | /control/intyg",
        "unknown kind                   | GET    | /control/intyg/nothing                   | ''                  | 404 | /control/intyg/nothing",
        "unknown certificate action     | POST   | /control/intyg/certificates/C1/approve   | ''                  | 404 | approve",
        "unknown unit resource          | GET    | /control/intyg/units/U1/endpoint         | ''                  | 404 | /control/intyg/units/U1/endpoint",
        "unknown recipient resource     | GET    | /control/intyg/recipients/FKASSA/outbox  | ''                  | 404 | outbox",
        "deliver below                  | POST   | /control/intyg/notifications/deliver/now | ''                  | 404 | deliver/now",
        "seed is read-only              | POST   | /control/intyg/seed                      | ''                  | 405 | GET",
        "sign with GET                  | GET    | /control/intyg/certificates/C1/sign      | ''                  | 405 | POST",
        "messages with POST             | POST   | /control/intyg/certificates/C1/messages  | ''                  | 405 | GET",
        "certificate with GET           | GET    | /control/intyg/certificates/C1           | ''                  | 405 | DELETE",
        "deliver with GET               | GET    | /control/intyg/notifications/deliver     | ''                  | 405 | POST",
        "inbox with POST                | POST   | /control/intyg/recipients/FKASSA/inbox   | ''                  | 405 | GET",
        "erase with GET                 | GET    | /control/intyg/care-providers/P1/erase   | ''                  | 405 | POST",
        "handled with POST              | POST   | /control/intyg/messages/M1/handled       | {\"handled\":true}  | 405 | PUT",
        "switches with DELETE           | DELETE | /control/intyg/pu/switches               | ''                  | 405 | PUT",
    })
    void badRequestsAreRefusedNamingTheField(String title, String method, String path, String body, int status,
            String mentioned) {
        RequestSpecification spec = control();
        if (!body.isEmpty()) spec = spec.body(body);

        Response r = spec.request(method, path);

        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.jsonPath().getString("error")).contains(mentioned);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static RequestSpecification control() {
        return client.control();
    }

    private static Response post(String path) {
        return control().post(path);
    }

    private static Response post(String path, Map<String, ?> body) {
        return control().body(body).post(path);
    }

    /** resultCode, errorId and resultText of a domain answer with the expected HTTP status. */
    private static List<String> result(Response response, int status) {
        JsonPath j = json(response, status);
        return Arrays.asList(j.getString("resultCode"), j.getString("errorId"), j.getString("resultText"));
    }

    /** The journal system's CreateDraftCertificate of the example (LISJP, Tolvan, unit -1077): the draft's id. */
    private static String draft() {
        return first(client.ok(example("CreateDraftCertificate")).payload(), "extension");
    }

    /** A draft, signed and sent to Försäkringskassan. */
    private static String sent() {
        String id = draft();
        post("/control/intyg/certificates/" + id + "/sign").then().statusCode(200);
        post("/control/intyg/certificates/" + id + "/send").then().statusCode(200);
        return id;
    }

    private static List<String> draftRefusal() {
        Reply reply = client.expect("ERROR", example("CreateDraftCertificate"));
        return List.of(reply.code(), reply.errorId(), reply.text());
    }

    private static List<String> notificationCodes(String certificateId) {
        return json(control().get("/control/intyg/notifications?certificateId=" + certificateId), 200)
                .getList("notifications.code");
    }

    private static String okResponse() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><r:RegisterCertificateResponse "
                + "xmlns:r=\"urn:riv:clinicalprocess:healthcond:certificate:RegisterCertificateResponder:3\" "
                + "xmlns:c=\"urn:riv:clinicalprocess:healthcond:certificate:3\"><r:result><c:resultCode>OK</c:resultCode>"
                + "</r:result></r:RegisterCertificateResponse></soap:Body></soap:Envelope>";
    }
}
