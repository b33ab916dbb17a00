package se.conformance.simulator.intyg.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.intyg.soap.IntygRequest.example;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.child;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.first;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.json;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.payloadOf;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import se.conformance.simulator.intyg.soap.IntygRequest;
import se.conformance.simulator.intyg.soap.IntygSoapClient;

/**
 * The whole life of a sick-leave certificate over HTTP, as an integrated journal system experiences it,
 * against a running simulator: a WireMock server plays the journal system and receives Webcert's
 * CertificateStatusUpdateForCare notifications for its unit. Draft (SOAP), ready, signed, sent to
 * Försäkringskassan (control API), a KOMPLT question from Försäkringskassan (control API), the
 * complementing certificate (RegisterCertificate over SOAP with relation KOMPLT and svarPa: neither
 * CreateDraftCertificate nor the control API's signing can make a draft complement another certificate),
 * which closes the question and is sent on its own, and the original revoked, which Försäkringskassan
 * receives. Every notification the journal system received is checked: order, {@code ref}, {@code amne}
 * and {@code sistaDatumForSvar}, the question counts, validity against our responder schema, and its
 * OUTBOUND journal entry. Also Webcert's resending: TECHNICAL_ERROR is resent on the simulated clock,
 * VALIDATION_ERROR is not.
 */
class CertificateJourneyOverHttpTest {

    private static final String UNIT = "TSTNMT2321000156-1077";
    private static final String DOCTOR = "TSTNMT2321000156-1079";
    private static final String REF = "journal-ref-4711";
    private static final String PATH = "/journal/certificate-status";
    private static final String OPERATION = "CertificateStatusUpdateForCare";
    private static final String SCHEMA = "contracts/intyg/interactions/CertificateStatusUpdateForCareInteraction/"
            + "CertificateStatusUpdateForCareResponder_3.2.xsd";
    private static final String NONE = "0/0/0/0";

    private static IntygSoapClient client;
    private static WireMockServer journalSystem;

    @BeforeAll
    static void start() {
        client = new IntygSoapClient();
        journalSystem = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        journalSystem.start();
    }

    @AfterAll
    static void stop() {
        client.close();
        journalSystem.stop();
    }

    @BeforeEach
    void reset() {
        client.resetAt(LocalDate.of(2025, 3, 10));
        control().delete("/control/journal").then().statusCode(200);
        journalSystem.resetAll();
        JsonPath registered = json(control().body(Map.of("url", journalSystem.baseUrl() + PATH))
                .put("/control/intyg/units/" + UNIT + "/notification-endpoint"), 200);
        assertThat(registered.getString("url")).isEqualTo(journalSystem.baseUrl() + PATH);
    }

