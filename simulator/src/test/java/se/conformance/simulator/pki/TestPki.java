package se.conformance.simulator.pki;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import se.conformance.simulator.pki.CertificateProfile.FunctionCertificate;
import se.conformance.simulator.pki.CertificateProfile.ServerCertificate;

/**
 * Certificates made by our own test CA when the tests run (once per JVM: RSA keys take a while),
 * and the HTTP client set-up the TLS tests use.
 */
public final class TestPki {

    public static final String PASSWORD = "test-secret";
    public static final String VENDOR_HSA_ID = "TSTNMT2321000156-REF1";

    public static final TestCa CA = TestCa.create("Conformance Test CA", Validity.days(30));
    public static final IssuedCertificate SERVER = CA.issue(new ServerCertificate(List.of("localhost"), List.of("127.0.0.1")),
            Validity.days(30));
    public static final IssuedCertificate VENDOR = CA.issue(new FunctionCertificate(VENDOR_HSA_ID, "Kassasystem AB", "Exempel AB"),
            Validity.days(30));
    public static final IssuedCertificate EXPIRED = CA.issue(new FunctionCertificate(VENDOR_HSA_ID, "Kassasystem AB", null),
            Validity.between(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)));
    /** A second CA nobody trusts. */
    public static final TestCa FOREIGN_CA = TestCa.create("Some Other CA", Validity.days(30));
    public static final IssuedCertificate FOREIGN = FOREIGN_CA.issue(
            new FunctionCertificate(VENDOR_HSA_ID, "Kassasystem AB", null), Validity.days(30));

    private TestPki() {}

    /** The simulator's settings in shared mode: our server certificate, trusting only {@link #CA}, client certificates required. */
    public static TlsSettings sharedMode() {
        return TlsSettings.keyStore(SERVER.keyStore("server", PASSWORD.toCharArray()), PASSWORD)
                .trustStore(CA.trustStore()).requireClientCertificate(true);
    }

    /** A client presenting {@code certificate} (null: none) and trusting {@link #CA} for the server. */
    public static HttpClient client(IssuedCertificate certificate) {
        KeyStore ks = certificate == null ? null : certificate.keyStore("client", PASSWORD.toCharArray());
        SSLContext ctx = TlsStores.clientContext(ks, PASSWORD.toCharArray(), CA.trustStore());
        return HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static HttpResponse<String> post(HttpClient client, String url, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/xml; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A deliberately odd profile: whatever subject and purpose the test needs, issued by a trusted CA. */
    public record OddProfile(X500Name subject, KeyPurposeId purpose) implements CertificateProfile {
        @Override
        public GeneralNames alternativeNames() {
            return null;
        }
    }
}
