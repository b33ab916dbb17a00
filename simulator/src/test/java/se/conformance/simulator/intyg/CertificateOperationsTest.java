package se.conformance.simulator.intyg;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.DOCTOR;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.FKASSA;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.OTHER_PERSON;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.PROVIDER;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.SAMORDNING;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.TEST_PERSON;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.TOLVAN;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.TRANSP;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.UNIT;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.intyg.IntygCommands.GetCertificate;
import se.conformance.simulator.intyg.IntygCommands.IntygId;
import se.conformance.simulator.intyg.IntygCommands.RegisterCertificate;
import se.conformance.simulator.intyg.IntygCommands.SetCertificateStatus;
import se.conformance.simulator.intyg.IntygModel.CertificateView;
import se.conformance.simulator.intyg.IntygSeed.Person;
import se.conformance.simulator.intyg.IntygSeed.PuSwitches;
import se.conformance.simulator.intyg.status.CertificateStatus;
import se.conformance.simulator.intyg.status.StatusCode;
import se.conformance.simulator.intyg.store.RecipientInbox;

/** RegisterCertificate, GetCertificate, SendCertificateToRecipient, RevokeCertificate, SetCertificateStatus, GetCertificateTypeInfo. */
class CertificateOperationsTest extends IntygServiceTestBase {

    // --- RegisterCertificate ---------------------------------------------------------------------