    @Test
    void draftSignSendComplementQuestionComplementAndRevokeAreEachNotified() {
        journalSystem.stubFor(WireMock.post(urlEqualTo(PATH)).willReturn(answer("<c:resultCode>OK</c:resultCode>")));

        // the journal system creates a draft; the doctor marks it ready, signs it and sends it to FK
        String original = first(client.ok(example("CreateDraftCertificate")).payload(), "extension");
        step("/control/intyg/certificates/" + original + "/ready", Map.of());
        step("/control/intyg/certificates/" + original + "/sign", Map.of());
        step("/control/intyg/certificates/" + original + "/send", Map.of("recipient", "FKASSA"));

        // a day later Försäkringskassan asks for a complement
        advance("{\"days\":1}");
        String question = step("/control/intyg/recipients/FKASSA/messages", Map.of("certificateId", original,
                "amne", "KOMPLT", "rubrik", "Komplettering", "meddelande", "Komplettera diagnosen",
                "sistaDatumForSvar", "2025-03-25",
                "komplettering", List.of(Map.of("frageId", "6", "text", "Ange diagnoskod enligt ICD-10"))))
                .getString("meddelandeId");

        // two hours later the complementing certificate answers it: the question is closed, the complement sent
        advance("{\"hours\":2}");
        String complement = UUID.randomUUID().toString();
        client.ok(complementing(complement, original, question));
        JsonPath messages = json(control().get("/control/intyg/certificates/" + original + "/messages"), 200);
        assertThat(messages.getBoolean("messages[0].handled")).isTrue();
        assertThat(messages.getString("messages[0].handledBy")).isEqualTo(DOCTOR);
        step("/control/intyg/messages/" + question + "/handled", Map.of("handled", true)); // already: no new event

        // the next day the original is revoked; Försäkringskassan is told
        advance("{\"days\":1}");
        step("/control/intyg/certificates/" + original + "/revoke", Map.of("reason", "Ersatt av kompletteringen"));
        assertThat(client.inbox("FKASSA")).extracting(e -> e.get("operation") + " " + e.get("certificateId"))
                .containsExactly("RegisterCertificate " + original, "RegisterCertificate " + complement,
                        "RevokeCertificate " + original);
        assertThat(client.inbox("FKASSA").get(2).get("text")).isEqualTo("Ersatt av kompletteringen");

        json(control().post("/control/intyg/notifications/deliver"), 200);
        List<LoggedRequest> received = journalSystem.findAll(postRequestedFor(urlEqualTo(PATH)));
        List<Notified> notified = received.stream().map(r -> Notified.of(bodyOf(r))).toList();

        assertThat(notified).containsExactly(
                new Notified(original, "SKAPAT", REF, null, null, NONE, NONE, "2025-03-10T08:00:00.000"),
                new Notified(original, "KFSIGN", REF, null, null, NONE, NONE, "2025-03-10T08:00:00.000"),
                new Notified(original, "SIGNAT", REF, null, null, NONE, NONE, "2025-03-10T08:00:00.000"),
                new Notified(original, "SKICKA", REF, null, null, NONE, NONE, "2025-03-10T08:00:00.000"),
                new Notified(original, "NYFRFM", REF, "KOMPLT", "2025-03-25", NONE, "1/1/0/0", "2025-03-11T08:00:00.000"),
                new Notified(complement, "SIGNAT", null, null, null, NONE, NONE, "2025-03-11T10:00:00.000"),
                new Notified(original, "HANFRFM", REF, null, null, NONE, "1/0/0/1", "2025-03-11T10:00:00.000"),
                new Notified(complement, "SKICKA", null, null, null, NONE, NONE, "2025-03-11T10:00:00.000"),
                new Notified(original, "MAKULE", REF, null, null, NONE, "1/0/0/1", "2025-03-12T10:00:00.000"));
        for (LoggedRequest r : received) {
            Element payload = payloadOf(bodyOf(r));
            IntygSoapClient.assertValid(SCHEMA, payload, bodyOf(r));
            assertThat(r.getHeader("SOAPAction")).contains(
                    "urn:riv:clinicalprocess:healthcond:certificate:CertificateStatusUpdateForCareResponder:3");
            assertThat(first(payloadOf(bodyOf(r)).getOwnerDocument().getDocumentElement(), "LogicalAddress"))
                    .as("addressed to the unit").isEqualTo(UNIT);
        }
        Element handled = child(payloadOf(bodyOf(received.get(6))), "handelse");
        assertThat(first(child(handled, "hanteratAv"), "extension")).isEqualTo(DOCTOR);
        Element complementSent = child(payloadOf(bodyOf(received.get(7))), "intyg");
        assertThat(first(child(complementSent, "relation"), "code")).isEqualTo("KOMPLT");

        // each delivery is one OUTBOUND journal entry holding exactly what the journal system received
        JsonPath journal = json(control().get("/control/journal?operation=" + OPERATION), 200);
        assertThat(journal.getInt("count")).isEqualTo(9);
        assertThat(journal.getList("entries.direction")).containsOnly("OUTBOUND");
        assertThat(journal.getList("entries.service")).containsOnly("intyg");
        assertThat(journal.getList("entries.resultCode")).containsOnly("OK");
        assertThat(journal.getList("entries.logicalAddress")).containsOnly(UNIT);
        assertThat(journal.getList("entries.httpStatus")).containsOnly(200);
        assertThat(journal.getList("entries.validationText", String.class))
                .allSatisfy(t -> assertThat(t).startsWith("attempt 1 of 30 to " + journalSystem.baseUrl() + PATH)
                        .endsWith("; delivered"));
        assertThat(journal.getList("entries.requestBody", String.class))
                .containsExactlyElementsOf(received.stream().map(CertificateJourneyOverHttpTest::bodyOf).toList());
        assertThat(json(control().get("/control/intyg/notifications"), 200).getList("notifications.state"))
                .hasSize(9).containsOnly("DELIVERED");
    }

