package se.conformance.simulator.intyg.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static se.conformance.simulator.intyg.notification.IntygDomain.TOLVAN;
import static se.conformance.simulator.intyg.notification.IntygFixtures.DOCTOR;
import static se.conformance.simulator.intyg.notification.IntygFixtures.PROVIDER;
import static se.conformance.simulator.intyg.notification.IntygFixtures.UNIT;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;
import se.conformance.simulator.intyg.ErrorId;
import se.conformance.simulator.intyg.IntygCommands;
import se.conformance.simulator.intyg.IntygCommands.IntygId;
import se.conformance.simulator.intyg.Outcome;
import se.conformance.simulator.intyg.ResultCode;
import se.conformance.simulator.intyg.seed.JdbcIntygSeed;
import se.conformance.simulator.intyg.store.InboxRecipientGateway;
import se.conformance.simulator.intyg.store.RecipientInbox;
import se.conformance.simulator.journal.JournalEntry;
import se.conformance.simulator.soap.SoapEnvelope;
import se.conformance.simulator.support.TestDatabase;

/**
 * Intygstjänsten delivering to a recipient whose vendor registered an endpoint (a WireMock server):
 * RegisterCertificate, RevokeCertificate and SendMessageToRecipient over HTTP, refusals, the journal, and
 * the simulated recipient for everyone else. On H2, and on PostgreSQL when {@code SIM_TEST_PG_URL} is set.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Engine.class)
class HttpRecipientGatewayTest {

    private static final String FKASSA = JdbcIntygSeed.FKASSA;
    private static final String PATH = "/fk/intyg";
    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final LocalDateTime SENT = LocalDateTime.of(2025, 3, 10, 7, 45);

    private static WireMockServer vendor;
    private static IntygDomain domain;

    @Parameter
    TestDatabase.Engine engine;

    @BeforeAll
    static void startVendor() {
        vendor = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        vendor.start();
    }

    @AfterAll
    static void stopVendor() {
        vendor.stop();
    }

    @BeforeParameterizedClassInvocation
    static void openDomain(TestDatabase.Engine engine) {
        domain = new IntygDomain(engine, d -> new HttpRecipientGateway(new InboxRecipientGateway(d.inbox, d.clock),
                d.journal, d.clock, DeliverySettings.forRecipients().withTimeouts(TIMEOUT, TIMEOUT)));
    }

    @AfterParameterizedClassInvocation
    static void closeDomain() {
        if (domain != null) domain.close();
        domain = null;
    }

    @BeforeEach
    void reset() {
        vendor.resetAll();
        domain.reset();
        domain.seed.registerRecipientEndpoint(FKASSA, "http://127.0.0.1:" + vendor.port() + PATH);
    }

    private static void answer(ResponseDefinitionBuilder response) {
        vendor.resetMappings();
        vendor.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder soap(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(body);
    }

    private static List<LoggedRequest> received() {
        return vendor.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    private static String registered(IntygCommands.MessageRef svarPa) {
        String id = UUID.randomUUID().toString();
        IntygDomain.ok(domain.service.registerCertificate(IntygDomain.registration(id, UNIT, svarPa)));
        return id;
    }

    private static Outcome<Void> send(String id) {
        return domain.service.sendCertificateToRecipient(new IntygCommands.SendCertificateToRecipient(SENT,
                new IntygId(UNIT, id), TOLVAN, FKASSA, DOCTOR, null));
    }

    private static Element payload(LoggedRequest call, OutboundOperation operation) {
        assertThat(call.getHeader("SOAPAction")).isEqualTo("\"" + operation.soapAction() + "\"");
        assertThat(Xml.violations(operation, call.getBodyAsString())).isEmpty();
        SoapEnvelope envelope = Xml.envelope(call.getBodyAsString());
        assertThat(envelope.logicalAddress()).isEqualTo(FKASSA);
        return envelope.payload();
    }

    @Test
    void aSentCertificateIsRegisteredAtTheRecipientsEndpoint() {
        answer(soap(VendorAnswers.ok("RegisterCertificate")));
        String id = registered(new IntygCommands.MessageRef("fraga-1", "fk-ref-1"));

        IntygDomain.ok(send(id));

        assertThat(received()).hasSize(1);
        Element request = payload(received().get(0), OutboundOperation.REGISTER_CERTIFICATE);
        assertThat(Xml.text(request, "svarPa", "meddelande-id")).isEqualTo("fraga-1");
        assertThat(Xml.text(request, "svarPa", "referens-id")).isEqualTo("fk-ref-1");
        String expected = "<x:intyg xmlns:x=\"" + IntygFixtures.RC_NS + "\" xmlns:c=\"" + VendorAnswers.CORE + "\""
                + " xmlns:t=\"urn:riv:clinicalprocess:healthcond:certificate:types:3\""
                + " xmlns:m1=\"urn:riv:clinicalprocess:healthcond:certificate:3.2\">" + IntygFixtures.content(id, UNIT)
                + "</x:intyg>";
        Diff diff = DiffBuilder.compare(Input.fromString(expected)).withTest(Input.fromNode(Xml.at(request, "intyg")))
                .ignoreWhitespace().checkForSimilar().build();
        assertThat(diff.hasDifferences()).as("the certificate as registered: %s", diff).isFalse();

        assertThat(domain.inbox.received(FKASSA)).singleElement()
                .satisfies(e -> assertThat(e.operation()).isEqualTo(RecipientInbox.Operation.RegisterCertificate));
        JournalEntry entry = domain.journal("RegisterCertificate").get(0);
        assertThat(entry.direction()).isEqualTo("OUTBOUND");
        assertThat(entry.caller()).isEqualTo("simulator");
        assertThat(entry.logicalAddress()).isEqualTo(FKASSA);
        assertThat(entry.personId()).isEqualTo(TOLVAN);
        assertThat(entry.carePrincipalId()).isEqualTo(PROVIDER);
        assertThat(entry.resultCode()).isEqualTo("OK");
        assertThat(entry.validation()).isEqualTo("VALID");
        assertThat(entry.validationText()).isEqualTo("to http://127.0.0.1:" + vendor.port() + PATH + ": OK; accepted");
        assertThat(entry.requestBody()).isEqualTo(received().get(0).getBodyAsString());
    }

    @Test
    void aRefusalMeansTheCertificateWasNotSent() {
        answer(soap(VendorAnswers.error("RegisterCertificate", "VALIDATION_ERROR", "Okänd mottagare")));
        String id = registered(null);

        Outcome<Void> refused = send(id);

        assertThat(refused.resultCode()).isEqualTo(ResultCode.ERROR);
        assertThat(refused.errorId()).isEqualTo(ErrorId.TECHNICAL_ERROR);
        assertThat(refused.resultText()).isEqualTo("Certificate '" + id + "' couldn't be sent to recipient");
        assertThat(domain.inbox.received(FKASSA)).isEmpty();
        assertThat(domain.journal("RegisterCertificate")).singleElement().satisfies(e -> {
            assertThat(e.resultCode()).isEqualTo("ERROR:VALIDATION_ERROR");
            assertThat(e.validationText()).endsWith(": ERROR:VALIDATION_ERROR «Okänd mottagare»; refused");
        });

        answer(soap(VendorAnswers.ok("RegisterCertificate")));
        IntygDomain.ok(send(id)); // not "already sent": the refused send left nothing behind
        assertThat(received()).hasSize(2);
    }

    private static Arguments row(String name, Supplier<ResponseDefinitionBuilder> response, String resultCode) {
        return arguments(name, response, resultCode);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                row("timeout", () -> soap(VendorAnswers.ok("RegisterCertificate")).withFixedDelay(1500), "TIMEOUT"),
                row("connection reset", () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "CONNECTION_ERROR"),
                row("fault", () -> soap(VendorAnswers.fault("Nere")), "SOAP_FAULT"),
                row("CertificateStatusUpdateForCare's response", () -> soap(VendorAnswers.ok()), "INVALID_RESPONSE"),
                row("HTTP 502", () -> aResponse().withStatus(502), "HTTP_ERROR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void noValidAcceptanceIsARefusal(String name, Supplier<ResponseDefinitionBuilder> response, String resultCode) {
        answer(response.get());
        String id = registered(null);

        assertThat(send(id).errorId()).isEqualTo(ErrorId.TECHNICAL_ERROR);

        assertThat(domain.inbox.received(FKASSA)).isEmpty();
        assertThat(domain.journal("RegisterCertificate")).singleElement()
                .satisfies(e -> assertThat(e.resultCode()).isEqualTo(resultCode));
    }

    @Test
    void aRevocationIsForwardedWithTheRevokerAtTheIssuingUnit() {
        answer(soap(VendorAnswers.ok("RegisterCertificate")));
        String id = registered(null);
        IntygDomain.ok(send(id));
        vendor.resetAll();
        answer(soap(VendorAnswers.ok("RevokeCertificate")));

        IntygDomain.ok(domain.service.revokeCertificate(new IntygCommands.RevokeCertificate("Fel patient", SENT,
                new IntygId(UNIT, id), TOLVAN, JdbcIntygSeed.OTHER_DOCTOR)));

        Element request = payload(received().get(0), OutboundOperation.REVOKE_CERTIFICATE);
        assertThat(Xml.text(request, "meddelande")).isEqualTo("Fel patient");
        assertThat(Xml.text(request, "skickatTidpunkt")).isEqualTo("2025-03-10T07:45:00");
        assertThat(Xml.text(request, "intygs-id", "root")).isEqualTo(UNIT);
        assertThat(Xml.text(request, "intygs-id", "extension")).isEqualTo(id);
        assertThat(Xml.text(request, "patientPerson-id", "root")).isEqualTo("1.2.752.129.2.1.3.1");
        assertThat(Xml.text(request, "patientPerson-id", "extension")).isEqualTo(TOLVAN);
        Element skickatAv = Xml.at(request, "skickatAv");
        assertThat(Xml.text(skickatAv, "personal-id", "extension")).isEqualTo(JdbcIntygSeed.OTHER_DOCTOR);
        assertThat(Xml.text(skickatAv, "fullstandigtNamn")).isEqualTo("Beata Doktor");
        assertThat(Xml.childNames(skickatAv)).as("the issuer's codes are not the revoker's")
                .containsExactly("personal-id", "fullstandigtNamn", "enhet");
        assertThat(Xml.text(skickatAv, "enhet", "enhets-id", "extension")).isEqualTo(UNIT);
        assertThat(domain.inbox.received(FKASSA)).hasSize(2);
        assertThat(domain.journal("RevokeCertificate")).singleElement()
                .satisfies(e -> assertThat(e.resultCode()).isEqualTo("OK"));
    }

    @Test
    void aMessageFromCareIsForwarded() {
        answer(soap(VendorAnswers.ok("RegisterCertificate")));
        String id = registered(null);
        IntygDomain.ok(send(id));
        vendor.resetAll();
        answer(soap(VendorAnswers.ok("SendMessageToRecipient")));

        Outcome<String> sent = domain.service.careSendsMessage(new IntygCommands.CareMessage(id, DOCTOR, "KONTKT",
                "Kontakt", "Ring mig", null));

        IntygDomain.ok(sent);
        Element request = payload(received().get(0), OutboundOperation.SEND_MESSAGE_TO_RECIPIENT);
        assertThat(Xml.text(request, "meddelande-id")).isEqualTo(sent.value());
        assertThat(Xml.text(request, "logiskAdressMottagare")).isEqualTo(FKASSA);
        assertThat(Xml.text(request, "amne", "code")).isEqualTo("KONTKT");
        assertThat(Xml.text(request, "amne", "codeSystem")).isEqualTo("ffa59d8f-8d7e-46ae-ac9e-31804e8e8499");
        assertThat(Xml.text(request, "rubrik")).isEqualTo("Kontakt");
        assertThat(Xml.text(request, "meddelande")).isEqualTo("Ring mig");
        assertThat(Xml.text(request, "skickatTidpunkt")).isEqualTo("2025-03-10T08:00:00");
        assertThat(Xml.text(request, "skickatAv", "personal-id", "extension")).isEqualTo(DOCTOR);
        assertThat(Xml.text(request, "skickatAv", "forskrivarkod")).as("the issuer keeps hers").isEqualTo("1234567");
        assertThat(Xml.at(request, "svarPa")).isNull();
        assertThat(domain.journal("SendMessageToRecipient")).singleElement()
                .satisfies(e -> assertThat(e.resultCode()).isEqualTo("OK"));
    }

    @Test
    void aRecipientWithoutEndpointIsTheSimulatedOne() {
        domain.seed.registerRecipientEndpoint(FKASSA, null);
        String id = registered(null);

        IntygDomain.ok(send(id));

        assertThat(received()).isEmpty();
        assertThat(domain.inbox.received(FKASSA)).hasSize(1);
        assertThat(domain.journal("RegisterCertificate")).isEmpty();
    }
}
