package se.conformance.simulator.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.conformance.simulator.Simulator;
import se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed;
import se.conformance.simulator.pki.CertificateProfile.FunctionCertificate;
import se.conformance.simulator.support.SoapRequests;

/**
 * Certificates and authorization together, over real mutual TLS: the calling system is the one its
 * verified function certificate names, and a valid certificate of vendor B does not open vendor A's
 * care principal — not even when B's request declares A's HSA-id in the RIV-TA header.
 */
class SharedModeAuthorizationTest {

    private static final String VENDOR_B = "TSTNMT2321000156-K002";
    private static final String PERSON = "191212121212";
    private static final String PATH = "/efrikortService/%s/3/rivtabp21";

    private static Simulator sim;
    private static HttpClient vendorA;
    private static HttpClient vendorB;

    @BeforeAll
    static void start() throws Exception {
        // no withDeclaredCallerIdentity(false): requiring client certificates alone must switch the header off
        sim = Simulator.builder().withPort(0).withInMemoryDatabase("tls-authz" + UUID.randomUUID())
                .withTls(TestPki.sharedMode()).start();
        vendorA = TestPki.client(TestPki.VENDOR);
        vendorB = TestPki.client(TestPki.CA.issue(new FunctionCertificate(VENDOR_B, "Annan kassa", "Leverantör B AB"),
                Validity.days(2)));
        // the operator registers vendor B's system for Norrbotten only
        HttpResponse<String> put = vendorA.send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                        + "/control/seed/efrikort/calling-systems/" + VENDOR_B))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Annan kassa\",\"carePrincipalIds\":[\""
                        + JdbcEfrikortSeed.NORRBOTTEN + "\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isBetween(200, 204);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static XmlPath call(HttpClient client, SoapRequests request, String... headers) throws Exception {
        HttpResponse<String> r = TestPki.post(client, sim.baseUrl() + PATH.formatted(request.operation()), request.xml(),
                headers);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return XmlPath.from(r.body());
    }

    private static String resultCode(XmlPath answer) {
        return answer.getString("**.find { it.name() == 'resultCode' }");
    }

    @Test
    void vendorBsCertificateDoesNotOpenStockholmWhereOnlyVendorAIsRegistered() throws Exception {
        XmlPath registered = call(vendorA, SoapRequests.efrikort("RegisterTransaction").with("personId", PERSON));
        assertThat(resultCode(registered)).isEqualTo("OK");

        HttpResponse<String> raw = TestPki.post(vendorB, sim.baseUrl() + PATH.formatted("GetCardForPerson"),
                SoapRequests.efrikort("GetCardForPerson").with("personId", PERSON).xml());
        XmlPath refused = XmlPath.from(raw.body());
        assertThat(resultCode(refused)).isEqualTo("ACCESSDENIED");
        assertThat(refused.getString("**.find { it.name() == 'resultText' }"))
                .contains(VENDOR_B).contains(JdbcEfrikortSeed.STOCKHOLM);
        assertThat(raw.body()).as("nothing of vendor A's card in B's answer")
                .doesNotContain("amountToLimit").doesNotContain("cardSystemId");
    }

    @Test
    void aDeclaredHeaderCannotBorrowVendorAsRegistration() throws Exception {
        XmlPath answer = call(vendorB, SoapRequests.efrikort("GetCardForPerson").with("personId", PERSON),
                "x-rivta-original-serviceconsumer-hsaid", TestPki.VENDOR_HSA_ID);
        assertThat(resultCode(answer)).isEqualTo("ACCESSDENIED");
    }

    @Test
    void vendorBIsServedWhereItIsRegistered() throws Exception {
        XmlPath answer = call(vendorB, SoapRequests.efrikort("GetCardForPerson").with("personId", PERSON)
                .with("carePrincipalId", JdbcEfrikortSeed.NORRBOTTEN).with("LogicalAddress", JdbcEfrikortSeed.NORRBOTTEN));
        assertThat(resultCode(answer)).isEqualTo("OK");
    }

    @Test
    void theJournalNamesTheCertifiedSystemAsAnAuthenticatedCaller() throws Exception {
        call(vendorB, SoapRequests.efrikort("GetCardForPerson").with("personId", PERSON),
                "x-rivta-original-serviceconsumer-hsaid", TestPki.VENDOR_HSA_ID);
        HttpResponse<String> journal = vendorA.send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                + "/control/journal")).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<Map<String, Object>> entries = JsonPath.from(journal.body()).getList("entries");
        assertThat(entries).isNotEmpty();
        assertThat(entries).allSatisfy(e -> assertThat(e.get("callerKind")).isEqualTo("AUTHENTICATED"));
        assertThat(entries).anySatisfy(e -> assertThat(e.get("caller")).isEqualTo(VENDOR_B));
        assertThat(entries).noneSatisfy(e -> assertThat(e.get("caller")).isNull());
    }
}
