package se.conformance.harness.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The test-driver protocol (JSON over HTTP) spoken with a vendor's test build, with rest-assured.
 * An action the driver does not know (404) falls back to the interactive mode for that step.
 */
public final class DriverProtocolClient implements VendorDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A driver action may include calls that time out after 30 s (EFK-ERR-005); allow for that. */
    private static final int ACTION_TIMEOUT_MILLIS = 45_000;

    private final String baseUrl;
    private final VendorDriver fallback;
    private final RestAssuredConfig config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000)
            .setParam("http.socket.timeout", ACTION_TIMEOUT_MILLIS));

    public DriverProtocolClient(String baseUrl, VendorDriver fallback) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.fallback = fallback;
    }

    @Override
    public DriverAnswer act(String action, Map<String, Object> parameters, String instruction, String expectedOperation) {
        long start = System.nanoTime();
        Response r;
        try {
            r = RestAssured.given().config(config).contentType("application/json; charset=UTF-8")
                    .body(JSON.writeValueAsString(parameters))
                    .post(baseUrl + "/actions/" + action);
        } catch (IOException e) {
            throw new IllegalStateException("the vendor's test driver at " + baseUrl + " did not answer " + action
                    + ": " + e.getMessage(), e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (r.statusCode() == 404 && fallback != null) {
            return fallback.act(action, parameters, instruction, expectedOperation);
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the vendor's test driver answered " + action + " with HTTP "
                    + r.statusCode() + ": " + r.asString());
        }
        try {
            JsonNode body = JSON.readTree(r.asString());
            return new DriverAnswer(body, elapsed);
        } catch (IOException e) {
            throw new IllegalStateException("the vendor's test driver answered " + action + " with something"
                    + " that is not JSON: " + r.asString(), e);
        }
    }

    @Override
    public void reset() {
        Response r = RestAssured.given().config(config).contentType("application/json").body("{}")
                .post(baseUrl + "/reset");
        if (r.statusCode() / 100 != 2 && r.statusCode() != 404) {
            throw new IllegalStateException("the vendor's test driver answered reset with HTTP " + r.statusCode());
        }
    }
}
