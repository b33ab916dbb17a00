package se.conformance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The load run's helpers only; the load itself is never run by the build. */
class HelpersTest {

    @Test
    void personnummerAreDistinctValidTwelveDigitNumbers() {
        assertThat(Personnummer.checkDigit("121212121")).isEqualTo(2); // 19121212-1212, the well-known test number
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < 50_000; i += 7) {
            String p = Personnummer.of(i);
            assertThat(p).matches("(19[5-8][0-9])[01][0-9][0-3][0-9][0-9]{4}");
            assertThat(Personnummer.luhnValid(p.substring(2))).as(p).isTrue();
            assertThat(seen.add(p)).as(p).isTrue();
        }
    }

    @Test
    void resultCodeIsReadWhateverThePrefix() {
        assertThat(Soap.resultCode("<a><ns2:result><ns2:resultCode>OK</ns2:resultCode></ns2:result></a>")).isEqualTo("OK");
        assertThat(Soap.resultCode("<result><resultCode>VALIDATION_ERROR</resultCode><resultText>x</resultText></result>"))
                .isEqualTo("VALIDATION_ERROR");
        assertThat(Soap.resultCode("<soap:Fault><faultcode>soap:Server</faultcode></soap:Fault>")).isNull();
        assertThat(Soap.performed("INFO")).isTrue();
        assertThat(Soap.performed("ERROR")).isFalse();
        assertThat(Soap.performed(null)).isFalse();
    }

    @Test
    void samplesEnvelopesAreVaried() {
        Soap soap = new Soap();
        String body = soap.registerTransactionBody("198001019807", java.time.LocalDate.of(2025, 5, 6), "100.0");
        assertThat(body).contains("<r:personId>198001019807</r:personId>", "<r:transactionDate>2025-05-06</r:transactionDate>",
                "<r:amount>100.0</r:amount>");
        assertThat(soap.getCardForPersonBody("198001019807")).contains("<r:personId>198001019807</r:personId>");
    }

    @Test
    void certificateEnvelopeGetsANewIdAndOnlyOkCounts() {
        Soap soap = new Soap();
        String root = "<t:root>TSTNMT2321000156-1077</t:root>";
        assertThat(soap.registerCertificateBody("abc-123"))
                .contains("<c:intygs-id>", root + "\n          <t:extension>abc-123</t:extension>")
                .doesNotContain("9f02dd2f-f57c-4a73-8190-2fe602bd6e2a")
                .contains("<t:extension>191212121212</t:extension>"); // the patient is left alone
        assertThat(soap.registerCertificateBody()).isNotEqualTo(soap.registerCertificateBody());
        assertThat(Soap.path(Soap.REGISTER_CERTIFICATE))
                .isEqualTo("/clinicalprocess/healthcond/certificate/RegisterCertificate/3/rivtabp21");
        assertThat(Soap.soapAction(Soap.REGISTER_CERTIFICATE))
                .isEqualTo("urn:riv:clinicalprocess:healthcond:certificate:RegisterCertificateResponder:3:RegisterCertificate");
        assertThat(Soap.resultCode("<ns3:result><ns3:resultCode>OK</ns3:resultCode></ns3:result>")).isEqualTo("OK");
        assertThat(Soap.certificateRegistered("OK")).isTrue();
        assertThat(Soap.certificateRegistered("INFO")).isFalse();
        assertThat(Soap.certificateRegistered("ERROR")).isFalse();
        assertThat(Soap.certificateRegistered(null)).isFalse();
    }

    @Test
    void percentilesOfTheHistogram() {
        Histogram h = new Histogram(ClosedLoop.HIGHEST_MICROS, 3);
        for (int i = 1; i <= 100; i++) h.recordValue(i * 1000L);
        assertThat(h.getValueAtPercentile(50) / 1000.0).isBetween(49.9, 50.1);
        assertThat(h.getValueAtPercentile(99) / 1000.0).isBetween(98.9, 99.1);
    }
}
