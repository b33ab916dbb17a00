package se.conformance.simulator.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.xml.XmlPath;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.conformance.simulator.Simulator;
import se.conformance.simulator.support.SoapRequests;

/**
 * The simulator in shared mode over real TLS on loopback, with certificates our test CA made
 * just now: a vendor system's function certificate gets its answer; no certificate, an expired
 * one and one from a foreign CA are refused with the specific reason, before anything is
 * journalled.
 */
class SharedModeTlsTest {

    private static Simulator sim;
    private static final String PATH = "/efrikortService/GetCardForPerson/3/rivtabp21";
    private static final String REQUEST = SoapRequests.efrikort("GetCardForPerson").xml();

    @BeforeAll
    static void start() {
        sim = Simulator.builder().withPort(0).withInMemoryDatabase("tls" + UUID.randomUUID()).withTls(TestPki.sharedMode()).start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void servesHttpsOnly() {
        assertThat(sim.baseUrl()).startsWith("https://127.0.0.1:");
        assertThat(sim.tls()).isTrue();
    }

    @Test
    void aVendorSystemWithItsFunctionCertificateGetsItsAnswer() throws Exception {
        HttpResponse<String> r = TestPki.post(TestPki.client(TestPki.VENDOR), sim.baseUrl() + PATH, REQUEST);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(XmlPath.from(r.body()).getString("**.find { it.name() == 'resultCode' }")).isEqualTo("OK");
    }

    @Test
    void noCertificateIsRefused() throws Exception {
        assertRefused(null, "NO_CERTIFICATE", "Klientcertifikat saknas");
    }

    @Test
    void anExpiredCertificateIsRefusedSayingWhenItExpired() throws Exception {
        assertRefused(TestPki.EXPIRED, "EXPIRED", "gick ut 2021-01-01 23:59:59 UTC");
    }

    @Test
    void aCertificateOfAForeignCaIsRefused() throws Exception {
        assertRefused(TestPki.FOREIGN, "UNTRUSTED_ISSUER", "(utfärdare: C=SE,O=Conformance test environment,CN=Some Other CA)");
    }

    @Test
    void theControlApiIsRefusedWithJson() throws Exception {
        HttpResponse<String> r = TestPki.client(null).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(sim.baseUrl() + "/control/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.body()).contains("\"reason\":\"NO_CERTIFICATE\"");
    }

    @Test
    void wireMocksAdminApiIsBehindTheSameGate() throws Exception {
        HttpResponse<String> r = TestPki.client(TestPki.FOREIGN).send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(sim.baseUrl() + "/__admin/mappings")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
    }

    private static void assertRefused(IssuedCertificate certificate, String reason, String message) throws Exception {
        long before = sim.journal().lastSeq();
        HttpClient client = TestPki.client(certificate);
        HttpResponse<String> r = TestPki.post(client, sim.baseUrl() + PATH, REQUEST);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue(ClientCertificates.REFUSAL_HEADER)).hasValue(reason);
        String fault = XmlPath.from(r.body()).getString("**.find { it.name() == 'faultstring' }");
        assertThat(fault).contains(message);
        System.out.println("refused (" + reason + "): " + fault);
        sim.journal().flush();
        assertThat(sim.journal().lastSeq()).as("a refused call never reaches the services or the journal").isEqualTo(before);
    }
}
