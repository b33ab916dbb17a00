package se.conformance.simulator.intyg.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static se.conformance.simulator.intyg.notification.IntygDomain.eventually;
import static se.conformance.simulator.intyg.notification.IntygFixtures.DOCTOR;
import static se.conformance.simulator.intyg.notification.IntygFixtures.OTHER_UNIT;
import static se.conformance.simulator.intyg.notification.IntygFixtures.PROVIDER;
import static se.conformance.simulator.intyg.notification.IntygFixtures.UNIT;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import se.conformance.simulator.intyg.Handelsekod;
import se.conformance.simulator.intyg.IntygCommands;
import se.conformance.simulator.intyg.store.NotificationOutbox.DeliveryState;
import se.conformance.simulator.intyg.store.NotificationOutbox.Notification;
import se.conformance.simulator.journal.JournalEntry;
import se.conformance.simulator.support.TestDatabase;

/**
 * The notification sender against a vendor's endpoint (a WireMock server), with events from the real
 * domain: what each answer leads to, the schedule on the simulated clock, the 30-delivery limit, the
 * request, the journal, ordering and the worker. On H2, and on PostgreSQL when {@code SIM_TEST_PG_URL} is set.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Engine.class)
class NotificationDeliveryTest {

    private static final String PATH = "/journal/certificate-status";
    private static final String OPERATION = "CertificateStatusUpdateForCare";
    // generous: a loaded 2-core CI machine has taken over 400 ms to answer a first call
    private static final Duration TIMEOUT = Duration.ofMillis(1000);

    private static WireMockServer vendor;
    private static IntygDomain domain;
    private NotificationDelivery delivery;

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
        domain = new IntygDomain(engine);
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
        domain.endpoints.register(UNIT, endpoint(PATH));
        delivery = sender(DeliverySettings.defaults().withTimeouts(TIMEOUT, TIMEOUT));
    }

    @AfterEach
    void closeSender() {
        delivery.close();
    }

    private static NotificationDelivery sender(DeliverySettings settings) {
        return new NotificationDelivery(domain.db, domain.clock, domain.journal, domain.outbox, domain.endpoints, settings);
    }

    private static String endpoint(String path) {
        return "http://127.0.0.1:" + vendor.port() + path;
    }

    private static void answer(ResponseDefinitionBuilder response) {
        vendor.resetMappings();
        vendor.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    private static ResponseDefinitionBuilder soap(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(body);
    }

    private static List<LoggedRequest> received() {
        return vendor.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    // --- one delivery -----------------------------------------------------------------------------

    @Test
    void aDeliveryIsOneSoapCallToTheUnitsEndpointAndOneJournalEntry() {
        answer(soap(200, VendorAnswers.ok()));
        String id = domain.createDraft(UNIT);

        assertThat(delivery.deliverDue()).isEqualTo(1);

        LoggedRequest call = received().get(0);
        assertThat(received()).hasSize(1);
        assertThat(call.getHeader("SOAPAction")).isEqualTo("\"urn:riv:clinicalprocess:healthcond:certificate:"
                + "CertificateStatusUpdateForCareResponder:3:CertificateStatusUpdateForCare\"");
        assertThat(call.getHeader("Content-Type")).startsWith("text/xml").contains("UTF-8");
        assertThat(Xml.envelope(call.getBodyAsString()).logicalAddress()).isEqualTo(UNIT);
        assertThat(Xml.violations(OutboundOperation.CERTIFICATE_STATUS_UPDATE_FOR_CARE, call.getBodyAsString())).isEmpty();

        Notification n = domain.only(id);
        assertThat(n.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(n.attempts()).isEqualTo(1);
        assertThat(n.finishedAt()).isEqualTo(domain.clock.now());
        assertThat(n.lastOutcome()).isEqualTo("OK; delivered");

        JournalEntry entry = domain.journal(OPERATION).get(0);
        assertThat(domain.journal(OPERATION)).hasSize(1);
        assertThat(entry.direction()).isEqualTo("OUTBOUND");
        assertThat(entry.service()).isEqualTo("intyg");
        assertThat(entry.caller()).isEqualTo("simulator");
        assertThat(entry.logicalAddress()).isEqualTo(UNIT);
        assertThat(entry.personId()).isEqualTo(IntygDomain.TOLVAN);
        assertThat(entry.carePrincipalId()).isEqualTo(PROVIDER);
        assertThat(entry.resultCode()).isEqualTo("OK");
        assertThat(entry.validation()).isEqualTo("VALID");
        assertThat(entry.validationText()).isEqualTo("attempt 1 of 30 to " + endpoint(PATH) + ": OK; delivered");
        assertThat(entry.faultText()).isNull();
        assertThat(entry.httpStatus()).isEqualTo(200);
        assertThat(entry.durationMillis()).isNotNull().isNotNegative();
        assertThat(entry.simulatedTime()).isEqualTo(domain.clock.now());
        assertThat(entry.requestBody()).isEqualTo(call.getBodyAsString());
        assertThat(entry.responseBody()).isEqualTo(VendorAnswers.ok());
        assertThat(call.getHeader("x-trace-id")).isEqualTo(entry.traceId());

        assertThat(delivery.deliverDue()).as("nothing is due any more").isZero();
    }

    private static Arguments row(String name, Supplier<ResponseDefinitionBuilder> response, DeliveryState state,
            String resultCode, String validation, String faultText) {
        return arguments(name, response, state, resultCode, validation, faultText);
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                row("OK", () -> soap(200, VendorAnswers.ok()), DeliveryState.DELIVERED, "OK", "VALID", null),
                row("INFO", () -> soap(200, VendorAnswers.info("Redan känt")), DeliveryState.DELIVERED, "INFO",
                        "VALID", null),
                row("ERROR TECHNICAL_ERROR", () -> soap(200, VendorAnswers.error("TECHNICAL_ERROR", "Försök igen")),
                        DeliveryState.PENDING, "ERROR:TECHNICAL_ERROR", "VALID", null),
                row("ERROR VALIDATION_ERROR", () -> soap(200, VendorAnswers.error("VALIDATION_ERROR", "Okänt")),
                        DeliveryState.FAILED, "ERROR:VALIDATION_ERROR", "VALID", null),
                row("fault Unmarshalling Error", () -> soap(500, VendorAnswers.fault("Unmarshalling Error: unexpected")),
                        DeliveryState.FAILED, "SOAP_FAULT", "NOT_CHECKED", "Unmarshalling Error: unexpected"),
                row("another fault", () -> soap(500, VendorAnswers.fault("Internal error")), DeliveryState.PENDING,
                        "SOAP_FAULT", "NOT_CHECKED", "Internal error"),
                row("HTTP 503", () -> aResponse().withStatus(503).withBody("Service Unavailable"),
                        DeliveryState.PENDING, "HTTP_ERROR", "NOT_CHECKED", "HTTP 503: Service Unavailable"),
                row("not a response", () -> soap(200, "<ok/>"), DeliveryState.FAILED, "INVALID_RESPONSE", "INVALID",
                        "the answer's root element is {}ok, not the SOAP 1.1 {" + VendorAnswers.SOAP + "}Envelope"),
                row("garbage", () -> soap(200, "\u0000\u0001garbage"), DeliveryState.FAILED, "INVALID_RESPONSE",
                        "INVALID", "the answer is not XML"),
                row("too slow", () -> soap(200, VendorAnswers.ok()).withFixedDelay(3000), DeliveryState.PENDING,
                        "TIMEOUT", "NOT_CHECKED", "within 1000 ms"),
                row("connection reset", () -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                        DeliveryState.PENDING, "CONNECTION_ERROR", "NOT_CHECKED", "connection failed"),
                row("empty answer", () -> aResponse().withFault(Fault.EMPTY_RESPONSE), DeliveryState.PENDING,
                        "CONNECTION_ERROR", "NOT_CHECKED", "connection failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void theAnswerDecidesWhatFollows(String name, Supplier<ResponseDefinitionBuilder> response, DeliveryState state,
            String resultCode, String validation, String faultText) {
        answer(response.get());
        String id = domain.createDraft(UNIT);
        Instant at = domain.clock.now();

        delivery.deliverDue();

        Notification n = domain.only(id);
        assertThat(n.state()).isEqualTo(state);
        assertThat(n.attempts()).isEqualTo(1);
        assertThat(n.lastOutcome()).startsWith(resultCode);
        if (state == DeliveryState.PENDING) {
            assertThat(n.nextAttemptAt()).isEqualTo(at.plus(Duration.ofMinutes(1)));
            assertThat(n.lastOutcome()).endsWith("; resend at " + at.plus(Duration.ofMinutes(1)) + " (after PT1M)");
        } else {
            assertThat(n.finishedAt()).isEqualTo(at);
        }
        JournalEntry entry = domain.journal(OPERATION).get(0);
        assertThat(entry.resultCode()).isEqualTo(resultCode);
        assertThat(entry.validation()).isEqualTo(validation);
        if (faultText == null) assertThat(entry.faultText()).isNull();
        else assertThat(entry.faultText()).contains(faultText);
        assertThat(entry.validationText()).startsWith("attempt 1 of 30 to " + endpoint(PATH));
    }

    @Test
    void anInfoTextIsKeptInTheJournal() {
        answer(soap(200, VendorAnswers.info("Intyget var redan känt")));
        domain.createDraft(UNIT);

        delivery.deliverDue();

        assertThat(domain.journal(OPERATION).get(0).validationText())
                .isEqualTo("attempt 1 of 30 to " + endpoint(PATH) + ": INFO «Intyget var redan känt»; delivered");
    }

    @Test
    void aRefusedConnectionIsResent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        domain.endpoints.register(UNIT, "http://127.0.0.1:" + closedPort + "/nobody");
        String id = domain.createDraft(UNIT);

        delivery.deliverDue();

        Notification n = domain.only(id);
        assertThat(n.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(n.lastOutcome()).startsWith("CONNECTION_ERROR connection refused or unreachable");
        assertThat(domain.journal(OPERATION).get(0).httpStatus()).isNull();
    }

    // --- the schedule ---------------------------------------------------------------------------------

    @Test
    void technicalErrorsAreResentOnTheScheduleAsTheClockMoves() {
        answer(soap(200, VendorAnswers.error("TECHNICAL_ERROR", "Försök igen")));
        String id = domain.createDraft(UNIT);
        assertThat(delivery.deliverDue()).isEqualTo(1);

        record Step(Duration advance, int deliveries) {}
        List<Step> steps = List.of(
                new Step(Duration.ZERO, 0),
                new Step(Duration.ofSeconds(59), 0),
                new Step(Duration.ofSeconds(1), 1), // 1 min after the first
                new Step(Duration.ofMinutes(4), 0),
                new Step(Duration.ofMinutes(1), 1), // 5 min after the second
                new Step(Duration.ofHours(1), 1),
                new Step(Duration.ofHours(6), 1),
                new Step(Duration.ofHours(12).minusSeconds(1), 0),
                new Step(Duration.ofSeconds(1), 1),
                new Step(Duration.ofDays(1), 1),
                new Step(Duration.ofDays(1), 1));
        for (Step step : steps) {
            domain.clock.advance(step.advance());
            assertThat(delivery.deliverDue()).as("after %s more", step.advance()).isEqualTo(step.deliveries());
        }
        Notification n = domain.only(id);
        assertThat(n.attempts()).isEqualTo(8);
        assertThat(n.nextAttemptAt()).isEqualTo(domain.clock.now().plus(Duration.ofDays(1)));
        List<JournalEntry> entries = domain.journal(OPERATION);
        assertThat(entries).hasSize(8).allSatisfy(e -> assertThat(e.resultCode()).isEqualTo("ERROR:TECHNICAL_ERROR"));
        assertThat(entries.get(7).validationText()).startsWith("attempt 8 of 30 to ")
                .endsWith(": ERROR:TECHNICAL_ERROR «Försök igen»; resend at " + n.nextAttemptAt() + " (after PT24H)");

        answer(soap(200, VendorAnswers.ok()));
        domain.clock.advance(Duration.ofDays(1));
        assertThat(delivery.deliverDue()).isEqualTo(1);
        assertThat(domain.only(id).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(received()).hasSize(9);
    }

    @Test
    void afterThirtyDeliveriesWithoutSuccessTheNotificationHasFailed() {
        answer(soap(500, VendorAnswers.fault("Tillfälligt fel")));
        String id = domain.createDraft(UNIT);

        int deliveries = 0;
        for (int day = 0; day < 40; day++) {
            deliveries += delivery.deliverDue();
            domain.clock.advance(Duration.ofDays(1));
        }

        assertThat(deliveries).isEqualTo(30);
        assertThat(received()).hasSize(30);
        Notification n = domain.only(id);
        assertThat(n.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(n.attempts()).isEqualTo(30);
        assertThat(n.lastOutcome()).isEqualTo("SOAP_FAULT Tillfälligt fel; failed: 30 deliveries made, the most the "
                + "schedule allows");
        List<JournalEntry> entries = domain.journal(OPERATION);
        assertThat(entries).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(entries.get(i).validationText()).startsWith("attempt " + (i + 1) + " of 30 to ");
        }
    }

    @Test
    void aShorterScheduleIsData() {
        answer(soap(200, VendorAnswers.error("TECHNICAL_ERROR", "Nej")));
        delivery.close();
        delivery = sender(DeliverySettings.defaults().withTimeouts(TIMEOUT, TIMEOUT)
                .withSchedule(RedeliverySchedule.parse("2#10:s")));
        String id = domain.createDraft(UNIT);

        delivery.deliverDue();
        assertThat(domain.only(id).nextAttemptAt()).isEqualTo(domain.clock.now().plusSeconds(10));
        domain.clock.advance(Duration.ofSeconds(10));
        delivery.deliverDue();

        assertThat(domain.only(id).state()).isEqualTo(DeliveryState.FAILED);
        assertThat(domain.journal(OPERATION).get(1).validationText()).startsWith("attempt 2 of 2 ");
    }

    // --- what is sent ------------------------------------------------------------------------------------

    @Test
    void everyEventIsAValidRequestWithItsOwnFields() {
        answer(soap(200, VendorAnswers.ok()));
        String id = domain.createDraft(UNIT);
        domain.sign(id, UNIT);
        domain.complementRequest(id);

        assertThat(delivery.deliverDue()).isEqualTo(3);

        List<LoggedRequest> calls = received();
        assertThat(calls).hasSize(3);
        for (LoggedRequest call : calls) {
            assertThat(Xml.violations(OutboundOperation.CERTIFICATE_STATUS_UPDATE_FOR_CARE, call.getBodyAsString()))
                    .isEmpty();
        }
        Element skapat = Xml.envelope(calls.get(0).getBodyAsString()).payload();
        Element signat = Xml.envelope(calls.get(1).getBodyAsString()).payload();
        Element fraga = Xml.envelope(calls.get(2).getBodyAsString()).payload();

        assertThat(Xml.text(skapat, "handelse", "handelsekod", "code")).isEqualTo("SKAPAT");
        assertThat(Xml.text(skapat, "intyg", "intygs-id", "extension")).isEqualTo(id);
        assertThat(Xml.text(skapat, "intyg", "skapadAv", "enhet", "arbetsplatskod", "extension"))
                .isEqualTo("TEMPORARY ARBETSPLATSKOD");
        assertThat(Xml.text(skapat, "handelse", "tidpunkt")).isEqualTo("2025-03-10T08:00:00.000");
        assertThat(Xml.text(skapat, "handelse", "hanteratAv", "extension")).isEqualTo(DOCTOR);
        assertThat(Xml.text(skapat, "hanteratAv", "extension")).isEqualTo(DOCTOR);
        assertThat(Xml.text(skapat, "ref")).isEqualTo("journal-ref-1");

        assertThat(Xml.text(signat, "handelse", "handelsekod", "code")).isEqualTo("SIGNAT");
        assertThat(Xml.text(signat, "intyg", "signeringstidpunkt")).isEqualTo("2025-03-10T07:30:00");
        assertThat(Xml.text(signat, "intyg", "skapadAv", "enhet", "arbetsplatskod", "extension")).isEqualTo("1234567890");
        assertThat(Xml.at(signat, "handelse", "amne")).isNull();
        assertThat(Xml.text(signat, "ref")).isEqualTo("journal-ref-1");

        assertThat(Xml.text(fraga, "handelse", "handelsekod", "code")).isEqualTo("NYFRFM");
        assertThat(Xml.text(fraga, "handelse", "amne", "code")).isEqualTo("KOMPLT");
        assertThat(Xml.text(fraga, "handelse", "sistaDatumForSvar")).isEqualTo("2025-03-24");
        assertThat(Xml.at(fraga, "handelse", "hanteratAv")).as("nobody in care caused it").isNull();
        assertThat(Xml.at(fraga, "hanteratAv")).isNull();
        assertThat(Xml.text(fraga, "mottagnaFragor", "totalt")).isEqualTo("1");
        assertThat(Xml.text(fraga, "mottagnaFragor", "ejBesvarade")).isEqualTo("1");
        assertThat(Xml.text(fraga, "skickadeFragor", "totalt")).isEqualTo("0");
        assertThat(Xml.text(fraga, "ref")).isEqualTo("journal-ref-1");
    }

    @Test
    void aRequestWeCannotMakeValidIsNotSentAndFails() {
        answer(soap(200, VendorAnswers.ok()));
        String id = domain.createDraft(UNIT);
        IntygDomain.ok(domain.service.updateDraft(new IntygCommands.UpdateDraft(id,
                IntygFixtures.draft().replaceAll("<c:patient>.*?</c:patient>", ""), DOCTOR)));

        delivery.deliverDue();

        assertThat(received()).as("only SKAPAT reached the vendor").hasSize(1);
        Notification andrat = domain.outbox.forCertificate(id).get(1);
        assertThat(andrat.code()).isEqualTo(Handelsekod.ANDRAT);
        assertThat(andrat.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(andrat.lastOutcome()).startsWith("NOT_SENT not sent: our CertificateStatusUpdateForCare request is "
                + "invalid: ").contains("patient");
        JournalEntry entry = domain.journal(OPERATION).get(1);
        assertThat(entry.resultCode()).isEqualTo("NOT_SENT");
        assertThat(entry.faultText()).contains("patient");
        assertThat(entry.requestBody()).as("what we would have sent").contains("ANDRAT");
        assertThat(entry.responseBody()).isNull();
    }

    // --- order and units ------------------------------------------------------------------------------

    @Test
    void theFirstDeliveriesOfACertificateFollowItsEvents() {
        answer(soap(200, VendorAnswers.ok()));
        String id = domain.createDraft(UNIT);
        IntygDomain.ok(domain.service.updateDraft(new IntygCommands.UpdateDraft(id, IntygFixtures.draft(), DOCTOR)));
        IntygDomain.ok(domain.service.markReadyToSign(new IntygCommands.CertificateAction(id, DOCTOR)));
        domain.sign(id, UNIT);
        IntygDomain.ok(domain.service.sendSigned(new IntygCommands.SendSigned(id, null, DOCTOR)));
        delivery.close();
        delivery = sender(DeliverySettings.defaults().withTimeouts(TIMEOUT, TIMEOUT).withThreads(8));

        assertThat(delivery.deliverDue()).isEqualTo(5);

        assertThat(received().stream().map(r -> Xml.text(Xml.envelope(r.getBodyAsString()).payload(), "handelse",
                "handelsekod", "code"))).containsExactly("SKAPAT", "ANDRAT", "KFSIGN", "SIGNAT", "SKICKA");
        assertThat(domain.journal(OPERATION).stream().map(e -> Xml.text(Xml.envelope(e.requestBody()).payload(),
                "handelse", "handelsekod", "code"))).containsExactly("SKAPAT", "ANDRAT", "KFSIGN", "SIGNAT", "SKICKA");
    }

    @Test
    void aSlowEndpointHoldsUpOnlyItsOwnUnit() {
        vendor.stubFor(post(urlEqualTo("/slow")).willReturn(soap(200, VendorAnswers.ok()).withFixedDelay(1000)));
        vendor.stubFor(post(urlEqualTo("/fast")).willReturn(soap(200, VendorAnswers.ok())));
        domain.endpoints.register(UNIT, endpoint("/slow"));
        domain.endpoints.register(OTHER_UNIT, endpoint("/fast"));
        List<String> slow = List.of(domain.createDraft(UNIT), domain.createDraft(UNIT), domain.createDraft(UNIT));
        String fast = domain.createDraft(OTHER_UNIT);
        delivery.close();
        delivery = sender(DeliverySettings.defaults().withTimeouts(TIMEOUT, Duration.ofSeconds(3)));

        CompletableFuture<Integer> all = CompletableFuture.supplyAsync(delivery::deliverDue);
        // the slow unit needs 3 s for its three; the fast one must not wait for them
        eventually(Duration.ofMillis(2500), () -> domain.only(fast).state() == DeliveryState.DELIVERED);

        assertThat(domain.only(slow.get(2)).state()).as("the slow unit's third is still waiting")
                .isEqualTo(DeliveryState.PENDING);
        assertThat(all.join()).isEqualTo(4);
        assertThat(slow).allSatisfy(id -> assertThat(domain.only(id).state()).isEqualTo(DeliveryState.DELIVERED));
    }

    @Test
    void aUnitWithoutEndpointWaitsForOne() {
        answer(soap(200, VendorAnswers.ok()));
        String waiting = domain.createDraft(OTHER_UNIT);
        domain.clock.advance(Duration.ofDays(3));

        assertThat(delivery.deliverDue()).isZero();
        assertThat(domain.only(waiting).attempts()).isZero();
        assertThat(domain.journal(OPERATION)).isEmpty();

        domain.endpoints.register(OTHER_UNIT, endpoint(PATH));
        assertThat(delivery.deliverDue()).isEqualTo(1);
        assertThat(domain.only(waiting).state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(domain.journal(OPERATION).get(0).logicalAddress()).isEqualTo(OTHER_UNIT);
    }

    // --- the worker ---------------------------------------------------------------------------------------

    @Test
    void theWorkerDeliversWhenWokenAndResendsWhenTheClockHasMoved() {
        answer(soap(200, VendorAnswers.error("TECHNICAL_ERROR", "Senare")));
        delivery.close();
        // a poll interval far beyond the test: only wake() makes the worker look
        delivery = sender(DeliverySettings.defaults().withTimeouts(TIMEOUT, TIMEOUT).withPollInterval(Duration.ofMinutes(5)));
        delivery.start();
        String id = domain.createDraft(UNIT);
        delivery.wake();
        eventually(Duration.ofSeconds(3), () -> domain.only(id).attempts() == 1);

        answer(soap(200, VendorAnswers.ok()));
        domain.clock.advance(Duration.ofMinutes(1));
        delivery.wake();
        eventually(Duration.ofSeconds(3), () -> domain.only(id).state() == DeliveryState.DELIVERED);
        assertThat(domain.only(id).attempts()).isEqualTo(2);
    }

    @Test
    void theWorkerPollsOnItsOwn() {
        answer(soap(200, VendorAnswers.ok()));
        delivery.close();
        delivery = sender(DeliverySettings.defaults().withTimeouts(TIMEOUT, TIMEOUT).withPollInterval(Duration.ofMillis(50)));
        delivery.start();

        String id = domain.createDraft(UNIT);

        eventually(Duration.ofSeconds(3), () -> domain.only(id).state() == DeliveryState.DELIVERED);
    }

    @Test
    void aClosedSenderDeliversNothing() {
        delivery.close();
        delivery.close(); // twice is fine

        assertThatThrownBy(delivery::deliverDue).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(delivery::start).isInstanceOf(IllegalStateException.class);
    }
}
