package se.conformance.simulator.intyg;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.DECEASED_PERSON;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.DOCTOR;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.FKASSA;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.OTHER_DOCTOR;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.OTHER_PROVIDER;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.OTHER_PROVIDER_UNIT;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.PROTECTED_PERSON;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.PROVIDER;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.TEST_PERSON;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.TOLVAN;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.UNIT;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.USER_WITHOUT_MIU;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.conformance.simulator.intyg.IntygCommands.CertificateAction;
import se.conformance.simulator.intyg.IntygCommands.CreateDraftCertificate;
import se.conformance.simulator.intyg.IntygCommands.GetCertificate;
import se.conformance.simulator.intyg.IntygCommands.IntygId;
import se.conformance.simulator.intyg.IntygCommands.ListCertificatesForCareWithQA;
import se.conformance.simulator.intyg.IntygCommands.Patient;
import se.conformance.simulator.intyg.IntygCommands.RegisterCertificate;
import se.conformance.simulator.intyg.IntygCommands.SignDraft;
import se.conformance.simulator.intyg.IntygCommands.UpdateDraft;
import se.conformance.simulator.intyg.IntygModel.CertificateWithQa;
import se.conformance.simulator.intyg.IntygModel.EventView;
import se.conformance.simulator.intyg.IntygSeed.CertificateType;
import se.conformance.simulator.intyg.IntygSeed.PuSwitches;
import se.conformance.simulator.intyg.message.Arenden;
import se.conformance.simulator.intyg.store.NotificationEndpoints;
import se.conformance.simulator.intyg.store.NotificationOutbox.DeliveryState;
import se.conformance.simulator.intyg.store.NotificationOutbox.Notification;

/** CreateDraftCertificate, the draft lifecycle, ListCertificatesForCareWithQA, erasure, and the outbox. */
class WebcertOperationsTest extends IntygServiceTestBase {

    // --- CreateDraftCertificate --------------------------------------------------------------------

