package se.conformance.harness.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The harness's side of the simulator: its control API (reset, clock, faults, seed, journal,
 * what doctors and recipients do) and the SOAP calls the harness itself makes to put a patient
 * in a known state, as another system would. Every call is checked: a control call that fails
 * is a harness error, never a vendor failure.
 */
public final class SimulatorControl {

    /** The SOAPAction header value the harness's own set-up calls carry, so they are told apart in the journal. */
    public static final String HARNESS_CONSUMER = "HARNESS-SETUP";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String baseUrl;
    private final RestAssuredConfig config;
    private final String ownHsaId;

    public SimulatorControl(String baseUrl) {
        this(baseUrl, SimulatorTls.none());
    }

    /** With the harness's TLS set-up for a simulator in shared mode. */
    public SimulatorControl(String baseUrl, SimulatorTls tls) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.config = tls.config(RestAssuredConfig.config());
        this.ownHsaId = tls.ownHsaId();
    }

    /**
     * Whether the harness itself made this exchange (set-up): over plain HTTP its calls declare
     * {@link #HARNESS_CONSUMER}; in shared mode the simulator names them by the harness's certificate.
     */
    public boolean isHarnessCall(JournalEntry e) {
        return HARNESS_CONSUMER.equals(e.caller()) || (ownHsaId != null && ownHsaId.equals(e.caller()));
    }

    public String baseUrl() {
        return baseUrl;
    }

    private RequestSpecification http() {
        return RestAssured.given().config(config).baseUri(baseUrl).contentType("application/json; charset=UTF-8");
    }

    private static JsonNode ok(Response r, String what) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("simulator control call failed (" + what + "): HTTP " + r.statusCode()
                    + " " + r.asString());
        }
        try {
            String body = r.asString();
            return body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("simulator answered " + what + " with something that is not JSON", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public JsonNode post(String path, Object body) {
        return ok(http().body(body == null ? "{}" : json(body)).post(path), "POST " + path);
    }

    public JsonNode put(String path, Object body) {
        return ok(http().body(json(body)).put(path), "PUT " + path);
    }

    public JsonNode get(String path) {
        return ok(http().get(path), "GET " + path);
    }

    /** Back to the default seed: cards, fees, certificates, faults gone, clock released (journal kept). */
    public void reset() {
        post("/control/reset", null);
    }

    public void setDate(LocalDate date) {
        put("/control/clock", Map.of("date", date.toString()));
    }

    public void addFault(Map<String, Object> rule) {
        post("/control/faults", rule);
    }

    /** The highest journal sequence number now: entries after it are what happens from here on. */
    public long journalMark() {
        return get("/control/journal?limit=1&bodies=false").path("lastSeq").asLong();
    }

    /** Every exchange after {@code afterSeq}, oldest first, with raw bodies. */
    public List<JournalEntry> journalAfter(long afterSeq) {
        List<JournalEntry> out = new ArrayList<>();
        long after = afterSeq;
        while (true) {
            JsonNode page = get("/control/journal?limit=1000&afterSeq=" + after);
            for (JsonNode n : page.path("entries")) {
                out.add(JSON.convertValue(n, JournalEntry.class));
            }
            if (page.path("count").asInt() < 1000) return out;
            after = out.get(out.size() - 1).seq();
        }
    }

    /**
     * The simulator operator's detached CMS signature (DER) over {@code manifest}: {@code POST
     * /control/evidence/signature}.
     */
    public byte[] signEvidence(byte[] manifest) {
        Response r = http().contentType("application/octet-stream").body(manifest).post("/control/evidence/signature");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("simulator control call failed (POST /control/evidence/signature): HTTP "
                    + r.statusCode() + " " + r.asString());
        }
        return r.asByteArray();
    }

    /** A SOAP 1.1 call by the harness itself (set-up), answered with the raw response. */
    public Response soap(String path, String envelope) {
        return RestAssured.given().config(config).baseUri(baseUrl)
                .contentType("text/xml; charset=UTF-8")
                .header("SOAPAction", "")
                .header("x-rivta-original-serviceconsumer-hsaid", HARNESS_CONSUMER)
                .body(envelope)
                .post(path);
    }
}
