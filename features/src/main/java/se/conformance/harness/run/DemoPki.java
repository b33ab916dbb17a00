package se.conformance.harness.run;

import java.nio.file.Path;
import java.util.List;
import se.conformance.harness.simulator.SimulatorTls;
import se.conformance.simulator.pki.CertificateProfile.FunctionCertificate;
import se.conformance.simulator.pki.CertificateProfile.ServerCertificate;
import se.conformance.simulator.pki.TestCa;
import se.conformance.simulator.pki.TlsSettings;
import se.conformance.simulator.pki.Validity;

/**
 * {@code bin/conformance demo --tls}: a fresh test CA in a temporary directory, the simulator's
 * server certificate and function certificates for the reference vendor and for the harness.
 */
record DemoPki(Path dir) {

    static final String PASSWORD = TestCa.DEFAULT_PASSWORD;
    /** The reference vendor's system (Referenskassan). */
    static final String VENDOR_HSA_ID = "TSTNMT2321000156-REF1";
    /** The harness itself, for its set-up calls and the control API. */
    static final String HARNESS_HSA_ID = "TSTNMT2321000156-H001";

    static DemoPki create(Path dir) {
        TestCa ca = TestCa.create(TestCa.DEFAULT_NAME, Validity.days(1));
        ca.save(dir, PASSWORD.toCharArray());
        ca.issue(new ServerCertificate(List.of("localhost"), List.of("127.0.0.1")), Validity.days(1))
                .writeTo(dir, "server", PASSWORD.toCharArray());
        ca.issue(new FunctionCertificate(VENDOR_HSA_ID, "Referenskassan", "Exempelleverantören AB"), Validity.days(1))
                .writeTo(dir, "vendor", PASSWORD.toCharArray());
        ca.issue(new FunctionCertificate(HARNESS_HSA_ID, "Anslutningsharness", null), Validity.days(1))
                .writeTo(dir, "harness", PASSWORD.toCharArray());
        return new DemoPki(dir);
    }

    Path trustStore() {
        return dir.resolve(TestCa.TRUST_STORE_FILE);
    }

    Path vendorKeyStore() {
        return dir.resolve("vendor.p12");
    }

    TlsSettings simulator() {
        return TlsSettings.keyStore(dir.resolve("server.p12"), PASSWORD).trustStore(trustStore(), PASSWORD)
                .requireClientCertificate(true);
    }

    SimulatorTls harness() {
        return SimulatorTls.of(dir.resolve("harness.p12"), PASSWORD, trustStore(), PASSWORD);
    }
}