    @Test
    void aTechnicalErrorIsResentAfterTheScheduledMinuteOnTheSimulatedClock() {
        journalSystem.stubFor(WireMock.post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(answer("<c:resultCode>ERROR</c:resultCode><c:resultText>Journalen är upptagen</c:resultText>"
                        + "<c:errorId>TECHNICAL_ERROR</c:errorId>"))
                .willSetStateTo("recovered"));
        journalSystem.stubFor(WireMock.post(urlEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(answer("<c:resultCode>OK</c:resultCode>")));
        String id = first(client.ok(example("CreateDraftCertificate")).payload(), "extension");

        deliver();
        assertThat(received()).hasSize(1);
        JsonPath pending = notification(id);
        assertThat(pending.getString("state")).isEqualTo("PENDING");
        assertThat(pending.getInt("attempts")).isEqualTo(1);
        assertThat(pending.getString("nextAttemptAt")).isEqualTo("2025-03-10T07:01:00Z");
        deliver();
        assertThat(received()).as("not due before the minute has passed").hasSize(1);

        advance("{\"minutes\":1}");
        deliver();

        List<LoggedRequest> received = received();
        assertThat(received).hasSize(2);
        assertThat(bodyOf(received.get(1))).as("the same notification again").isEqualTo(bodyOf(received.get(0)));
        JsonPath delivered = notification(id);
        assertThat(delivered.getString("state")).isEqualTo("DELIVERED");
        assertThat(delivered.getInt("attempts")).isEqualTo(2);
        JsonPath journal = json(control().get("/control/journal?operation=" + OPERATION + "&bodies=false"), 200);
        assertThat(journal.getList("entries.resultCode")).containsExactly("ERROR:TECHNICAL_ERROR", "OK");
        assertThat(journal.getString("entries[0].validationText")).startsWith("attempt 1 of 30 to ")
                .endsWith("; resend at 2025-03-10T07:01:00Z (after PT1M)");
        assertThat(journal.getString("entries[1].validationText")).startsWith("attempt 2 of 30 to ")
                .endsWith("; delivered");
    }

    @Test
    void aVendorThatAnswersTechnicalErrorTwiceGetsItOnTheThirdAttemptAfterOneAndFiveMinutes() {
        String busy = "<c:resultCode>ERROR</c:resultCode><c:resultText>Journalen är upptagen</c:resultText>"
                + "<c:errorId>TECHNICAL_ERROR</c:errorId>";
        journalSystem.stubFor(WireMock.post(urlEqualTo(PATH)).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(answer(busy)).willSetStateTo("still busy"));
        journalSystem.stubFor(WireMock.post(urlEqualTo(PATH)).inScenario("busy").whenScenarioStateIs("still busy")
                .willReturn(answer(busy)).willSetStateTo("recovered"));
        journalSystem.stubFor(WireMock.post(urlEqualTo(PATH)).inScenario("busy").whenScenarioStateIs("recovered")
                .willReturn(answer("<c:resultCode>OK</c:resultCode>")));
        String id = first(client.ok(example("CreateDraftCertificate")).payload(), "extension");

        deliver();
        advance("{\"minutes\":1}");
        deliver();
        assertThat(notification(id).getString("nextAttemptAt")).as("second wait is five minutes")
                .isEqualTo("2025-03-10T07:06:00Z");
        advance("{\"minutes\":4}");
        deliver();
        assertThat(received()).as("not due before the five minutes have passed").hasSize(2);
        advance("{\"minutes\":1}");
        deliver();

        assertThat(received()).hasSize(3);
        JsonPath delivered = notification(id);
        assertThat(delivered.getString("state")).isEqualTo("DELIVERED");
        assertThat(delivered.getInt("attempts")).isEqualTo(3);
        JsonPath journal = json(control().get("/control/journal?operation=" + OPERATION + "&bodies=false"), 200);
        assertThat(journal.getList("entries.resultCode"))
                .containsExactly("ERROR:TECHNICAL_ERROR", "ERROR:TECHNICAL_ERROR", "OK");
    }

    @Test
    void aVendorThatTimesOutIsResentAndTheTimeoutIsJournalled() {
        journalSystem.stubFor(WireMock.post(urlEqualTo(PATH)).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(answer("<c:resultCode>OK</c:resultCode>").withFixedDelay(6_000)) // read timeout is 5 s
                .willSetStateTo("quick"));
        journalSystem.stubFor(WireMock.post(urlEqualTo(PATH)).inScenario("slow").whenScenarioStateIs("quick")
                .willReturn(answer("<c:resultCode>OK</c:resultCode>")));
        String id = first(client.ok(example("CreateDraftCertificate")).payload(), "extension");

        deliver();
        JsonPath pending = notification(id);
        assertThat(pending.getString("state")).isEqualTo("PENDING");
        assertThat(pending.getString("nextAttemptAt")).isEqualTo("2025-03-10T07:01:00Z");
        advance("{\"minutes\":1}");
        deliver();

        assertThat(notification(id).getString("state")).isEqualTo("DELIVERED");
        JsonPath journal = json(control().get("/control/journal?operation=" + OPERATION + "&bodies=false"), 200);
        assertThat(journal.getList("entries.resultCode")).containsExactly("TIMEOUT", "OK");
    }

    @Test
    void aValidationErrorIsNotResent() {
        journalSystem.stubFor(WireMock.post(urlEqualTo(PATH)).willReturn(answer("<c:resultCode>ERROR</c:resultCode>"
                + "<c:resultText>Okänd patient</c:resultText><c:errorId>VALIDATION_ERROR</c:errorId>")));
        String id = first(client.ok(example("CreateDraftCertificate")).payload(), "extension");

        deliver();
        advance("{\"days\":1}");
        deliver();

        assertThat(received()).hasSize(1);
        JsonPath failed = notification(id);
        assertThat(failed.getString("state")).isEqualTo("FAILED");
        assertThat(failed.getInt("attempts")).isEqualTo(1);
        JsonPath journal = json(control().get("/control/journal?operation=" + OPERATION + "&bodies=false"), 200);
        assertThat(journal.getList("entries.resultCode")).containsExactly("ERROR:VALIDATION_ERROR");
        assertThat(journal.getString("entries[0].validationText")).endsWith("; failed, not resent");
    }

    // ---- the notifications as the journal system read them -------------------------------------------

    /**
     * One CertificateStatusUpdateForCare as the journal system read it: the certificate, the event, the
     * journal system's own {@code ref}, {@code amne} and {@code sistaDatumForSvar}, the counts of
     * {@code skickadeFragor} and {@code mottagnaFragor} as totalt/ejBesvarade/besvarade/hanterade, and
     * the event time.
     */
    record Notified(String certificateId, String handelsekod, String ref, String amne, String sistaDatumForSvar,
            String skickadeFragor, String mottagnaFragor, String tidpunkt) {

        static Notified of(String envelope) {
            Element request = payloadOf(envelope);
            assertThat(request.getLocalName()).isEqualTo(OPERATION);
            Element handelse = child(request, "handelse");
            Element amne = child(handelse, "amne");
            return new Notified(first(child(child(request, "intyg"), "intygs-id"), "extension"),
                    first(child(handelse, "handelsekod"), "code"), text(child(request, "ref")),
                    amne == null ? null : first(amne, "code"), text(child(handelse, "sistaDatumForSvar")),
                    counts(child(request, "skickadeFragor")), counts(child(request, "mottagnaFragor")),
                    text(child(handelse, "tidpunkt")));
        }

        private static String counts(Element arenden) {
            return String.join("/", text(child(arenden, "totalt")), text(child(arenden, "ejBesvarade")),
                    text(child(arenden, "besvarade")), text(child(arenden, "hanterade")));
        }

        private static String text(Element e) {
            return e == null ? null : e.getTextContent();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static RequestSpecification control() {
        return client.control();
    }

    /** A control step that must be performed (200, OK): its answer. */
    private static JsonPath step(String path, Map<String, ?> body) {
        RequestSpecification request = client.control();
        if (!body.isEmpty()) request = request.body(body);
        JsonPath answer = json(path.endsWith("/handled") ? request.put(path) : request.post(path), 200);
        assertThat(answer.getString("resultCode")).isEqualTo("OK");
        return answer;
    }

    private static void advance(String by) {
        control().body(by).post("/control/clock/advance").then().statusCode(200);
    }

    private static void deliver() {
        json(control().post("/control/intyg/notifications/deliver"), 200);
    }

    private static List<LoggedRequest> received() {
        return journalSystem.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    private static JsonPath notification(String certificateId) {
        JsonPath outbox = json(control().get("/control/intyg/notifications?certificateId=" + certificateId), 200);
        assertThat(outbox.getInt("count")).isEqualTo(1);
        return outbox.setRootPath("notifications[0]");
    }

    private static String bodyOf(LoggedRequest r) {
        return new String(r.getBody(), StandardCharsets.UTF_8);
    }

    /** The journal system's CertificateStatusUpdateForCareResponse with this result content. */
    private static ResponseDefinitionBuilder answer(String result) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                        + "<r:CertificateStatusUpdateForCareResponse xmlns:r=\"urn:riv:clinicalprocess:healthcond:"
                        + "certificate:CertificateStatusUpdateForCareResponder:3\" "
                        + "xmlns:c=\"urn:riv:clinicalprocess:healthcond:certificate:3\"><r:result>" + result
                        + "</r:result></r:CertificateStatusUpdateForCareResponse></soap:Body></soap:Envelope>");
    }

    /** The LISJP example as a new certificate that complements {@code original} and answers {@code question}. */
    private static IntygRequest complementing(String id, String original, String question) {
        String relation = "<c:relation><c:typ><t:code>KOMPLT</t:code>"
                + "<t:codeSystem>c2362fcd-eda0-4f9a-bd13-b3bbaf7f2146</t:codeSystem></c:typ>"
                + "<c:intygs-id><t:root>" + UNIT + "</t:root><t:extension>" + original + "</t:extension></c:intygs-id>"
                + "</c:relation>";
        return example("RegisterCertificate").certificate(id)
                .replace("</c:skapadAv>", "</c:skapadAv>" + relation)
                .replace("<r:intyg>", "<r:svarPa><c:meddelande-id>" + question + "</c:meddelande-id></r:svarPa><r:intyg>");
    }
}
