package se.conformance.simulator.intyg.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static se.conformance.simulator.intyg.notification.NotificationDelivery.Verdict.DELIVERED;
import static se.conformance.simulator.intyg.notification.NotificationDelivery.Verdict.FAILED;
import static se.conformance.simulator.intyg.notification.NotificationDelivery.Verdict.RESEND;
import static se.conformance.simulator.intyg.notification.VendorAnswers.CORE;
import static se.conformance.simulator.intyg.notification.VendorAnswers.CSUFC;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.conformance.simulator.intyg.notification.NotificationDelivery.Verdict;
import se.conformance.simulator.intyg.notification.Reply.Kind;
import se.conformance.simulator.journal.Exchange.Validation;

/**
 * How an answer to CertificateStatusUpdateForCare is judged, and what Webcert does next (intyg.md §8),
 * as a table: HTTP status and body → kind, result code for the journal, validation of the answer,
 * a text the journal keeps, and the verdict.
 */
class ReplyTest {

    static Stream<Arguments> answers() {
        return Stream.of(
                arguments("OK", 200, VendorAnswers.ok(), Kind.OK, "OK", Validation.VALID, null, DELIVERED),
                arguments("INFO keeps its text", 200, VendorAnswers.info("Redan mottaget"), Kind.INFO, "INFO",
                        Validation.VALID, "Redan mottaget", DELIVERED),
                arguments("TECHNICAL_ERROR is resent", 200, VendorAnswers.error("TECHNICAL_ERROR", "Databasen svarar inte"),
                        Kind.ERROR, "ERROR:TECHNICAL_ERROR", Validation.VALID, "Databasen svarar inte", RESEND),
                arguments("VALIDATION_ERROR is final", 200, VendorAnswers.error("VALIDATION_ERROR", "Okänt intyg"),
                        Kind.ERROR, "ERROR:VALIDATION_ERROR", Validation.VALID, "Okänt intyg", FAILED),
                arguments("APPLICATION_ERROR is final", 200, VendorAnswers.error("APPLICATION_ERROR", "Nej"), Kind.ERROR,
                        "ERROR:APPLICATION_ERROR", Validation.VALID, "Nej", FAILED),
                arguments("REVOKED is final", 200, VendorAnswers.error("REVOKED", "Makulerat"), Kind.ERROR,
                        "ERROR:REVOKED", Validation.VALID, "Makulerat", FAILED),
                arguments("ERROR without errorId is final", 200, VendorAnswers.error(null, "Fel"), Kind.ERROR, "ERROR",
                        Validation.VALID, "Fel", FAILED),
                arguments("Unmarshalling Error fault is final", 500,
                        VendorAnswers.fault("Unmarshalling Error: cvc-complex-type.2.4.a: Invalid content"),
                        Kind.SOAP_FAULT, "SOAP_FAULT", Validation.NOT_CHECKED, "Unmarshalling Error: cvc-complex-type",
                        FAILED),
                arguments("Marshalling Error fault is final", 500, VendorAnswers.fault("Marshalling Error: null"),
                        Kind.SOAP_FAULT, "SOAP_FAULT", Validation.NOT_CHECKED, "Marshalling Error", FAILED),
                arguments("another fault is resent", 500, VendorAnswers.fault("java.lang.NullPointerException"),
                        Kind.SOAP_FAULT, "SOAP_FAULT", Validation.NOT_CHECKED, "NullPointerException", RESEND),
                arguments("a fault with HTTP 200 is a fault", 200, VendorAnswers.fault("Tillfälligt fel"), Kind.SOAP_FAULT,
                        "SOAP_FAULT", Validation.NOT_CHECKED, "Tillfälligt fel", RESEND),
                arguments("HTTP 503 from a proxy is resent", 503, "<html><body>Service Unavailable</body></html>",
                        Kind.HTTP_ERROR, "HTTP_ERROR", Validation.NOT_CHECKED, "HTTP 503: <html>", RESEND),
                arguments("HTTP 404 without a body is resent", 404, "", Kind.HTTP_ERROR, "HTTP_ERROR",
                        Validation.NOT_CHECKED, "HTTP 404: no body", RESEND),
                arguments("HTTP 500 with a non-fault envelope is resent", 500, VendorAnswers.ok(), Kind.HTTP_ERROR,
                        "HTTP_ERROR", Validation.NOT_CHECKED, "HTTP 500", RESEND),
                arguments("200 and not XML", 200, "Tack!", Kind.INVALID_RESPONSE, "INVALID_RESPONSE", Validation.INVALID,
                        "not XML", FAILED),
                arguments("200 and no body", 200, "", Kind.INVALID_RESPONSE, "INVALID_RESPONSE", Validation.INVALID,
                        "has no body", FAILED),
                arguments("200 and not SOAP", 200, "<result>OK</result>", Kind.INVALID_RESPONSE, "INVALID_RESPONSE",
                        Validation.INVALID, "root element is {}result, not the SOAP 1.1", FAILED),
                arguments("200 and SOAP 1.2", 200, "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\">"
                        + "<e:Body/></e:Envelope>", Kind.INVALID_RESPONSE, "INVALID_RESPONSE", Validation.INVALID,
                        "{http://www.w3.org/2003/05/soap-envelope}Envelope", FAILED),
                arguments("the response in another namespace", 200, VendorAnswers.envelope(
                        "<r:CertificateStatusUpdateForCareResponse xmlns:r=\"urn:riv:clinicalprocess:healthcond:certificate:"
                                + "CertificateStatusUpdateForCareResponder:2\" xmlns:c=\"" + CORE + "\"><r:result>"
                                + "<c:resultCode>OK</c:resultCode></r:result></r:CertificateStatusUpdateForCareResponse>"),
                        Kind.INVALID_RESPONSE, "INVALID_RESPONSE", Validation.INVALID,
                        "CertificateStatusUpdateForCareResponder:2}CertificateStatusUpdateForCareResponse; expected {"
                                + CSUFC + "}CertificateStatusUpdateForCareResponse", FAILED),
                arguments("another operation's response", 200, VendorAnswers.ok("RegisterCertificate"),
                        Kind.INVALID_RESPONSE, "INVALID_RESPONSE", Validation.INVALID, "RegisterCertificateResponse; expected",
                        FAILED),
                arguments("the result's children in no namespace", 200, VendorAnswers.envelope(
                        "<r:CertificateStatusUpdateForCareResponse xmlns:r=\"" + CSUFC + "\"><r:result>"
                                + "<resultCode>OK</resultCode></r:result></r:CertificateStatusUpdateForCareResponse>"),
                        Kind.INVALID_RESPONSE, "INVALID_RESPONSE", Validation.INVALID, "does not validate", FAILED),
                arguments("Intygstjänsten's order quirk: errorId before resultText", 200, VendorAnswers.result(
                        "CertificateStatusUpdateForCare", "<c:resultCode>ERROR</c:resultCode><c:errorId>TECHNICAL_ERROR"
                                + "</c:errorId><c:resultText>Fel</c:resultText>"),
                        Kind.INVALID_RESPONSE, "INVALID_RESPONSE", Validation.INVALID, "does not validate", FAILED),
                arguments("an unknown result code", 200, VendorAnswers.result("CertificateStatusUpdateForCare",
                        "<c:resultCode>DONE</c:resultCode>"), Kind.INVALID_RESPONSE, "INVALID_RESPONSE",
                        Validation.INVALID, "DONE", FAILED),
                arguments("two elements in the body", 200, VendorAnswers.envelope("<a/><b/>"), Kind.INVALID_RESPONSE,
                        "INVALID_RESPONSE", Validation.INVALID, "soap:Body holds 2 elements", FAILED),
                arguments("a DOCTYPE is not read", 200, "<!DOCTYPE x [<!ENTITY e \"e\">]>" + VendorAnswers.ok(),
                        Kind.INVALID_RESPONSE, "INVALID_RESPONSE", Validation.INVALID, "not XML", FAILED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void answersAreJudgedAsWebcertDoes(String name, int status, String body, Kind kind, String resultCode,
            Validation validation, String text, Verdict verdict) {
        Reply reply = Reply.read(OutboundOperation.CERTIFICATE_STATUS_UPDATE_FOR_CARE, status,
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.kind()).isEqualTo(kind);
        assertThat(reply.resultCode()).isEqualTo(resultCode);
        assertThat(reply.validation()).isEqualTo(validation);
        if (text == null) assertThat(reply.text()).isNull();
        else assertThat(reply.text()).contains(text);
        assertThat(NotificationDelivery.verdict(reply)).isEqualTo(verdict);
    }

    static Stream<Arguments> transport() {
        return Stream.of(arguments(Kind.TIMEOUT, RESEND), arguments(Kind.CONNECTION_ERROR, RESEND),
                arguments(Kind.NOT_SENT, FAILED));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("transport")
    void noAnswer(Kind kind, Verdict verdict) {
        Reply reply = Reply.transport(kind, "why");
        assertThat(NotificationDelivery.verdict(reply)).isEqualTo(verdict);
        assertThat(reply.resultCode()).isEqualTo(kind.name());
        assertThat(reply.validation()).isEqualTo(Validation.NOT_CHECKED);
    }
}
