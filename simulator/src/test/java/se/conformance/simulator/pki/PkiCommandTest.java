package se.conformance.simulator.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.conformance.simulator.SimulatorMain;

/** {@code simulator pki …} as an operator runs it: the files it writes are the ones the simulator and clients load. */
class PkiCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new SimulatorMain()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void initIssueAndJudge() throws Exception {
        String d = dir.toString();
        assertThat(run("pki", "init", "--dir", d)).isZero();
        assertThat(out.toString()).contains("test CA: C=SE,O=Conformance test environment,CN=Conformance Test CA");
        assertThat(run("pki", "issue-system", "--hsa-id", "TSTNMT2321000156-K001", "--name", "Kassasystem AB", "--dir", d)).isZero();
        assertThat(out.toString()).contains("issued: C=SE,CN=Kassasystem AB,SERIALNUMBER=TSTNMT2321000156-K001");
        assertThat(run("pki", "issue-system", "--hsa-id", "TSTNMT2321000156-K001", "--name", "Kassasystem AB",
                "--not-before", "2020-01-01", "--not-after", "2021-01-01", "--out", "expired", "--dir", d)).isZero();
        assertThat(run("pki", "issue-server", "--dns", "localhost", "--ip", "127.0.0.1", "--dir", d)).isZero();
        assertThat(dir.resolve("server.p12")).exists();
        assertThat(dir.resolve("server.key.pem")).exists();

        ClientCertificates judge = new ClientCertificates(TlsStores.load(dir.resolve("truststore.p12"), "changeit".toCharArray()));
        assertThat(judge.verify(chain(dir.resolve("TSTNMT2321000156-K001.p12")), Instant.now()))
                .isEqualTo(new ClientCertificates.Verdict.Accepted("TSTNMT2321000156-K001",
                        "C=SE,CN=Kassasystem AB,SERIALNUMBER=TSTNMT2321000156-K001"));
        assertThat(judge.verify(chain(dir.resolve("expired.p12")), Instant.now()))
                .isInstanceOfSatisfying(ClientCertificates.Verdict.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(ClientCertificates.Reason.EXPIRED));
        X509Certificate server = chain(dir.resolve("server.p12"))[0];
        assertThat(server.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1)))).containsExactly("localhost", "127.0.0.1");
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void refusesWhatWouldDoHarm() {
        String d = dir.toString();
        assertThat(run("pki", "issue-system", "--hsa-id", "TSTNMT2321000156-K001", "--name", "X", "--dir", d)).isEqualTo(1);
        assertThat(err.toString()).contains("no test CA in").contains("pki init --dir");
        assertThat(run("pki", "init", "--dir", d)).isZero();
        assertThat(run("pki", "init", "--dir", d)).as("a second init would silently distrust every certificate issued").isEqualTo(1);
        assertThat(err.toString()).contains("--force replaces it");
        assertThat(run("pki", "issue-system", "--hsa-id", "191212121212", "--name", "X", "--dir", d)).isEqualTo(1);
        assertThat(err.toString()).contains("'191212121212' is not an HSA-id");
        assertThat(run("pki", "issue-system", "--name", "X", "--dir", d)).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--hsa-id");
    }

    private static X509Certificate[] chain(Path p12) throws Exception {
        KeyStore ks = TlsStores.load(p12, "changeit".toCharArray());
        String alias = ks.aliases().nextElement();
        return Arrays.stream(ks.getCertificateChain(alias)).map(c -> (X509Certificate) c).toArray(X509Certificate[]::new);
    }
}