    @Test
    void aDraftIsCreatedOnTheUnitAndTheUnitBecomesIntegrated() {
        Outcome<IntygId> outcome = service.createDraftCertificate(draft(LISJP, TOLVAN, DOCTOR, UNIT));

        assertOk(outcome);
        assertThat(outcome.value().root()).isEqualTo(UNIT);
        assertThat(java.util.UUID.fromString(outcome.value().extension())).isNotNull();
        List<Notification> sent = outbox.forCertificate(outcome.value().extension());
        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo(Handelsekod.SKAPAT);
            assertThat(n.unitId()).isEqualTo(UNIT);
            assertThat(n.typeCode()).isEqualTo(LISJP);
            assertThat(n.ref()).isEqualTo("journal-ref-1");
            assertThat(n.certificateXml()).isEqualTo("<utkast/>");
            assertThat(n.hanteratAv()).isEqualTo(DOCTOR);
            assertThat(n.state()).isEqualTo(DeliveryState.PENDING);
            assertThat(n.attempts()).isZero();
            assertThat(n.handelseTidpunkt()).isEqualTo(TODAY.atTime(8, 0));
            assertThat(n.skickadeFragor()).isEqualTo(Arenden.NONE);
        });
    }

    @Test
    void theFieldChecksAreListedTogether() {
        CreateDraftCertificate bad = new CreateDraftCertificate(LISJP, new Patient("191212121213", List.of(" "), null, ""),
                "", "", "", "", null, null);
        assertError(service.createDraftCertificate(bad), ErrorId.VALIDATION_ERROR,
                "efternamn is required, At least one fornamn is required, "
                        + "personId is not a valid personnummer or samordningsnummer, Physicians full name is required, "
                        + "Physicians hsaId is required, enhetsnamn is required, enhetsId is required");
        CreateDraftCertificate noPerson = new CreateDraftCertificate(LISJP, new Patient(null, List.of("A"), null, "B"),
                DOCTOR, "Ajla Doktor", UNIT, "Enhet", null, null);
        assertError(service.createDraftCertificate(noPerson), ErrorId.VALIDATION_ERROR, "personId is required");
    }

    @Test
    void aUserWithoutMedarbetaruppdragOnTheUnitCannotCreateADraft() {
        assertError(service.createDraftCertificate(draft(LISJP, TOLVAN, USER_WITHOUT_MIU, UNIT)), ErrorId.VALIDATION_ERROR,
                "No valid MIU was found for person TSTNMT2321000156-1080 on unit TSTNMT2321000156-1077, can not create draft!");
        assertError(service.createDraftCertificate(draft(LISJP, TOLVAN, DOCTOR, OTHER_PROVIDER_UNIT)),
                ErrorId.VALIDATION_ERROR, "No valid MIU was found for person TSTNMT2321000156-1079 on unit "
                        + "TSTNMT2321000156-2077, can not create draft!");
        assertOk(service.createDraftCertificate(draft(LISJP, TOLVAN, OTHER_DOCTOR, OTHER_PROVIDER_UNIT)));
    }

    @Test
    void unknownAndDeprecatedTypes() {
        assertError(service.createDraftCertificate(draft("FK7263", TOLVAN, DOCTOR, UNIT)), ErrorId.APPLICATION_ERROR,
                "Intyg FK7263 is not supported");
        seed.putCertificateType(new CertificateType("LUSE", "Läkarutlåtande för sjukersättning", "FK 7800", FKASSA,
                List.of("1.0"), true, true, false));
        assertError(service.createDraftCertificate(draft("LUSE", TOLVAN, DOCTOR, UNIT)), ErrorId.APPLICATION_ERROR,
                "Intyg of type LUSE has been deprecated and is no longer possible to issue.");
    }

    @Test
    void thePopulationRegisterDecides() {
        assertError(service.createDraftCertificate(draft(LISJP, "197807721233", DOCTOR, UNIT)), ErrorId.APPLICATION_ERROR,
                "Personnumret du har angivit finns inte i folkbokföringsregistret.");
        assertError(service.createDraftCertificate(draft("TSTRK1007", PROTECTED_PERSON, DOCTOR, UNIT)),
                ErrorId.APPLICATION_ERROR,
                "Intygstypen TSTRK1007 kan inte utfärdas för patienter med skyddade personuppgifter.");
        assertOk(service.createDraftCertificate(draft(LISJP, PROTECTED_PERSON, DOCTOR, UNIT)));
        assertError(service.createDraftCertificate(draft(LISJP, DECEASED_PERSON, DOCTOR, UNIT)), ErrorId.APPLICATION_ERROR,
                "Intygstypen LISJP kan inte utfärdas för avlidna patienter.");

        seed.setPuSwitches(new PuSwitches(false, true, false, false, false));
        assertError(service.createDraftCertificate(draft(LISJP, TOLVAN, DOCTOR, UNIT)), ErrorId.APPLICATION_ERROR,
                "Cannot issue intyg. The PU-service was unreachable. Please try again later.");
        seed.setPuSwitches(new PuSwitches(false, false, false, true, false));
        assertThat(service.createDraftCertificate(draft(LISJP, TOLVAN, DOCTOR, UNIT)).resultText())
                .as("the global deceased switch").endsWith("kan inte utfärdas för avlidna patienter.");
    }

    @Test
    void aTestIndicatedPatientsDraftBecomesATestCertificate() {
        Outcome<IntygId> draft = service.createDraftCertificate(draft(LISJP, TEST_PERSON, DOCTOR, UNIT));
        String id = draft.value().extension();
        assertOk(service.signDraft(new SignDraft(lisjp(id, TEST_PERSON), DOCTOR)));
        assertThat(service.getCertificate(new GetCertificate(new IntygId(UNIT, id), "HSVARD")).value().testCertificate())
                .isTrue();
    }

    // --- the draft lifecycle ---------------------------------------------------------------------------

    @Test
    void theLifecycleWritesItsEventsWithTheContentOfTheMoment() {
        String id = createdDraft();
        assertOk(service.updateDraft(new UpdateDraft(id, "<utkast version=\"2\"/>", DOCTOR)));
        assertOk(service.markReadyToSign(new CertificateAction(id, DOCTOR)));
        assertOk(service.signDraft(new SignDraft(lisjp(id, TOLVAN), DOCTOR)));
        assertOk(service.sendSigned(new IntygCommands.SendSigned(id, null, DOCTOR)));
        assertOk(service.revokeSigned(new IntygCommands.RevokeSigned(id, "Fel", DOCTOR)));

        List<Notification> sent = outbox.forCertificate(id);
        assertThat(sent).extracting(Notification::code).containsExactly(Handelsekod.SKAPAT, Handelsekod.ANDRAT,
                Handelsekod.KFSIGN, Handelsekod.SIGNAT, Handelsekod.SKICKA, Handelsekod.MAKULE);
        assertThat(sent).extracting(Notification::certificateXml).containsExactly("<utkast/>", "<utkast version=\"2\"/>",
                "<utkast version=\"2\"/>", xml(id), xml(id), xml(id));
        assertThat(sent).extracting(Notification::ref).containsOnly("journal-ref-1");
        assertThat(inbox.received(FKASSA)).extracting(e -> e.operation().name())
                .containsExactly("RegisterCertificate", "RevokeCertificate");
    }

    @Test
    void aDeletedDraftIsGoneAndOnlyDraftsCanBeChanged() {
        String id = createdDraft();
        assertOk(service.deleteDraft(new CertificateAction(id, DOCTOR)));
        assertThat(notified(id)).containsExactly(Handelsekod.SKAPAT, Handelsekod.RADERA);
        assertError(service.updateDraft(new UpdateDraft(id, "<x/>", DOCTOR)), ErrorId.VALIDATION_ERROR,
                "Certificate " + id + " is not a draft");
        assertFault(service.getCertificate(new GetCertificate(new IntygId(UNIT, id), "HSVARD")),
                "Certificate with id " + id + " is invalid or does not exist");

        String signed = createdDraft();
        assertOk(service.signDraft(new SignDraft(lisjp(signed, TOLVAN), DOCTOR)));
        assertError(service.deleteDraft(new CertificateAction(signed, DOCTOR)), ErrorId.VALIDATION_ERROR,
                "Certificate " + signed + " is not a draft");
        assertError(service.sendSigned(new IntygCommands.SendSigned("nope", null, DOCTOR)), ErrorId.VALIDATION_ERROR,
                "Certificate nope is not a signed certificate");
    }

    @Test
    void signingRunsIntygstjanstensChecksAndKeepsTheDraftOnRefusal() {
        String id = createdDraft();
        RegisterCertificate wrongVersion = new RegisterCertificate(new IntygId(UNIT, id), LISJP, "0.9", TOLVAN, UNIT,
                PROVIDER, DOCTOR, "Ajla Doktor", SIGNED, null, null, List.of(), null, xml(id));
        assertError(service.signDraft(new SignDraft(wrongVersion, DOCTOR)), ErrorId.VALIDATION_ERROR,
                "Certificate with type: LISJP does not support version: 0.9");
        assertError(service.signDraft(new SignDraft(lisjp(id, "197502024560"), DOCTOR)), ErrorId.VALIDATION_ERROR,
                "The signed certificate does not match draft " + id + " (patient and type must be the draft's)");
        assertThat(notified(id)).containsExactly(Handelsekod.SKAPAT);
        assertOk(service.updateDraft(new UpdateDraft(id, "<still-a-draft/>", DOCTOR)));
    }

    @Test
    void onlyIntegratedUnitsGetNotificationsButEveryEventIsListed() {
        String external = registered();
        assertOk(service.sendCertificateToRecipient(send(external, TOLVAN, FKASSA)));
        assertThat(notified(external)).as("the unit is not integrated for LISJP yet").isEmpty();

        createdDraft();
        assertOk(service.revokeCertificate(revoke(external, TOLVAN)));
        assertThat(notified(external)).containsExactly(Handelsekod.MAKULE);

        List<CertificateWithQa> list = withQa(new ListCertificatesForCareWithQA(TOLVAN, List.of(UNIT), null, null, null));
        CertificateWithQa item = list.stream().filter(i -> i.certificate().id().extension().equals(external)).findFirst()
                .orElseThrow();
        assertThat(item.events()).extracting(EventView::code).containsExactly(Handelsekod.SIGNAT, Handelsekod.SKICKA,
                Handelsekod.MAKULE);
    }

    // --- ListCertificatesForCareWithQA ------------------------------------------------------------------

    @Test
    void listWithQaCarriesEventsCountsAndRefWithinTheWindowAndTheCareProvider() {
        String id = createdDraft();
        assertOk(service.signDraft(new SignDraft(lisjp(id, TOLVAN), DOCTOR)));
        assertOk(service.sendSigned(new IntygCommands.SendSigned(id, null, DOCTOR)));
        clock.advance(Duration.ofHours(2));
        assertOk(service.sendMessageToCare(question("q1", id, "KOMPLT")));
        assertOk(service.sendMessageToRecipient(careQuestion("c1", id, "KONTKT")));
        String other = service.createDraftCertificate(draft(LISJP, TOLVAN, OTHER_DOCTOR, OTHER_PROVIDER_UNIT)).value()
                .extension();

        CertificateWithQa item = withQa(new ListCertificatesForCareWithQA(TOLVAN, List.of(), PROVIDER, null, null)).get(0);
        assertThat(item.ref()).isEqualTo("journal-ref-1");
        assertThat(item.events()).extracting(EventView::code).containsExactly(Handelsekod.SKAPAT, Handelsekod.SIGNAT,
                Handelsekod.SKICKA, Handelsekod.NYFRFM, Handelsekod.NYFRFV);
        assertThat(item.events().get(3).amne()).isEqualTo("KOMPLT");
        assertThat(item.mottagnaFragor()).isEqualTo(Arenden.of(1, 0, 0));
        assertThat(item.skickadeFragor()).isEqualTo(Arenden.of(1, 0, 0));

        LocalDateTime later = TODAY.atTime(9, 0);
        assertThat(withQa(new ListCertificatesForCareWithQA(TOLVAN, List.of(UNIT), null, later, null)).get(0).events())
                .extracting(EventView::code).containsExactly(Handelsekod.NYFRFM, Handelsekod.NYFRFV);
        assertThat(withQa(new ListCertificatesForCareWithQA(TOLVAN, List.of(UNIT), null, null, TODAY.atTime(7, 0))))
                .isEmpty();
        assertThat(withQa(new ListCertificatesForCareWithQA(TOLVAN, List.of(), OTHER_PROVIDER, null, null)))
                .extracting(i -> i.certificate().id().extension()).containsExactly(other);
        assertError(service.listCertificatesForCareWithQA(new ListCertificatesForCareWithQA(TOLVAN, List.of(), null, null,
                null)), ErrorId.VALIDATION_ERROR, "Either vardgivare-id or enhets-id is required");
        assertError(service.listCertificatesForCareWithQA(new ListCertificatesForCareWithQA("1912", List.of(UNIT), null,
                null, null)), ErrorId.VALIDATION_ERROR, "Social security number is not of correct format.");
    }

    // --- erasure -----------------------------------------------------------------------------------------

    @Test
    void erasingACareProviderLeavesNoTrace() {
        String id = createdDraft();
        assertOk(service.signDraft(new SignDraft(lisjp(id, TOLVAN), DOCTOR)));
        assertOk(service.sendSigned(new IntygCommands.SendSigned(id, null, DOCTOR)));
        assertOk(service.sendMessageToCare(question("q1", id, "OVRIGT")));
        String draftOnly = createdDraft();
        String otherProvider = service.createDraftCertificate(draft(LISJP, TOLVAN, OTHER_DOCTOR, OTHER_PROVIDER_UNIT))
                .value().extension();

        assertThat(service.eraseCareProvider(PROVIDER).value()).isEqualTo(2);

        assertFault(service.getCertificate(new GetCertificate(new IntygId(UNIT, id), "HSVARD")),
                "Certificate with id " + id + " is deleted from intygstjansten");
        assertThat(service.messages(id).value()).isEmpty();
        assertThat(outbox.forCertificate(id)).isEmpty();
        assertThat(outbox.forCertificate(draftOnly)).isEmpty();
        assertThat(notified(otherProvider)).containsExactly(Handelsekod.SKAPAT);
        assertThat(service.listRelationsForCertificate(List.of(id)).value().get(0).relations()).isEmpty();
        assertError(service.revokeCertificate(revoke(id, TOLVAN)), ErrorId.APPLICATION_ERROR,
                "Certificate " + id + " does not exist for patient.");
        assertFault(service.getCertificateTypeInfo(id),
                "Failed to get certificate's type. Certificate with id " + id + " is invalid or does not exist");
        assertThat(withQa(new ListCertificatesForCareWithQA(TOLVAN, List.of(UNIT), null, null, null))).isEmpty();
        assertThat(service.eraseCareProvider(PROVIDER).value()).as("erasing twice finds nothing").isZero();
    }

    // --- the outbox and the endpoints, as the notification sender uses them -----------------------------------

    @Test
    void theOutboxRecordsAttemptsAndFinishesANotificationOnce() {
        String id = createdDraft();
        assertOk(service.updateDraft(new UpdateDraft(id, "<v2/>", DOCTOR)));
        Instant now = clock.now();
        List<Notification> due = outbox.due(now, 10);
        assertThat(due).extracting(Notification::code).containsExactly(Handelsekod.SKAPAT, Handelsekod.ANDRAT);
        assertThat(outbox.due(now, 1)).hasSize(1);

        String first = due.get(0).eventId();
        assertThat(outbox.markAttempt(first, now, "TECHNICAL_ERROR: busy", now.plusSeconds(60))).isTrue();
        assertThat(outbox.due(now, 10)).extracting(Notification::eventId).containsExactly(due.get(1).eventId());
        assertThat(outbox.due(now.plusSeconds(60), 10)).hasSize(2);
        assertThat(outbox.markDelivered(first, now.plusSeconds(60), "OK")).isTrue();
        assertThat(outbox.markFailed(first, now.plusSeconds(61), "late")).as("already finished").isFalse();
        assertThat(outbox.markFailed(due.get(1).eventId(), now, "VALIDATION_ERROR")).isTrue();

        Notification delivered = outbox.find(first).orElseThrow();
        assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.lastOutcome()).isEqualTo("OK");
        assertThat(delivered.finishedAt()).isEqualTo(now.plusSeconds(60));
        assertThat(outbox.find(due.get(1).eventId()).orElseThrow().state()).isEqualTo(DeliveryState.FAILED);
        assertThat(outbox.due(now.plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    void notificationEndpointsArePerUnit() {
        NotificationEndpoints endpoints = new NotificationEndpoints(database.database(), clock);
        endpoints.register(UNIT, "http://127.0.0.1:9000/a");
        endpoints.register(UNIT, "http://127.0.0.1:9000/b");
        endpoints.register(OTHER_PROVIDER_UNIT, "http://127.0.0.1:9000/c");

        assertThat(endpoints.find(UNIT)).contains("http://127.0.0.1:9000/b");
        assertThat(endpoints.all()).hasSize(2);
        assertThat(endpoints.remove(UNIT)).isTrue();
        assertThat(endpoints.find(UNIT)).isEmpty();
        assertThat(endpoints.remove(UNIT)).isFalse();
    }

    private static List<CertificateWithQa> withQa(ListCertificatesForCareWithQA query) {
        Outcome<List<CertificateWithQa>> outcome = service.listCertificatesForCareWithQA(query);
        assertOk(outcome);
        return outcome.value();
    }
}
