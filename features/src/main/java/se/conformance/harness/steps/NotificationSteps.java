package se.conformance.harness.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.sv.När;
import io.cucumber.java.sv.Så;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.conformance.harness.check.CheckFailure;
import se.conformance.harness.check.ContractSchema;
import se.conformance.harness.check.Xml;
import se.conformance.harness.driver.DriverAnswer;
import se.conformance.harness.simulator.SetUp;
import se.conformance.harness.simulator.SoapTemplate;

/**
 * The journal system as server: the harness calls its CertificateStatusUpdateForCare endpoint
 * as Webcert would (rest-assured) and checks the answers (XMLUnit against the contract's
 * schema, result codes, time).
 */
public final class NotificationSteps {

    private static final String OPERATION = "CertificateStatusUpdateForCare";
    private static final String RESPONDER_NS =
            "urn:riv:clinicalprocess:healthcond:certificate:CertificateStatusUpdateForCareResponder:3";
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    /** Webcert gives up on a call after this long; an answer later than that is no answer. */
    private static final int SOCKET_TIMEOUT_MILLIS = 30_000;

    private final ScenarioState state;
    private final RestAssuredConfig http = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", SOCKET_TIMEOUT_MILLIS));
    private String lastRequest;
    private LocalDateTime lastTime;

    public NotificationSteps(ScenarioState state) {
        this.state = state;
    }

    private String endpoint() {
        String url = state.config().notificationUrl();
        if (url == null) {
            throw new IllegalStateException("the profile names no certificateStatusUpdateForCare endpoint");
        }
        return url;
    }

    private SoapTemplate notification(String code, String certificateId, LocalDateTime time) {
        SoapTemplate t = SoapTemplate.of("intyg/CertificateStatusUpdateForCare.xml")
                .set("intygs-id", "extension", certificateId)
                .set("handelsekod", "code", code)
                .set("tidpunkt", time.format(MILLIS));
        if (!"NYFRFM".equals(code)) t.remove("amne").remove("sistaDatumForSvar");
        return t;
    }

    private void send(String request) {
        lastRequest = request;
        long start = System.nanoTime();
        Response r = RestAssured.given().config(http).contentType("text/xml; charset=UTF-8")
                .header("SOAPAction", "urn:riv:clinicalprocess:healthcond:certificate:CertificateStatusUpdateForCareResponder:3:CertificateStatusUpdateForCare")
                .body(request).post(endpoint());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        state.addServerExchange(new ScenarioState.ServerExchange(OPERATION, request, r.statusCode(), r.asString(), elapsed));
    }

    private LocalDateTime now() {
        return state.today().atTime(9, 15).plusSeconds(state.serverExchanges().size());
    }

    @När("tjänsten skickar händelsen {word} för ett LISJP-intyg till journalsystemet")
    public void sendEvent(String code) {
        state.certificateId(UUID.randomUUID().toString());
        lastTime = now();
        send(notification(code, state.certificateId().get(), lastTime).xml());
    }

    @När("tjänsten skickar händelsen NYFRFM med ämnet PAMINN för ett LISJP-intyg till journalsystemet")
    public void sendReminder() {
        state.certificateId(UUID.randomUUID().toString());
        lastTime = now();
        send(notification("NYFRFM", state.certificateId().get(), lastTime).set("amne", "code", "PAMINN").xml());
    }

    @När("tjänsten skickar händelsen {word} för ett ofullständigt LISJP-utkast till journalsystemet")
    public void sendIncompleteDraft(String code) {
        state.certificateId(UUID.randomUUID().toString());
        lastTime = now();
        send(notification(code, state.certificateId().get(), lastTime)
                .remove("svar").remove("signeringstidpunkt").remove("skickatTidpunkt").xml());
    }

    @När("tjänsten skickar samma händelse igen")
    public void sendAgain() {
        send(lastRequest);
    }

    @När("tjänsten skickar händelsen {word} för samma intyg med en tidigare tidpunkt")
    public void sendEarlier(String code) {
        send(notification(code, state.certificateId().orElseThrow(), lastTime.minusMinutes(5)).xml());
    }

    @När("tjänsten skickar ett anrop utan händelsekod till journalsystemet")
    public void sendWithoutEventCode() {
        state.certificateId(UUID.randomUUID().toString());
        send(notification("SIGNAT", state.certificateId().get(), now()).remove("handelsekod").xml());
    }

    private static String resultCode(ScenarioState.ServerExchange x) {
        try {
            Document d = Xml.parse(x.response());
            return Xml.text(d, "resultCode").orElse("(inget resultCode)");
        } catch (IllegalArgumentException e) {
            return "(inget XML-svar)";
        }
    }

    private void requireAnswered(ScenarioState.ServerExchange x) {
        if (x.httpStatus() != 200) {
            throw CheckFailure.transport(state.itemId(), "systemet svarade HTTP " + x.httpStatus() + ": "
                    + abbreviate(x.response()));
        }
    }

