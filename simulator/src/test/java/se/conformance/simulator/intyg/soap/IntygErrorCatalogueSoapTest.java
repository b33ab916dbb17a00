package se.conformance.simulator.intyg.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.intyg.soap.IntygRequest.EXAMPLE_ID;
import static se.conformance.simulator.intyg.soap.IntygRequest.EXAMPLE_PATIENT;
import static se.conformance.simulator.intyg.soap.IntygRequest.example;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.conformance.simulator.intyg.seed.JdbcIntygSeed;
import se.conformance.simulator.intyg.soap.IntygSoapClient.Fault;
import se.conformance.simulator.intyg.soap.IntygSoapClient.Reply;

/**
 * The real services' error catalogue (intyg.md §9.1 Intygstjänsten, §9.2 Webcert's CreateDraftCertificate)
 * over SOAP against a running simulator: every listed situation, set up through SOAP (or the control API,
 * for the population register, the type list and journal destruction), is answered with its resultCode, errorId and text word for word — or its SOAP fault —
 * in a schema-valid response.
 */
class IntygErrorCatalogueSoapTest {

    private static final String UNIT = JdbcIntygSeed.UNIT;
    /** A valid personnummer the population register does not know. */
    private static final String UNKNOWN_PERSON = personnummer("19550307258");

    private static IntygSoapClient client;