    @Test
    void aRegisteredCertificateIsReceivedByCareAndKeepsItsXml() {
        String id = newId();
        assertOk(service.registerCertificate(lisjp(id, TOLVAN)));

        CertificateView view = get(id, "HSVARD");
        assertThat(view.xml()).isEqualTo(xml(id));
        assertThat(view.typeCode()).isEqualTo(LISJP);
        assertThat(view.typeVersion()).isEqualTo("1.3");
        assertThat(view.patientId()).isEqualTo(TOLVAN);
        assertThat(view.testCertificate()).isFalse();
        assertThat(view.revoked()).isFalse();
        assertThat(view.statuses()).containsExactly(new CertificateStatus(StatusCode.RECEIV, "HSVARD",
                TODAY.atTime(8, 0)));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "LISJP     | 2.0 | Certificate with type: LISJP does not support version: 2.0",
            "LISJP     | 1.4 | Certificate with type: LISJP does not support version: 1.4",
            "FK7263    | 1.0 | Certificate with type: FK7263 does not support version: 1.0",
            "TSTRK1031 | 1.0 | Certificate with type: TSTRK1031 does not support version: 1.0",
    })
    void anUnknownTypeOrVersionIsAValidationError(String type, String version, String text) {
        RegisterCertificate r = lisjp(newId(), TOLVAN);
        Outcome<Void> outcome = service.registerCertificate(new RegisterCertificate(r.id(), type, version, TOLVAN, UNIT,
                PROVIDER, DOCTOR, "Ajla Doktor", SIGNED, null, null, List.of(), null, "<x/>"));

        assertError(outcome, ErrorId.VALIDATION_ERROR, text);
    }

    @Test
    void typeRulesRunAfterTheTestPersonRegisterAndBeforeTheDuplicateCheck() {
        TypeRuleCheck broken = () -> "TEST: count(x) = 1, MSG: Regel bruten.";
        assertError(service.registerCertificate(lisjp(newId(), "197001011233"), broken), ErrorId.VALIDATION_ERROR,
                "No person exists in PU Service with the social security number");
        assertError(service.registerCertificate(lisjp(newId(), TOLVAN), broken), ErrorId.VALIDATION_ERROR,
                "TEST: count(x) = 1, MSG: Regel bruten.");
        RegisterCertificate stored = lisjp(newId(), TOLVAN);
        assertOk(service.registerCertificate(stored));
        assertError(service.registerCertificate(stored, broken), ErrorId.VALIDATION_ERROR,
                "TEST: count(x) = 1, MSG: Regel bruten.");
        assertThat(service.registerCertificate(stored, TypeRuleCheck.NONE).resultText()).isEqualTo("Certificate already exists");
    }

    @Test
    void aWholeNumberVersionIsItsDotZeroVersionAndEveryTsVersionIsKnown() {
        RegisterCertificate r = lisjp(newId(), TOLVAN);
        assertOk(service.registerCertificate(new RegisterCertificate(r.id(), LISJP, "1", TOLVAN, UNIT, PROVIDER, DOCTOR,
                "Ajla Doktor", SIGNED, null, null, List.of(), null, "<x/>")));
        assertThat(service.getCertificateTypeInfo(r.id().extension()).value().typeVersion()).isEqualTo("1.0");

        for (String version : List.of("2.6", "2.8", "3.0", "4.0", "4.1", "4.2")) {
            assertOk(service.registerCertificate(new RegisterCertificate(new IntygId(UNIT, newId()), "TSTRK1031", version,
                    TOLVAN, UNIT, PROVIDER, DOCTOR, "Ajla Doktor", SIGNED, null, null, List.of(), null, "<ts/>")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"19121212-1212", "191212121213", "191213121212", "1912121212", "20250101"})
    void anUnparseablePersonIdIsAValidationError(String personId) {
        assertError(service.registerCertificate(lisjp(newId(), personId)), ErrorId.VALIDATION_ERROR,
                "Social security number is not of correct format.");
    }

    @Test
    void theTypeIsCheckedBeforeThePersonId() {
        RegisterCertificate r = lisjp(newId(), "bad");
        Outcome<Void> outcome = service.registerCertificate(new RegisterCertificate(r.id(), LISJP, "9.9", "bad", UNIT,
                PROVIDER, DOCTOR, "x", SIGNED, null, null, List.of(), null, "<x/>"));
        assertThat(outcome.resultText()).startsWith("Certificate with type:");
    }

    @Test
    void aPersonNotInThePopulationRegisterIsAValidationError() {
        assertError(service.registerCertificate(lisjp(newId(), "197807721233")), ErrorId.VALIDATION_ERROR,
                "No person exists in PU Service with the social security number");

        seed.putPerson(new Person(OTHER_PERSON, "Anna", null, "Andersson", null, null, null, false, false, false, true,
                false));
        assertError(service.registerCertificate(lisjp(newId(), OTHER_PERSON)), ErrorId.VALIDATION_ERROR,
                "No person exists in PU Service with the social security number");
    }

    @Test
    void anUnreachablePopulationRegisterIsATechnicalError() {
        seed.setPuSwitches(new PuSwitches(false, true, false, false, false));
        assertError(service.registerCertificate(lisjp(newId(), TOLVAN)), ErrorId.TECHNICAL_ERROR,
                "Error calling PU Service to validate social security number");

        seed.setPuSwitches(new PuSwitches(true, false, false, false, false));
        assertError(service.registerCertificate(lisjp(newId(), TOLVAN)), ErrorId.VALIDATION_ERROR,
                "No person exists in PU Service with the social security number");
    }

    @Test
    void aSamordningsnummerIsAccepted() {
        assertOk(service.registerCertificate(lisjp(newId(), SAMORDNING)));
    }

    @Test
    void theSameIdForTheSamePatientIsInfoAndChangesNothing() {
        String id = newId();
        assertOk(service.registerCertificate(lisjp(id, TOLVAN)));
        RegisterCertificate again = new RegisterCertificate(new IntygId(UNIT, id), LISJP, "1.2", TOLVAN, UNIT, PROVIDER,
                DOCTOR, "Ajla Doktor", SIGNED, null, null, List.of(), null, "<changed/>");

        assertInfo(service.registerCertificate(again), "Certificate already exists");
        assertThat(get(id, "HSVARD").xml()).isEqualTo(xml(id));
        assertThat(get(id, "HSVARD").statuses()).hasSize(1);
    }

    @Test
    void theSameIdForAnotherPatientIsAValidationError() {
        String id = newId();
        assertOk(service.registerCertificate(lisjp(id, TOLVAN)));

        assertError(service.registerCertificate(lisjp(id, OTHER_PERSON)), ErrorId.VALIDATION_ERROR,
                "Certificate already exists");
        assertThat(get(id, "HSVARD").patientId()).isEqualTo(TOLVAN);
    }

    @Test
    void aTestIndicatedPatientGetsATestCertificate() {
        String id = registered(TEST_PERSON);
        assertThat(get(id, "HSVARD").testCertificate()).isTrue();
    }

    @Test
    void atMostOneRelationIsStored() {
        String original = registered();
        String complement = newId();
        assertOk(service.registerCertificate(withRelation(lisjp(complement, TOLVAN), "ERSATT", original, null)));

        assertThat(get(complement, "HSVARD").relation()).isEqualTo(new IntygModel.RelationView("ERSATT", original));
        assertThat(get(original, "HSVARD").relation()).isNull();
    }

    // --- GetCertificate ----------------------------------------------------------------------------

    @Test
    void anUnknownIdFaults() {
        assertFault(service.getCertificate(new GetCertificate(new IntygId(UNIT, "nope"), "HSVARD")),
                "Certificate with id nope is invalid or does not exist");
    }

    @Test
    void aRevokedCertificateIsReturnedWithItsCancelStatus() {
        String id = registered();
        assertOk(service.revokeCertificate(revoke(id, TOLVAN)));

        CertificateView view = get(id, "HSVARD");
        assertThat(view.revoked()).isTrue();
        assertThat(view.statuses()).extracting(CertificateStatus::status).containsExactly(StatusCode.RECEIV,
                StatusCode.CANCEL);
    }

    @Test
    void aTestCertificateIsVisibleOnlyToCare() {
        String id = registered(TEST_PERSON);
        assertOk(service.getCertificate(new GetCertificate(new IntygId(UNIT, id), "HSVARD")));
        assertFault(service.getCertificate(new GetCertificate(new IntygId(UNIT, id), "INVANA")),
                "Certificate with id " + id + " is invalid or does not exist");
    }

    @Test
    void theStatusesAreFilteredForTheAskingPart() {
        String id = sentToFk();
        assertOk(service.setCertificateStatus(new SetCertificateStatus(new IntygId(UNIT, id), "INVANA", "DELETE",
                LocalDateTime.of(2025, 3, 10, 9, 0))));

        assertThat(get(id, "INVANA").statuses()).extracting(CertificateStatus::status)
                .containsExactly(StatusCode.RECEIV, StatusCode.SENTTO, StatusCode.DELETE);
        assertThat(get(id, "HSVARD").statuses()).extracting(CertificateStatus::status)
                .containsExactly(StatusCode.RECEIV, StatusCode.SENTTO);
        assertThat(get(id, "FKASSA").statuses()).extracting(CertificateStatus::part).containsExactly("HSVARD", FKASSA);
        assertThat(get(id, "TRANSP").statuses()).extracting(CertificateStatus::part).containsExactly("HSVARD");
    }

    // --- SendCertificateToRecipient ------------------------------------------------------------------

    @Test
    void sendingDeliversTheOriginalXmlAndRecordsSentTo() {
        String id = registered();
        assertOk(service.sendCertificateToRecipient(send(id, TOLVAN, FKASSA)));

        assertThat(get(id, "HSVARD").statuses()).contains(new CertificateStatus(StatusCode.SENTTO, FKASSA,
                TODAY.atTime(8, 0)));
        List<RecipientInbox.Entry> received = inbox.received(FKASSA);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).operation()).isEqualTo(RecipientInbox.Operation.RegisterCertificate);
        assertThat(received.get(0).certificateXml()).isEqualTo(xml(id));
        assertThat(received.get(0).patientId()).isEqualTo(TOLVAN);
    }

    @Test
    void sendRefusals() {
        String id = registered();
        assertError(service.sendCertificateToRecipient(send("nope", TOLVAN, FKASSA)), ErrorId.APPLICATION_ERROR,
                "Unknown certificate ID: nope");
        assertError(service.sendCertificateToRecipient(send(id, OTHER_PERSON, FKASSA)), ErrorId.APPLICATION_ERROR,
                "Unknown certificate ID: " + id);
        assertError(service.sendCertificateToRecipient(send(id, TOLVAN, "NOSUCH")), ErrorId.TECHNICAL_ERROR,
                "Certificate '" + id + "' couldn't be sent to recipient");
        assertError(service.sendCertificateToRecipient(send(id, TOLVAN, TRANSP)), ErrorId.TECHNICAL_ERROR,
                "Certificate '" + id + "' couldn't be sent to recipient");

        assertOk(service.sendCertificateToRecipient(send(id, TOLVAN, FKASSA)));
        assertInfo(service.sendCertificateToRecipient(send(id, TOLVAN, FKASSA)),
                "Certificate '" + id + "' already sent to 'FKASSA'.");
        assertThat(inbox.received(FKASSA)).hasSize(1);

        assertOk(service.revokeCertificate(revoke(id, TOLVAN)));
        assertInfo(service.sendCertificateToRecipient(send(id, TOLVAN, FKASSA)),
                "Certificate '" + id + "' has been revoked.");
    }

    @Test
    void anInactiveRecipientCannotReceive() {
        String id = registered();
        seed.putRecipient(new IntygSeed.Recipient(FKASSA, "Försäkringskassan", List.of(LISJP), false, null));
        assertError(service.sendCertificateToRecipient(send(id, TOLVAN, FKASSA)), ErrorId.TECHNICAL_ERROR,
                "Certificate '" + id + "' couldn't be sent to recipient");
        assertThat(inbox.received(FKASSA)).isEmpty();
    }

    @Test
    void aRefusingRecipientIsATechnicalErrorAndNothingIsRecorded() {
        IntygService refusing = new IntygService(database.database(), clock, new RecipientGateway() {
            @Override
            public Delivery registerCertificate(java.sql.Connection c, Recipient r, CertificateDelivery d) {
                return Delivery.refuse("recipient down");
            }

            @Override
            public Delivery revokeCertificate(java.sql.Connection c, Recipient r, RevocationDelivery d) {
                return Delivery.refuse("recipient down");
            }

            @Override
            public Delivery sendMessage(java.sql.Connection c, Recipient r, MessageDelivery d) {
                return Delivery.refuse("recipient down");
            }
        });
        String id = registered();
        assertError(refusing.sendCertificateToRecipient(send(id, TOLVAN, FKASSA)), ErrorId.TECHNICAL_ERROR,
                "Certificate '" + id + "' couldn't be sent to recipient");
        assertThat(get(id, "HSVARD").statuses()).hasSize(1);
    }

    @Test
    void aTestCertificateCannotBeSent() {
        String id = registered(TEST_PERSON);
        Outcome<Void> outcome = service.sendCertificateToRecipient(send(id, TEST_PERSON, FKASSA));
        assertError(outcome, ErrorId.VALIDATION_ERROR,
                "Certificate '" + id + "' couldn't be sent to recipient because it is a test certificate");
    }

    // --- RevokeCertificate ---------------------------------------------------------------------------

    @Test
    void revokingForwardsToEveryDistinctRecipientItWasSentTo() {
        String id = sentToFk();
        assertOk(service.setCertificateStatus(new SetCertificateStatus(new IntygId(UNIT, id), FKASSA, "SENTTO", SIGNED)));

        assertOk(service.revokeCertificate(revoke(id, TOLVAN)));

        List<RecipientInbox.Entry> fk = inbox.received(FKASSA);
        assertThat(fk).extracting(RecipientInbox.Entry::operation).containsExactly(
                RecipientInbox.Operation.RegisterCertificate, RecipientInbox.Operation.RevokeCertificate);
        assertThat(fk.get(1).text()).isEqualTo("Fel patient");
        assertThat(fk.get(1).sentBy()).isEqualTo(DOCTOR);
        assertThat(inbox.received(TRANSP)).isEmpty();
    }

    @Test
    void revokeRefusals() {
        String id = registered();
        assertError(service.revokeCertificate(revoke("nope", TOLVAN)), ErrorId.APPLICATION_ERROR,
                "Certificate nope does not exist for patient.");
        assertError(service.revokeCertificate(revoke(id, OTHER_PERSON)), ErrorId.APPLICATION_ERROR,
                "Certificate " + id + " does not exist for patient.");
        assertOk(service.revokeCertificate(revoke(id, TOLVAN)));
        assertInfo(service.revokeCertificate(revoke(id, TOLVAN)), "Certificate " + id + " is already revoked.");
        assertThat(get(id, "HSVARD").statuses()).filteredOn(s -> s.status() == StatusCode.CANCEL).hasSize(1);
    }

    @Test
    void aRevokedTestCertificateIsNotForwarded() {
        String id = registered(TEST_PERSON);
        assertOk(service.setCertificateStatus(new SetCertificateStatus(new IntygId(UNIT, id), FKASSA, "RECEIV", SIGNED)));
        assertOk(service.revokeCertificate(revoke(id, TEST_PERSON)));
        assertThat(inbox.all()).isEmpty();
    }

    // --- SetCertificateStatus ------------------------------------------------------------------------

    @Test
    void setStatusRefusals() {
        String id = registered();
        IntygId intygId = new IntygId(UNIT, id);
        assertError(service.setCertificateStatus(new SetCertificateStatus(intygId, "NOPART", "SENTTO", SIGNED)),
                ErrorId.VALIDATION_ERROR, "Unknown part: NOPART");
        assertError(service.setCertificateStatus(new SetCertificateStatus(new IntygId(UNIT, "x"), FKASSA, "SENTTO",
                SIGNED)), ErrorId.VALIDATION_ERROR, "Certificate with id x is invalid or does not exist");
        assertError(service.setCertificateStatus(new SetCertificateStatus(intygId, FKASSA, "SENT", SIGNED)),
                ErrorId.VALIDATION_ERROR, "Unknown status: SENT");

        String test = registered(TEST_PERSON);
        assertError(service.setCertificateStatus(new SetCertificateStatus(new IntygId(UNIT, test), FKASSA, "SENTTO",
                SIGNED)), ErrorId.VALIDATION_ERROR,
                "Cannot set the certificate to SENT as it is flagged as a test certificate");
    }

    @Test
    void theCitizenArchivesAndRestores() {
        String id = registered();
        IntygId intygId = new IntygId(UNIT, id);
        assertOk(service.setCertificateStatus(new SetCertificateStatus(intygId, "INVANA", "DELETE", SIGNED.plusHours(1))));
        assertOk(service.setCertificateStatus(new SetCertificateStatus(intygId, "INVANA", "RESTOR", SIGNED.plusHours(2))));

        assertThat(get(id, "INVANA").statuses()).containsSubsequence(
                new CertificateStatus(StatusCode.DELETE, "INVANA", SIGNED.plusHours(1)),
                new CertificateStatus(StatusCode.RESTOR, "INVANA", SIGNED.plusHours(2)));
    }

    // --- GetCertificateTypeInfo ------------------------------------------------------------------------

    @Test
    void typeInfo() {
        String id = registered();
        assertThat(service.getCertificateTypeInfo(id).value()).isEqualTo(new IntygModel.TypeInfo(LISJP, "1.3"));
        assertFault(service.getCertificateTypeInfo("nope"),
                "Failed to get certificate's type. Certificate with id nope is invalid or does not exist");
    }

    private static CertificateView get(String id, String part) {
        Outcome<CertificateView> outcome = service.getCertificate(new GetCertificate(new IntygId(UNIT, id), part));
        assertOk(outcome);
        return outcome.value();
    }
}
