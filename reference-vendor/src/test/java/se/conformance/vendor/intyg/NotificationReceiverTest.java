package se.conformance.vendor.intyg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import se.conformance.vendor.ReferenceVendor;
import se.conformance.vendor.TestSimulator;
import se.conformance.vendor.TestSimulator.Response;
import se.conformance.vendor.defect.Defect;

/** The CertificateStatusUpdateForCare producer (INT-NOT-*, INT-QA-002) and its three defects. */
class NotificationReceiverTest {

    static final String EXAMPLE_ID = "9f02dd2f-f57c-4a73-8190-2fe602bd6e2a";
    ReferenceVendor vendor;

    @BeforeEach
    void start() {
        vendor = ReferenceVendor.builder().withPort(0).withSimulatorUrl("http://127.0.0.1:9").start();
    }

    @AfterEach
    void stop() {
        vendor.stop();
    }

    static String example() {
        try {
            return Files.readString(Path.of("../docs/examples/intyg/CertificateStatusUpdateForCare.xml"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The example notification with this certificate, event code, subject (null: none) and time. */
    static String notification(String certificateId, String code, String amne, String tidpunkt) {
        String xml = example().replace(EXAMPLE_ID, certificateId)
                .replace("<t:code>NYFRFM</t:code>", "<t:code>" + code + "</t:code>")
                .replace("2025-03-05T10:15:31.120", tidpunkt);
        if (amne == null) {
            xml = xml.replaceAll("(?s)<c:amne>.*?</c:amne>\\s*<c:sistaDatumForSvar>[^<]*</c:sistaDatumForSvar>", "");
        } else {
            xml = xml.replace("<t:code>KOMPLT</t:code>", "<t:code>" + amne + "</t:code>");
        }
        return xml;
    }

    Response post(String xml) {
        return TestSimulator.send("POST", vendor.notificationUrl(), xml);
    }

    static Element payload(String soap) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(soap.getBytes(StandardCharsets.UTF_8)));
        Node body = d.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").item(0);
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("empty body: " + soap);
    }

    static String resultCode(String soap) throws Exception {
        return payload(soap).getElementsByTagNameNS("*", "resultCode").item(0).getTextContent();
    }

    static boolean schemaValid(String soap) throws Exception {
        Schema s = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(NotificationReceiver.class.getResource(NotificationReceiver.SCHEMA));
        try {
            s.newValidator().validate(new DOMSource(payload(soap)));
            return true;
        } catch (org.xml.sax.SAXException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0} is answered OK, schema-valid")
    @ValueSource(strings = {"SKAPAT", "ANDRAT", "KFSIGN", "SIGNAT", "SKICKA", "RADERA", "MAKULE", "NYFRFM", "NYSVFM",
            "NYFRFV", "HANFRFM", "HANFRFV"})
    void everyEventCodeIsAnsweredOkWithASchemaValidResponse(String code) throws Exception {
        String id = UUID.randomUUID().toString();
        Response r = post(notification(id, code, "NYFRFM".equals(code) ? "KOMPLT" : null, "2025-03-05T10:15:31.120"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(resultCode(r.body())).isEqualTo("OK");
        assertThat(schemaValid(r.body())).as(r.body()).isTrue();
        assertThat(payload(r.body()).getNamespaceURI()).isEqualTo(NotificationReceiver.RESPONDER);
        assertThat(vendor.state().notifications(id)).extracting(VendorState_code()).containsExactly(code);
    }

    private static java.util.function.Function<se.conformance.vendor.VendorState.Notification, String> VendorState_code() {
        return se.conformance.vendor.VendorState.Notification::code;
    }

    @Test
    void anIncompleteDraftOutOfOrderAndADuplicateAreAnsweredOkAndRememberedOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        String draft = notification(id, "SKAPAT", null, "2025-03-05T10:00:00.000")
                .replaceAll("(?s)<c:svar id=.*?</c:svar>\\s*", "")
                .replaceAll("<c:signeringstidpunkt>[^<]*</c:signeringstidpunkt>\\s*<c:skickatTidpunkt>[^<]*</c:skickatTidpunkt>", "");
        assertThat(draft).doesNotContain("<c:svar");
        assertThat(resultCode(post(draft).body())).isEqualTo("OK");
        assertThat(resultCode(post(notification(id, "SIGNAT", null, "2025-03-05T10:02:00.000")).body())).isEqualTo("OK");
        assertThat(resultCode(post(notification(id, "KFSIGN", null, "2025-03-05T10:01:00.000")).body())).isEqualTo("OK");
        String again = notification(id, "SIGNAT", null, "2025-03-05T10:02:00.000");
        Response dup = post(again);
        assertThat(resultCode(dup.body())).isIn("OK", "INFO");
        assertThat(vendor.state().notifications(id)).hasSize(3);
    }

    @Test
    void aMalformedCallIsRefused() throws Exception {
        String invalid = notification(UUID.randomUUID().toString(), "SKAPAT", null, "2025-03-05T10:00:00.000")
                .replaceAll("(?s)<r:skickadeFragor>.*?</r:skickadeFragor>", "");
        Response r = post(invalid);
        assertThat(r.status()).isEqualTo(200);
        assertThat(resultCode(r.body())).isEqualTo("ERROR");
        assertThat(payload(r.body()).getElementsByTagNameNS("*", "errorId").item(0).getTextContent())
                .isEqualTo("VALIDATION_ERROR");
        Response notXml = post("this is not xml");
        assertThat(notXml.status()).isEqualTo(500);
        assertThat(notXml.body()).contains("faultstring");
    }

    @Test
    void aReminderIsShownInSwedish() {
        String id = UUID.randomUUID().toString();
        post(notification(id, "NYFRFM", "PAMINN", "2025-03-06T09:00:00.000"));
        var answer = TestSimulator.ok(vendor, "intyg.shown-notifications", Map.of("certificateId", id));
        assertThat(answer.path("events").get(0).path("code").asText()).isEqualTo("NYFRFM");
        assertThat(answer.path("events").get(0).path("shown").asText()).startsWith("Påminnelse");
        assertThat(answer.path("shown").asText()).contains("Påminnelse");
    }

    @Test
    void technicalErrorOnDuplicateAnswersTechnicalErrorOnlyToADuplicate() throws Exception {
        vendor.stop();
        vendor = ReferenceVendor.builder().withPort(0).withDefect(Defect.TECHNICAL_ERROR_ON_DUPLICATE).start();
        String n = notification(UUID.randomUUID().toString(), "SKAPAT", null, "2025-03-05T10:00:00.000");
        assertThat(resultCode(post(n).body())).isEqualTo("OK");
        Response dup = post(n);
        assertThat(resultCode(dup.body())).isEqualTo("ERROR");
        assertThat(dup.body()).contains("TECHNICAL_ERROR");
    }

    @Test
    void slowNotificationAnswerAnswersAfterThreeSeconds() throws Exception {
        vendor.stop();
        vendor = ReferenceVendor.builder().withPort(0).withDefect(Defect.SLOW_NOTIFICATION_ANSWER).start();
        long t0 = System.nanoTime();
        Response r = post(notification(UUID.randomUUID().toString(), "SKAPAT", null, "2025-03-05T10:00:00.000"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(2900));
        assertThat(resultCode(r.body())).isEqualTo("OK");
    }

    @Test
    void aCorrectAnswerComesWellWithinTwoSeconds() throws Exception {
        long t0 = System.nanoTime();
        Response r = post(notification(UUID.randomUUID().toString(), "SKAPAT", null, "2025-03-05T10:00:00.000"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        assertThat(resultCode(r.body())).isEqualTo("OK");
    }

    @Test
    void resultInWrongNamespaceIsSchemaInvalidButReadableByLocalName() throws Exception {
        vendor.stop();
        vendor = ReferenceVendor.builder().withPort(0).withDefect(Defect.RESULT_IN_WRONG_NAMESPACE).start();
        Response r = post(notification(UUID.randomUUID().toString(), "SKAPAT", null, "2025-03-05T10:00:00.000"));
        assertThat(resultCode(r.body())).isEqualTo("OK");
        assertThat(schemaValid(r.body())).isFalse();
        Element result = (Element) payload(r.body()).getElementsByTagNameNS("*", "result").item(0);
        assertThat(result.getNamespaceURI()).isEqualTo(NotificationReceiver.CORE);
    }
}
