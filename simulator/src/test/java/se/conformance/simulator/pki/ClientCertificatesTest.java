package se.conformance.simulator.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.conformance.simulator.pki.ClientCertificates.Reason;
import se.conformance.simulator.pki.ClientCertificates.Verdict;
import se.conformance.simulator.pki.CertificateProfile.FunctionCertificate;

/** The judgement of a client certificate chain, case by case: who is accepted, and why the others are refused. */
class ClientCertificatesTest {

    private static final ClientCertificates JUDGE = new ClientCertificates(TestPki.CA.trustStore());

    static Stream<Arguments> chains() {
        TestCa sameName = TestCa.create("Conformance Test CA", Validity.days(30)); // same DN as the trusted one, other key
        IssuedCertificate future = TestPki.CA.issue(new FunctionCertificate(TestPki.VENDOR_HSA_ID, "Kassasystem AB", null),
                Validity.between(LocalDate.now().plusYears(1), LocalDate.now().plusYears(2)));
        IssuedCertificate noHsaId = TestPki.CA.issue(new TestPki.OddProfile(new X500Name("C=SE,CN=Kassasystem AB"),
                KeyPurposeId.id_kp_clientAuth), Validity.days(1));
        IssuedCertificate notHsaId = TestPki.CA.issue(new TestPki.OddProfile(new X500Name("C=SE,CN=Kassasystem AB,SERIALNUMBER=191212121212"),
                KeyPurposeId.id_kp_clientAuth), Validity.days(1));
        return Stream.of(
                Arguments.of("function certificate of the test CA", chain(TestPki.VENDOR), null, TestPki.VENDOR_HSA_ID),
                Arguments.of("leaf alone, CA not sent along", new X509Certificate[] {TestPki.VENDOR.certificate()}, null,
                        TestPki.VENDOR_HSA_ID),
                Arguments.of("no certificate", new X509Certificate[0], Reason.NO_CERTIFICATE, "Klientcertifikat saknas"),
                Arguments.of("no chain at all", null, Reason.NO_CERTIFICATE, "Klientcertifikat saknas"),
                Arguments.of("expired", chain(TestPki.EXPIRED), Reason.EXPIRED, "gick ut 2021-01-01 23:59:59 UTC"),
                Arguments.of("not yet valid", chain(future), Reason.NOT_YET_VALID, "gäller först från"),
                Arguments.of("foreign CA", chain(TestPki.FOREIGN), Reason.UNTRUSTED_ISSUER, "CN=Some Other CA"),
                Arguments.of("foreign CA with the trusted CA's name",
                        chain(sameName.issue(new FunctionCertificate(TestPki.VENDOR_HSA_ID, "Kassasystem AB", null), Validity.days(1))),
                        Reason.UNTRUSTED_ISSUER, "inte utfärdat av en utfärdare som simulatorn litar på"),
                Arguments.of("server certificate used as client", chain(TestPki.SERVER), Reason.NOT_FOR_CLIENT_AUTHENTICATION,
                        "clientAuth saknas"),
                Arguments.of("no serialNumber", chain(noHsaId), Reason.NO_HSA_ID, "inget HSA-id i subject serialNumber"),
                Arguments.of("serialNumber is a personal identity number", chain(notHsaId), Reason.NO_HSA_ID,
                        "'191212121212' är inget HSA-id"));
    }

    private static X509Certificate[] chain(IssuedCertificate c) {
        return new X509Certificate[] {c.certificate(), c.issuer()};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void judges(String name, X509Certificate[] chain, Reason refusal, String expected) {
        Verdict v = JUDGE.verify(chain, Instant.now());
        if (refusal == null) {
            assertThat(v).isEqualTo(new Verdict.Accepted(expected, ClientCertificates.describe(chain[0])));
        } else {
            assertThat(v).isInstanceOfSatisfying(Verdict.Refused.class, r -> {
                assertThat(r.reason()).isEqualTo(refusal);
                assertThat(r.message()).contains(expected);
            });
        }
    }
}
