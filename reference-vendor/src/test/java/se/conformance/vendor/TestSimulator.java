package se.conformance.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.conformance.simulator.Simulator;
import se.conformance.vendor.defect.Defect;

/**
 * One in-process simulator (in-memory H2) for every test class of the module, and small helpers:
 * the control API, the journal, the vendor's driver — all over real HTTP.
 */
public final class TestSimulator {

    public static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Simulator simulator;

    private TestSimulator() {
    }

    public static synchronized Simulator simulator() {
        if (simulator == null) {
            simulator = Simulator.builder().withPort(0).withInMemoryDatabase("reference-vendor-tests").start();
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        }
        return simulator;
    }

    public static String url() {
        return simulator().baseUrl();
    }

    /** Default seed, empty journal, the clock fixed on {@link #TODAY}. */
    public static void reset() {
        control("POST", "/control/reset", null);
        control("DELETE", "/control/journal", null);
        control("PUT", "/control/clock", Map.of("date", TODAY.toString()));
    }

    public static ReferenceVendor vendor(Defect... defects) {
        ReferenceVendor.Builder b = ReferenceVendor.builder().withPort(0).withSimulatorUrl(url())
                .withClock(Clock.fixed(TODAY.atTime(9, 0).atZone(ReferenceVendor.SWEDEN).toInstant(), ReferenceVendor.SWEDEN))
                .withCallTimeout(Duration.ofSeconds(10));
        for (Defect d : defects) {
            b.withDefect(d);
        }
        return b.start();
    }

    public static JsonNode control(String method, String path, Object body) {
        Response r = send(method, url() + path, body);
        if (r.status() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + r.status() + " " + r.body());
        }
        return r.json();
    }

    public record Response(int status, String body) {
        public JsonNode json() {
            try {
                return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    public static Response send(String method, String url, Object body) {
        try {
            HttpRequest.BodyPublisher pub = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", body instanceof String ? "text/xml; charset=UTF-8" : "application/json")
                    .method(method, pub).build();
            HttpResponse<String> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(resp.statusCode(), resp.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        }
    }

    /** POST {driver}/actions/{name} → the JSON answer (any status). */
    public static Response act(ReferenceVendor v, String action, Map<String, ?> params) {
        return send("POST", v.driverUrl() + "/actions/" + action, params);
    }

    /** An action that must be answered 200. */
    public static JsonNode ok(ReferenceVendor v, String action, Map<String, ?> params) {
        Response r = act(v, action, params);
        if (r.status() != 200) {
            throw new AssertionError(action + " → " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** Journal entries (with bodies) of one operation, oldest first. */
    public static List<JsonNode> journal(String operation) {
        JsonNode j = control("GET", "/control/journal?limit=1000&operation="
                + URLEncoder.encode(operation, StandardCharsets.UTF_8), null);
        List<JsonNode> out = new ArrayList<>();
        j.path("entries").forEach(out::add);
        return out;
    }

    /** Every operation in the journal, in order. */
    public static List<String> operations() {
        JsonNode j = control("GET", "/control/journal?limit=1000&bodies=false", null);
        List<String> out = new ArrayList<>();
        j.path("entries").forEach(e -> out.add(e.path("operation").asText()));
        return out;
    }

    /** The text of the first element with this local name in a journalled request body, or null. */
    public static String value(JsonNode entry, String localName) {
        Matcher m = Pattern.compile("<(?:[\\w-]+:)?" + Pattern.quote(localName) + ">([^<]*)</").matcher(
                entry.path("requestBody").asText());
        return m.find() ? m.group(1) : null;
    }

    public static boolean hasElement(JsonNode entry, String localName) {
        return Pattern.compile("<(?:[\\w-]+:)?" + Pattern.quote(localName) + "[ >/]").matcher(
                entry.path("requestBody").asText()).find();
    }

    public static JsonNode fault(Map<String, ?> rule) {
        return control("POST", "/control/faults", rule);
    }
}
