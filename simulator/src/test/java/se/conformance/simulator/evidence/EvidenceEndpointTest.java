package se.conformance.simulator.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.support.RunningSimulator;

/** {@code /control/evidence/**} over HTTP: the operator's signature and certificate, checked with BouncyCastle and openssl. */
class EvidenceEndpointTest {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final byte[] MANIFEST = ("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  summary.json\n")
            .getBytes(StandardCharsets.UTF_8);

    private static RunningSimulator sim;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        sim = new RunningSimulator();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Response sign(byte[] body) {
        return given().baseUri(sim.baseUrl()).contentType("application/octet-stream").body(body)
                .post("/control/evidence/signature");
    }

    private static X509Certificate certificate() throws Exception {
        Response r = given().baseUri(sim.baseUrl()).get("/control/evidence/certificate");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/x-pem-file");
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(r.asByteArray()));
    }

    @Test
    void theSignatureIsADetachedCmsOverTheBodyByTheOperatorsCertificate() throws Exception {
        Response r = sign(MANIFEST);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/pkcs7-signature");
        X509Certificate cert = certificate();
        assertThat(cert).isEqualTo(sim.simulator().operatorKey().certificate());
        assertThat(r.header("X-Operator-Certificate-SHA256")).isEqualTo(sim.simulator().operatorKey().fingerprint().replace(":", ""));

        CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(MANIFEST), r.asByteArray());
        assertThat(signed.isDetachedSignature()).isTrue();
        assertThat(signed.getCertificates().getMatches(null)).hasSize(1);
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))).isTrue();

        byte[] other = MANIFEST.clone();
        other[0] = 'a';
        CMSSignedData overOther = new CMSSignedData(new CMSProcessableByteArray(other), r.asByteArray());
        SignerInformation s2 = overOther.getSignerInfos().getSigners().iterator().next();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s2.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert)))
                .as("a changed manifest does not verify").isInstanceOf(org.bouncycastle.cms.CMSException.class);
    }

    /** What docs/trust-evidence.md tells an approver to run; skipped, visibly, without openssl. */
    @Test
    void opensslVerifiesTheSignatureWithTheOperatorCertificateAsTrustAnchor() throws Exception {
        assumeTrue(Files.isExecutable(OPENSSL), "skipped: /usr/bin/openssl is not installed");
        Path manifest = Files.write(dir.resolve("MANIFEST.sha256"), MANIFEST);
        Path sig = Files.write(dir.resolve("MANIFEST.sig"), sign(MANIFEST).asByteArray());
        Path pem = Files.writeString(dir.resolve("operator.pem"), sim.simulator().operatorKey().pem());

        String ok = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", sig.toString(), "-content",
                manifest.toString(), "-CAfile", pem.toString(), "-out", "/dev/null");
        assertThat(ok).contains("Verification successful");

        Files.writeString(manifest, "tampered", java.nio.file.StandardOpenOption.APPEND);
        String bad = openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", sig.toString(), "-content",
                manifest.toString(), "-CAfile", pem.toString(), "-out", "/dev/null");
        assertThat(bad).contains("Verification failure");
    }

    private String openssl(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = OPENSSL.toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("openssl " + String.join(" ", args) + " → exit " + p.exitValue() + ": " + out.strip());
        return out;
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "GET    | /control/evidence/signature   | 405 | use POST",
        "POST   | /control/evidence/certificate | 405 | use GET",
        "GET    | /control/evidence/nothing     | 404 | /control/evidence/nothing",
        "GET    | /control/evidence             | 404 | /control/evidence",
    })
    void wrongMethodsAndPathsAreRefusedNamingWhatIsWrong(String method, String path, int status, String message) {
        Response r = given().baseUri(sim.baseUrl()).request(method, path);

        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.jsonPath().getString("error")).contains(message);
    }

    @Test
    void anEmptyBodyOrOneLargerThanAManifestIsRefused() {
        Response empty = sign(new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.jsonPath().getString("error")).contains("body");

        Response huge = sign(new byte[EvidenceSigner.MAX_CONTENT_BYTES + 1]);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.jsonPath().getString("error")).as("the transport limit answers before the signer sees it").contains("exceeds the 1 MiB");
    }
}
