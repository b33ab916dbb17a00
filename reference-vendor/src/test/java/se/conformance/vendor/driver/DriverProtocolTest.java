package se.conformance.vendor.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.vendor.ReferenceVendor;
import se.conformance.vendor.TestSimulator;
import se.conformance.vendor.TestSimulator.Response;

/** The driver protocol of docs/harness.md over real HTTP (no service call is needed for these). */
class DriverProtocolTest {

    static ReferenceVendor vendor;

    @BeforeAll
    static void start() {
        vendor = ReferenceVendor.builder().withPort(0).withSimulatorUrl("http://127.0.0.1:9").start();
    }

    @AfterAll
    static void stop() {
        vendor.stop();
    }

    @Test
    void getDriverNamesTheSystemAndEveryAction() {
        Response r = TestSimulator.send("GET", vendor.driverUrl(), null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.path("system").asText()).isEqualTo("Referenskassan");
        assertThat(j.path("version").asText()).isEqualTo("1.4.0");
        assertThat(j.path("actions")).extracting(JsonNode::asText).containsExactly("efrikort.lookup-card",
                "efrikort.register-visit", "efrikort.correct-fee", "efrikort.cancel-fee", "efrikort.register-card",
                "efrikort.update-card", "efrikort.order-card", "efrikort.read-consent", "efrikort.group",
                "intyg.create-draft", "intyg.list-certificates", "intyg.answer-question", "intyg.complement",
                "intyg.shown-notifications");
    }

    @Test
    void anUnknownActionIs404AndResetIs200() {
        assertThat(TestSimulator.act(vendor, "efrikort.teleport", Map.of()).status()).isEqualTo(404);
        assertThat(TestSimulator.send("POST", vendor.driverUrl() + "/reset", Map.of()).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1} → 400 naming {2}")
    @CsvSource(delimiter = '|', value = {
            "efrikort.register-visit|{\"date\":\"2025-03-01\",\"fee\":\"200\"}|patient",
            "efrikort.register-visit|{\"patient\":\"19121212-1212\",\"date\":\"1 mars\",\"fee\":\"200\"}|date",
            "efrikort.register-visit|{\"patient\":\"19121212-1212\",\"date\":\"2025-03-01\",\"fee\":\"mycket\"}|fee",
            "efrikort.register-visit|{\"patient\":\"19121212-1212\",\"date\":\"2025-03-01\",\"fee\":\"200\",\"visitType\":\"SPA\"}|visitType",
            "efrikort.register-visit|{\"patient\":\"1912-1212\",\"date\":\"2025-03-01\",\"fee\":\"200\"}|patient",
            "efrikort.lookup-card|{\"patient\":\"19121232-1212\"}|patient",
            "efrikort.cancel-fee|{\"transactionId\":\"x\"}|reason",
            "efrikort.read-consent|{\"patient\":\"19121212-1212\",\"consent\":\"kanske\"}|consent",
            "intyg.create-draft|{\"patient\":\"19121212-1212\",\"type\":\"LUSE\"}|type",
            "intyg.shown-notifications|{}|certificateId"})
    void badParametersAre400NamingTheParameter(String action, String body, String parameter) {
        Response r = TestSimulator.send("POST", vendor.driverUrl() + "/actions/" + action, body.replace("\\", ""));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("parameter").asText()).isEqualTo(parameter);
        assertThat(r.json().path("error").asText()).startsWith(parameter + ":");
    }
}
