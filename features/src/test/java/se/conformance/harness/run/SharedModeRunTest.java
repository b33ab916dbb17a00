package se.conformance.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.conformance.simulator.Simulator;
import se.conformance.vendor.ReferenceVendor;

/**
 * {@code bin/conformance run} against a simulator in shared mode (HTTPS, client certificates
 * required), the reference vendor and the harness each with its own function certificate from a
 * test CA made just now ({@link DemoPki}): the run passes over mutual TLS; a profile whose TLS
 * set-up the simulator refuses, or that names a missing file, stops before the run.
 */
class SharedModeRunTest {

    @TempDir
    static Path pkiDir;

    private static DemoPki pki;
    private static Simulator simulator;
    private static ReferenceVendor vendor;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pki = DemoPki.create(pkiDir);
        simulator = Simulator.builder().withPort(0).withInMemoryDatabase("shared-" + UUID.randomUUID())
                .withTls(pki.simulator()).start();
        vendor = ReferenceVendor.builder().withPort(0).withSimulatorUrl(simulator.baseUrl())
                .withClientCertificate(pki.vendorKeyStore(), DemoPki.PASSWORD).withTrustStore(pki.trustStore(), DemoPki.PASSWORD)
                .withCallTimeout(Duration.ofSeconds(5)).start();
    }

    @AfterAll
    static void stop() {
        if (vendor != null) vendor.close();
        if (simulator != null) simulator.close();
    }

    private static Cli cli(String... args) {
        return Cli.run(args);
    }

    @Test
    void theWholeChecklistReachesNivå5OverMutualTls() {
        // demo --tls: its own simulator, CA and certificates; every item, so the harness's set-up calls
        // (certified as the harness) must be told apart from the vendor's and every region it seeds
        // must admit the vendor's certified system
        Cli c = cli("demo", "--tls", "--no-html", "--out", dir.toString());
        assertThat(c.exit()).as(c.all()).isZero();
        assertThat(c.all()).contains("delat läge: klientcertifikat krävs").contains("reached Nivå 5 of target Nivå 5");
    }

    private Path profile(String tls) throws IOException {
        ConformanceCommandTest.copyResource("reference/attestations.yaml", dir.resolve("attestations.yaml"));
        ConformanceCommandTest.copyResource("reference/losningsbeskrivning.md", dir.resolve("losningsbeskrivning.md"));
        Path p = dir.resolve("profile.yaml");
        Files.writeString(p, String.join("\n",
                "system: Testkassan",
                "version: 0.9.0",
                "targetLevel: 2",
                "change: [new-system]",
                "capabilities: [{service: efrikort, role: client, contracts: [GetCardForPerson, RegisterTransaction]}]",
                "endpoints: {driver: '" + vendor.driverUrl() + "'}",
                "simulator: {url: '" + simulator.baseUrl() + "', tls: " + tls + "}",
                "attestations: attestations.yaml",
                "documents: {DOC-SOL-001: losningsbeskrivning.md}") + "\n");
        return p;
    }

    @Test
    void aRunOverMutualTlsReachesItsTarget() throws IOException {
        Path p = profile("{keyStore: '" + pkiDir.resolve("harness.p12") + "', trustStore: '" + pki.trustStore() + "'}");
        Cli r = cli("run", "--profile", p.toString(), "--out", dir.resolve("out").toString(), "--no-html");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.all()).contains("simulatorn https://127.0.0.1:").contains("RESULTAT: godkänd");
    }

    @Test
    void aHarnessWithoutItsCertificateIsStoppedBeforeTheRun() throws IOException {
        Path p = profile("{trustStore: '" + pki.trustStore() + "'}");
        Cli r = cli("run", "--profile", p.toString(), "--out", dir.resolve("out").toString(), "--no-html");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.all().trim()).startsWith("HARNESSFEL: simulatorn på " + simulator.baseUrl()
                + " vägrar harnessens anrop (HTTP 403)");
    }

    @Test
    void aMissingKeyStoreIsABadProfile() throws IOException {
        Path p = profile("{keyStore: nowhere.p12, trustStore: '" + pki.trustStore() + "'}");
        Cli r = cli("run", "--profile", p.toString(), "--out", dir.resolve("out").toString(), "--no-html");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.all()).contains("HARNESSFEL: felaktig profil:").contains("simulator.tls:").contains("nowhere.p12 does not exist");
    }
}