    @BeforeAll
    static void start() {
        client = new IntygSoapClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @BeforeEach
    void reset() {
        client.resetAt(LocalDate.of(2025, 3, 10));
    }

    /** Title, the exchange (set-up steps run first), and the expected code, errorId and text. */
    static Stream<Arguments> results() {
        return Stream.of(
            // --- §9.1 RegisterCertificate
            row("RegisterCertificate: unknown type", () -> register().replace("<t:code>LISJP</t:code>",
                    "<t:code>LISXX</t:code>"),
                    "ERROR", "VALIDATION_ERROR", "Certificate with type: LISXX does not support version: 1.3"),
            row("RegisterCertificate: unsupported version", () -> register().with("version", "9.1"),
                    "ERROR", "VALIDATION_ERROR", "Certificate with type: LISJP does not support version: 9.1"),
            row("RegisterCertificate: person-id not a personnummer", () -> register()
                    .replace(EXAMPLE_PATIENT, "191212121213"),
                    "ERROR", "VALIDATION_ERROR", "Social security number is not of correct format."),
            row("RegisterCertificate: person not in PU", () -> register().replace(EXAMPLE_PATIENT, UNKNOWN_PERSON),
                    "ERROR", "VALIDATION_ERROR", "No person exists in PU Service with the social security number"),
            row("RegisterCertificate: PU unavailable", () -> {
                client.puSwitches(Map.of("unreachable", true));
                return register();
            }, "ERROR", "TECHNICAL_ERROR", "Error calling PU Service to validate social security number"),
            row("RegisterCertificate: same id, same patient", () -> {
                client.ok(register());
                return register();
            }, "INFO", null, "Certificate already exists"),
            row("RegisterCertificate: same id, another patient", () -> {
                client.ok(register());
                return register().replace(EXAMPLE_PATIENT, JdbcIntygSeed.OTHER_PERSON);
            }, "ERROR", "VALIDATION_ERROR", "Certificate already exists"),
            row("RegisterCertificate: stored", IntygErrorCatalogueSoapTest::register, "OK", null, null),
            // --- §9.1 SendCertificateToRecipient
            row("SendCertificateToRecipient: unknown certificate", () -> example("SendCertificateToRecipient"),
                    "ERROR", "APPLICATION_ERROR", "Unknown certificate ID: " + EXAMPLE_ID),
            row("SendCertificateToRecipient: wrong patient", () -> {
                client.ok(register());
                return example("SendCertificateToRecipient").replace(EXAMPLE_PATIENT, JdbcIntygSeed.OTHER_PERSON);
            }, "ERROR", "APPLICATION_ERROR", "Unknown certificate ID: " + EXAMPLE_ID),
            row("SendCertificateToRecipient: revoked", () -> {
                client.ok(register());
                client.ok(example("RevokeCertificate"));
                return example("SendCertificateToRecipient");
            }, "INFO", null, "Certificate '" + EXAMPLE_ID + "' has been revoked."),
            row("SendCertificateToRecipient: already sent", () -> {
                client.ok(register());
                client.ok(example("SendCertificateToRecipient"));
                return example("SendCertificateToRecipient");
            }, "INFO", null, "Certificate '" + EXAMPLE_ID + "' already sent to 'FKASSA'."),
            row("SendCertificateToRecipient: unknown recipient", () -> {
                client.ok(register());
                return example("SendCertificateToRecipient").replace("<t:code>FKASSA</t:code>", "<t:code>SKV</t:code>");
            }, "ERROR", "TECHNICAL_ERROR", "Certificate '" + EXAMPLE_ID + "' couldn't be sent to recipient"),
            row("SendCertificateToRecipient: test certificate", () -> {
                client.ok(register().replace(EXAMPLE_PATIENT, JdbcIntygSeed.TEST_PERSON));
                return example("SendCertificateToRecipient").replace(EXAMPLE_PATIENT, JdbcIntygSeed.TEST_PERSON);
            }, "ERROR", "VALIDATION_ERROR", "Certificate '" + EXAMPLE_ID
                    + "' couldn't be sent to recipient because it is a test certificate"),
            // --- §9.1 RevokeCertificate
            row("RevokeCertificate: unknown for the patient", () -> example("RevokeCertificate"),
                    "ERROR", "APPLICATION_ERROR", "Certificate " + EXAMPLE_ID + " does not exist for patient."),
            row("RevokeCertificate: already revoked", () -> {
                client.ok(register());
                client.ok(example("RevokeCertificate"));
                return example("RevokeCertificate");
            }, "INFO", null, "Certificate " + EXAMPLE_ID + " is already revoked."),
            // --- §9.1 SetCertificateStatus
            row("SetCertificateStatus: unknown id", () -> example("SetCertificateStatus"),
                    "ERROR", "VALIDATION_ERROR", "Certificate with id " + EXAMPLE_ID + " is invalid or does not exist"),
            row("SetCertificateStatus: unknown part", () -> {
                client.ok(register());
                return example("SetCertificateStatus").replace("<t:code>FKASSA</t:code>", "<t:code>XPART</t:code>");
            }, "ERROR", "VALIDATION_ERROR", "Unknown part: XPART"),
            row("SetCertificateStatus: SENT on a test certificate", () -> {
                client.ok(register().replace(EXAMPLE_PATIENT, JdbcIntygSeed.TEST_PERSON));
                return example("SetCertificateStatus");
            }, "ERROR", "VALIDATION_ERROR", "Cannot set the certificate to SENT as it is flagged as a test certificate"),
            row("SetCertificateStatus: unknown status", () -> {
                client.ok(register());
                return example("SetCertificateStatus").replace("<t:code>SENTTO</t:code>", "<t:code>BORTA</t:code>");
            }, "ERROR", "VALIDATION_ERROR", "Unknown status: BORTA"),
            // --- §7.4 SendMessageToCare through Intygstjänsten, Webcert as the care side
            row("SendMessageToCare: unknown certificate", () -> example("SendMessageToCare"),
                    "ERROR", "VALIDATION_ERROR", "Validation of SendMessageToCare failed for message with question id "
                            + "6c1f1f5e-2f0b-4b7e-9a57-3e1d2c9a0b11 and certificate id " + EXAMPLE_ID
                            + ". [CERTIFICATE_NOT_FOUND_ERROR: certificate " + EXAMPLE_ID + " does not exist]"),
            row("SendMessageToCare: Webcert takes a duplicate as INFO", () -> {
                client.ok(register());
                IntygRequest toWebcert = example("SendMessageToCare").with("LogicalAddress", UNIT);
                client.ok(toWebcert);
                return example("SendMessageToCare").with("LogicalAddress", UNIT);
            }, "INFO", null, "This message has already been received."),
            // --- §7.5 SendMessageToRecipient
            row("SendMessageToRecipient: unknown certificate", () -> example("SendMessageToRecipient"),
                    "ERROR", "APPLICATION_ERROR", "Intyg does not exist"),
            row("SendMessageToRecipient: certificate not sent", () -> {
                client.ok(register());
                return example("SendMessageToRecipient");
            }, "ERROR", "VALIDATION_ERROR", "[Certificate is not sent to recipient]"),
            // --- §9.2 CreateDraftCertificate
            row("CreateDraftCertificate: no medarbetaruppdrag", () -> example("CreateDraftCertificate")
                    .replace("TSTNMT2321000156-1079", JdbcIntygSeed.USER_WITHOUT_MIU),
                    "ERROR", "VALIDATION_ERROR", "No valid MIU was found for person " + JdbcIntygSeed.USER_WITHOUT_MIU
                            + " on unit " + UNIT + ", can not create draft!"),
            row("CreateDraftCertificate: missing names, listed together", () -> example("CreateDraftCertificate")
                    .with("efternamn", "").with("fornamn", " "),
                    "ERROR", "VALIDATION_ERROR", "efternamn is required, At least one fornamn is required"),
            row("CreateDraftCertificate: missing physician's name", () -> example("CreateDraftCertificate")
                    .with("fullstandigtNamn", ""),
                    "ERROR", "VALIDATION_ERROR", "Physicians full name is required"),
            row("CreateDraftCertificate: missing unit name", () -> example("CreateDraftCertificate")
                    .with("enhetsnamn", ""),
                    "ERROR", "VALIDATION_ERROR", "enhetsnamn is required"),
            row("CreateDraftCertificate: unknown type", () -> example("CreateDraftCertificate")
                    .replace("<t:code>LISJP</t:code>", "<t:code>LISXX</t:code>"),
                    "ERROR", "APPLICATION_ERROR", "Intyg LISXX is not supported"),
            row("CreateDraftCertificate: deprecated type", () -> {
                client.deprecate("LISJP");
                return example("CreateDraftCertificate");
            }, "ERROR", "APPLICATION_ERROR", "Intyg of type LISJP has been deprecated and is no longer possible to issue."),
            row("CreateDraftCertificate: PU unreachable", () -> {
                client.puSwitches(Map.of("unreachable", true));
                return example("CreateDraftCertificate");
            }, "ERROR", "APPLICATION_ERROR", "Cannot issue intyg. The PU-service was unreachable. Please try again later."),
            row("CreateDraftCertificate: person not in PU", () -> example("CreateDraftCertificate")
                    .replace(EXAMPLE_PATIENT, UNKNOWN_PERSON),
                    "ERROR", "APPLICATION_ERROR", "Personnumret du har angivit finns inte i folkbokföringsregistret."),
            row("CreateDraftCertificate: protected identity", () -> example("CreateDraftCertificate")
                    .replace("<t:code>LISJP</t:code>", "<t:code>TSTRK1031</t:code>")
                    .replace(EXAMPLE_PATIENT, JdbcIntygSeed.PROTECTED_PERSON),
                    "ERROR", "APPLICATION_ERROR",
                    "Intygstypen TSTRK1031 kan inte utfärdas för patienter med skyddade personuppgifter."),
            row("CreateDraftCertificate: deceased patient", () -> example("CreateDraftCertificate")
                    .replace(EXAMPLE_PATIENT, JdbcIntygSeed.DECEASED_PERSON),
                    "ERROR", "APPLICATION_ERROR", "Intygstypen LISJP kan inte utfärdas för avlidna patienter."),
            row("CreateDraftCertificate: created", () -> example("CreateDraftCertificate"), "OK", null, null)
        );
    }

    /** Title, the exchange (set-up steps run first) and the expected fault text (§9.1, §3.2: faults, no ResultType). */
    static Stream<Arguments> faults() {
        return Stream.of(
            row("GetCertificate: unknown id", () -> example("GetCertificate"),
                    "Certificate with id " + EXAMPLE_ID + " is invalid or does not exist"),
            row("GetCertificate: erased with its care provider", () -> {
                client.ok(register());
                client.erase(JdbcIntygSeed.PROVIDER);
                return example("GetCertificate");
            }, "Certificate with id " + EXAMPLE_ID + " is deleted from intygstjansten"),
            row("GetCertificate: a test certificate asked by another part than care", () -> {
                client.ok(register().replace(EXAMPLE_PATIENT, JdbcIntygSeed.TEST_PERSON));
                return example("GetCertificate").replace("<t:code>HSVARD</t:code>", "<t:code>FKASSA</t:code>");
            }, "Certificate with id " + EXAMPLE_ID + " is invalid or does not exist"),
            row("GetCertificateTypeInfo: unknown id", () -> example("GetCertificateTypeInfo"),
                    "Failed to get certificate's type. Certificate with id " + EXAMPLE_ID + " is invalid or does not exist"),
            row("ListCertificatesForCare: person-id not a personnummer", () -> example("ListCertificatesForCare")
                    .replace(EXAMPLE_PATIENT, "191212121213"),
                    "Social security number is not of correct format."),
            row("ListSickLeavesForCare: negative maxDagarMellanIntyg", () -> example("ListSickLeavesForCare")
                    .with("maxDagarMellanIntyg", "-1"),
                    "maxDagarMellanIntyg must not be negative")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("results")
    void everySituationIsAnsweredWithItsCodeErrorIdAndText(String title, Supplier<IntygRequest> exchange, String code,
            String errorId, String text) {
        Reply reply = client.call(exchange.get()); // HTTP 200, schema-valid

        assertThat(reply.code()).as(reply.body()).isEqualTo(code);
        assertThat(reply.errorId()).as(reply.body()).isEqualTo(errorId);
        assertThat(reply.text()).as(reply.body()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void everyFaultIsASoapServerFaultWithItsText(String title, Supplier<IntygRequest> exchange, String text) {
        Fault fault = client.fault(exchange.get());

        assertThat(fault.code()).isEqualTo("soap:Server");
        assertThat(fault.text()).isEqualTo(text);
    }

    @Test
    void aRevokedCertificateIsStillReturnedWithItsCancelStatus() {
        client.ok(register());
        client.ok(example("RevokeCertificate"));

        Reply reply = client.call(example("GetCertificate"));

        assertThat(reply.all("status")).extracting(s -> IntygSoapClient.first(s, "code"))
                .containsExactly("HSVARD", "RECEIV", "HSVARD", "CANCEL");
    }

    @Test
    void theCitizenListSaysWhyItRefusesInItsResult() {
        Reply reply = client.call(example("ListCertificatesForCitizen").replace(EXAMPLE_PATIENT, "191212121213"));

        assertThat(List.of(reply.code(), reply.errorId(), reply.text()))
                .containsExactly("ERROR", "VALIDATION_ERROR", "Social security number is not of correct format.");
        assertThat(reply.all("intygsLista")).as("the list the schema requires, empty").hasSize(1);
        assertThat(reply.all("intyg")).isEmpty();
    }

    // ---- requests ----------------------------------------------------------------------------------

    private static IntygRequest register() {
        return example("RegisterCertificate");
    }

    private static Arguments row(String title, Supplier<IntygRequest> exchange, Object... expected) {
        Object[] args = new Object[expected.length + 2];
        args[0] = title;
        args[1] = exchange;
        System.arraycopy(expected, 0, args, 2, expected.length);
        return Arguments.of(args);
    }

    /** A personnummer from its first eleven digits (YYYYMMDDNNN), the check digit computed with the Luhn rule. */
    static String personnummer(String yyyymmddnnn) {
        String nine = yyyymmddnnn.substring(2);
        int sum = 0;
        for (int i = 0; i < nine.length(); i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d / 10 + d % 10;
        }
        return yyyymmddnnn + (10 - sum % 10) % 10;
    }
}