    @Så("svarar journalsystemet OK")
    public void answeredOk() {
        for (ScenarioState.ServerExchange x : state.serverExchanges()) {
            requireAnswered(x);
            String code = resultCode(x);
            if (!"OK".equals(code)) {
                throw CheckFailure.rule(state.itemId(), "systemet svarade " + code + " på "
                        + Xml.text(Xml.parse(x.request()), "handelsekod").orElse("händelsen")
                        + "; en händelse som tagits emot besvaras OK: " + abbreviate(x.response()));
            }
        }
    }

    @Så("svarar journalsystemet OK eller INFO")
    public void answeredOkOrInfo() {
        for (ScenarioState.ServerExchange x : state.serverExchanges()) {
            requireAnswered(x);
            String code = resultCode(x);
            if (!"OK".equals(code) && !"INFO".equals(code)) {
                String errorId = Xml.text(Xml.parse(x.response()), "errorId").orElse("");
                throw CheckFailure.rule(state.itemId(), "systemet svarade " + code + (errorId.isEmpty() ? "" : " " + errorId)
                        + " på en dubblett; Webcert skickar om vid TECHNICAL_ERROR, så en dubblett ska besvaras OK eller INFO");
            }
        }
    }

    @Så("följer journalsystemets svar kontraktets schema")
    public void answerValid() {
        for (ScenarioState.ServerExchange x : state.serverExchanges()) {
            requireAnswered(x);
            Element payload;
            try {
                payload = Xml.soapPayload(Xml.parse(x.response())).orElseThrow(() -> CheckFailure.schema(state.itemId(),
                        "svaret är inget SOAP 1.1-kuvert med innehåll: " + abbreviate(x.response())));
            } catch (IllegalArgumentException e) {
                throw CheckFailure.schema(state.itemId(), "svaret är inte välformat XML: " + e.getMessage());
            }
            if (!RESPONDER_NS.equals(payload.getNamespaceURI()) || !"CertificateStatusUpdateForCareResponse".equals(payload.getLocalName())) {
                throw CheckFailure.schema(state.itemId(), "svaret är {" + payload.getNamespaceURI() + "}" + payload.getLocalName()
                        + ", väntat {" + RESPONDER_NS + "}CertificateStatusUpdateForCareResponse");
            }
            List<String> problems = ContractSchema.problems(OPERATION, payload);
            if (!problems.isEmpty()) {
                throw CheckFailure.schema(state.itemId(), "svaret följer inte kontraktets schema: " + String.join("; ", problems));
            }
        }
    }

    @Så("svarade journalsystemet inom {int} sekunder")
    public void answeredWithin(int seconds) {
        for (ScenarioState.ServerExchange x : state.serverExchanges()) {
            requireAnswered(x);
            if (x.elapsed().toMillis() > seconds * 1000L) {
                throw CheckFailure.transport(state.itemId(), "systemet svarade efter " + x.elapsed().toMillis()
                        + " ms; gränsen är " + seconds + " s");
            }
        }
    }

    @Så("avvisar journalsystemet anropet med ett SOAP-fel eller ERROR VALIDATION_ERROR")
    public void rejected() {
        ScenarioState.ServerExchange x = state.serverExchanges().get(state.serverExchanges().size() - 1);
        boolean fault;
        String code = "";
        String errorId = "";
        try {
            Document d = Xml.parse(x.response());
            fault = Xml.first(d, "Fault").isPresent();
            code = Xml.text(d, "resultCode").orElse("");
            errorId = Xml.text(d, "errorId").orElse("");
        } catch (IllegalArgumentException e) {
            fault = false;
        }
        boolean refused = fault || ("ERROR".equals(code) && "VALIDATION_ERROR".equals(errorId));
        if (!refused) {
            throw CheckFailure.rule(state.itemId(), "ett anrop utan handelsekod besvarades HTTP " + x.httpStatus() + " "
                    + (code.isEmpty() ? abbreviate(x.response()) : code + " " + errorId)
                    + "; det följer inte schemat och ska avvisas");
        }
    }

    @Så("visar journalsystemet en påminnelse för intyget")
    public void showsReminder() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("unit", SetUp.CARE_UNIT);
        p.put("certificateId", state.certificateId().orElseThrow());
        DriverAnswer a = state.act("intyg.shown-notifications", p, "Visa händelserna för intyg "
                + state.certificateId().get(), null);
        if (!a.known()) {
            throw new io.cucumber.java.PendingException(state.itemId() + ": bedöm för hand att påminnelsen visas");
        }
        for (JsonNode e : a.field("events").map(n -> (Iterable<JsonNode>) n).orElse(List.of())) {
            if ("NYFRFM".equals(e.path("code").asText()) && !e.path("shown").asText("").isBlank()) return;
        }
        throw CheckFailure.rule(state.itemId(), "systemet visar ingen påminnelse för intyget: " + a.body());
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }
}
