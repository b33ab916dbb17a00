package se.conformance.simulator.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The person and care principal a request is about, as fault rules and the journal index them. */
class PayloadFieldsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "efrikort/GetCardForPerson.xml           | SE2321000016-39KJ | 191212121212",
        "efrikort/DeleteTransaction.xml          | SE2321000016-39KJ | -",
        "intyg/RegisterCertificate.xml           | -                 | 191212121212",
        "intyg/CreateDraftCertificate.xml        | -                 | 191212121212",
        "intyg/SendMessageToCare.xml             | -                 | 191212121212",
        "intyg/ListCertificatesForCare.xml       | -                 | 191212121212",
        "intyg/GetCertificateTypeInfo.xml        | -                 | -",
    })
    void requestsAreIndexedByCarePrincipalAndPerson(String example, String carePrincipal, String person)
            throws IOException {
        try (InputStream in = PayloadFieldsTest.class.getResourceAsStream("/soap/" + example)) {
            Map<String, String> fields = PayloadFields.of(in.readAllBytes());
            assertThat(fields.get(PayloadFields.CARE_PRINCIPAL_ID)).isEqualTo(carePrincipal);
            assertThat(fields.get(PayloadFields.PERSON_ID)).isEqualTo(person);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"not xml", "<a><b>", "''"})
    void unreadableBodiesIndexNothing(String body) {
        assertThat(PayloadFields.of(body.getBytes())).isEmpty();
    }
}
