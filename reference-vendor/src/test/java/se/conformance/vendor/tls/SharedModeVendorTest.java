package se.conformance.vendor.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.conformance.simulator.Simulator;
import se.conformance.simulator.journal.JournalEntry;
import se.conformance.simulator.journal.JournalQuery;
import se.conformance.simulator.pki.CertificateProfile.FunctionCertificate;
import se.conformance.simulator.pki.CertificateProfile.ServerCertificate;
import se.conformance.simulator.pki.TestCa;
import se.conformance.simulator.pki.TlsSettings;
import se.conformance.simulator.pki.Validity;
import se.conformance.vendor.ReferenceVendor;
import se.conformance.vendor.TestSimulator;

/**
 * End to end over mutual TLS: the simulator in shared mode with certificates our test CA made
 * just now, the reference vendor with its function certificate registering a visit through its
 * driver, and the exchanges in the simulator's journal answered OK. Without its certificate the
 * same vendor gets no answer and tells its user why.
 */
class SharedModeVendorTest {

    private static final String PASSWORD = "vendor-test";
    private static final Clock VENDOR_CLOCK = Clock.fixed(TestSimulator.TODAY.atTime(9, 0).atZone(ReferenceVendor.SWEDEN).toInstant(),
            ReferenceVendor.SWEDEN);

    @Test
    void theVendorRegistersAVisitWithItsFunctionCertificate(@TempDir Path dir) {
        TestCa ca = TestCa.create("Conformance Test CA", Validity.days(2));
        ca.save(dir, PASSWORD.toCharArray());
        Path server = ca.issue(new ServerCertificate(List.of("localhost"), List.of("127.0.0.1")), Validity.days(2))
                .writeTo(dir, "server", PASSWORD.toCharArray());
        Path system = ca.issue(new FunctionCertificate("TSTNMT2321000156-REF1", "Referenskassan", null), Validity.days(2))
                .writeTo(dir, "TSTNMT2321000156-REF1", PASSWORD.toCharArray());
        Path trust = dir.resolve(TestCa.TRUST_STORE_FILE);

        try (Simulator sim = Simulator.builder().withPort(0).withInMemoryDatabase("vendor-tls-" + UUID.randomUUID())
                .withTls(TlsSettings.keyStore(server, PASSWORD).trustStore(trust, PASSWORD).requireClientCertificate(true)).start();
             ReferenceVendor vendor = ReferenceVendor.builder().withPort(0).withSimulatorUrl(sim.baseUrl())
                     .withClientCertificate(system, PASSWORD).withTrustStore(trust, PASSWORD)
                     .withClock(VENDOR_CLOCK).withCallTimeout(Duration.ofSeconds(20)).start();
             ReferenceVendor without = ReferenceVendor.builder().withPort(0).withSimulatorUrl(sim.baseUrl())
                     .withTrustStore(trust, PASSWORD).withClock(VENDOR_CLOCK).withCallTimeout(Duration.ofSeconds(20)).start()) {
            sim.clock().setDate(TestSimulator.TODAY);

            JsonNode done = TestSimulator.ok(vendor, "efrikort.register-visit",
                    Map.of("patient", "19121212-1212", "date", TestSimulator.TODAY.toString(), "fee", "200"));
            assertThat(done.path("outcome").asText()).as(done.toString()).isEqualTo("done");
            assertThat(done.path("registered").asBoolean()).isTrue();
            sim.journal().flush();
            List<JournalEntry> entries = sim.journal().find(JournalQuery.all());
            assertThat(entries).extracting(JournalEntry::operation).containsExactly("GetCardForPerson", "RegisterTransaction");
            assertThat(entries).extracting(JournalEntry::resultCode).containsOnly("OK");

            JsonNode refused = TestSimulator.act(without, "efrikort.register-visit",
                    Map.of("patient", "19121212-1212", "date", TestSimulator.TODAY.toString(), "fee", "200")).json();
            assertThat(refused.toString()).contains("Klientcertifikat saknas");
            sim.journal().flush();
            assertThat(sim.journal().find(JournalQuery.all())).hasSize(2);
        }
    }
}
