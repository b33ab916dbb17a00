package se.conformance.simulator.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.conformance.simulator.Simulator;
import se.conformance.simulator.SimulatorMain;

/** The operator's evidence-signing key: made, kept, loaded, refused with a clear reason. */
class OperatorKeyTest {

    private static final char[] PASSWORD = "test-password".toCharArray();

    @TempDir
    Path dir;

    @Test
    void aGeneratedKeyHasASelfDescribingSigningCertificate() throws Exception {
        OperatorKey key = OperatorKey.generate();
        X509Certificate cert = key.certificate();

        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=Simulator operator ")
                .contains("OU=Evidence signing").contains("O=Connection-approval simulator").contains("C=SE");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
        cert.verify(cert.getPublicKey()); // self-signed
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(cert.getKeyUsage()[1]).as("nonRepudiation").isTrue();
        assertThat(cert.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(key.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(key.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(key.pem()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(OperatorKey.generate().fingerprint()).as("each generated key is new").isNotEqualTo(key.fingerprint());
    }

    @Test
    void aKeyKeptInAFileIsTheSameKeyNextTimeAndOnlyItsOwnerCanReadIt() throws Exception {
        Path file = dir.resolve("data/operator-key.p12");

        OperatorKey first = OperatorKey.loadOrCreate(file, PASSWORD);
        OperatorKey again = OperatorKey.loadOrCreate(file, PASSWORD);

        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(again.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void aWrongPasswordAMissingFileAndAFileThatIsNotPkcs12AreRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("key.p12");
        OperatorKey.generate().save(file, PASSWORD);
        Path junk = Files.writeString(dir.resolve("junk.p12"), "not a key store");

        assertThatThrownBy(() -> OperatorKey.load(file, "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("wrong password");
        assertThatThrownBy(() -> OperatorKey.load(dir.resolve("none.p12"), PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none.p12").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> OperatorKey.load(junk, PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("junk.p12");
    }

    @Test
    void theSimulatorKeepsItsKeyInTheDataDirectoryAcrossRestarts() {
        Path data = dir.resolve("data");
        String first;
        try (Simulator sim = Simulator.builder().withPort(0).withDataDirectory(data).start()) {
            first = sim.operatorKey().fingerprint();
        }
        assertThat(data.resolve(OperatorKey.FILE_NAME)).isRegularFile();
        try (Simulator sim = Simulator.builder().withPort(0).withDataDirectory(data).start()) {
            assertThat(sim.operatorKey().fingerprint()).isEqualTo(first);
        }
        try (Simulator sim = Simulator.builder().withPort(0).withInMemoryDatabase("k" + UUID.randomUUID()).start()) {
            assertThat(sim.operatorKey().fingerprint()).as("in-memory: a key for this start").isNotEqualTo(first);
        }
    }

    @Test
    void theCommandLineRefusesAnOperatorKeyItCannotReadBeforeStarting() throws Exception {
        Path file = dir.resolve("operator.p12");
        OperatorKey.generate().save(file, PASSWORD);

        int exit = new CommandLine(new SimulatorMain()).execute("--port", "0", "--data", dir.resolve("data").toString(),
                "--operator-key", file.toString(), "--operator-key-password=wrong");

        assertThat(exit).isEqualTo(2);
        assertThat(dir.resolve("data")).as("no store opened").doesNotExist();
    }
}
