package se.conformance.simulator.intyg;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.DOCTOR;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.FKASSA;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.OTHER_PERSON;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.PROVIDER;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.TEST_PERSON;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.TOLVAN;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.UNIT;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.intyg.IntygCommands.CareMessage;
import se.conformance.simulator.intyg.IntygCommands.Complement;
import se.conformance.simulator.intyg.IntygCommands.IntygId;
import se.conformance.simulator.intyg.IntygCommands.MessageEndpoint;
import se.conformance.simulator.intyg.IntygCommands.MessageRef;
import se.conformance.simulator.intyg.IntygCommands.RecipientMessage;
import se.conformance.simulator.intyg.IntygCommands.RegisterCertificate;
import se.conformance.simulator.intyg.IntygCommands.SendMessageToCare;
import se.conformance.simulator.intyg.IntygCommands.SendMessageToRecipient;
import se.conformance.simulator.intyg.IntygCommands.SetQuestionHandled;
import se.conformance.simulator.intyg.IntygModel.MessageView;
import se.conformance.simulator.intyg.store.RecipientInbox;

/** SendMessageToCare (recipient → care), SendMessageToRecipient (care → recipient) and the Webcert-side message actions. */
class MessageOperationsTest extends IntygServiceTestBase {

    // --- SendMessageToCare ---------------------------------------------------------------------------

    @Test
    void aQuestionFromTheRecipientIsStoredWithItsComplementItems() {
        String id = sentToFk();
        assertOk(service.sendMessageToCare(question("m1", id, "KOMPLT")));

        MessageView m = messages(id).get(0);
        assertThat(m.meddelandeId()).isEqualTo("m1");
        assertThat(m.amne()).isEqualTo("KOMPLT");
        assertThat(m.sentBySide()).isEqualTo("RECIPIENT");
        assertThat(m.sentBy()).isEqualTo(FKASSA);
        assertThat(m.referensId()).isEqualTo("ref-m1");
        assertThat(m.sistaDatumForSvar()).isEqualTo(LocalDate.of(2025, 3, 24));
        assertThat(m.complements()).containsExactly(new Complement("1", 1, "Ange grund för medicinskt underlag"));
        assertThat(m.handled()).isFalse();
    }

    @Test
    void theValidationTextIsIntygstjanstensWrapperAroundEveryError() {
        String id = sentToFk();
        SendMessageToCare bad = change(question("m1", id, "FRAGA"), m -> new SendMessageToCare(m.endpoint(),
                m.meddelandeId(), m.referensId(), m.skickatTidpunkt(), m.certificateId(), OTHER_PERSON,
                m.logiskAdressMottagare(), m.amne(), m.rubrik(), m.meddelande(), null, null, "NOSUCH", List.of(),
                List.of(new Complement("1", null, "x")), null));

        assertError(service.sendMessageToCare(bad), ErrorId.VALIDATION_ERROR,
                "Validation of SendMessageToCare failed for message with question id m1 and certificate id " + id + ". "
                        + "[SkickatAv part code NOSUCH is not valid, "
                        + "SUBJECT_NOT_SUPPORTED_ERROR: amne FRAGA is not supported, "
                        + "KOMPLETTERING_INCONSISTENCY_ERROR: komplettering is only allowed with amne KOMPLT, "
                        + "CIVIC_REGISTRATION_NUMBER_INCONSISTENCY_ERROR: patientPerson-id does not match the certificate]");
        assertThat(messages(id)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "answer with sistaDatumForSvar   | MESSAGE_TYPE_CONSISTENCY_ERROR",
            "blank meddelande-id             | MEDDELANDE_ID_NOT_UNIQUE_ERROR: Meddelande-id is not a GUID",
            "meddelande-id taken             | MEDDELANDE_ID_NOT_UNIQUE_ERROR",
            "PAMINN without the reminded id  | PAMINNELSE_ID_INCONSISTENCY_ERROR",
            "reminded id without PAMINN      | PAMINNELSE_ID_INCONSISTENCY_ERROR",
            "reminded message unknown        | REFERENCED_MESSAGE_NOT_FOUND_ERROR",
            "answered message unknown        | REFERENCED_MESSAGE_NOT_FOUND_ERROR",
            "answer on another subject       | SUBJECT_CONSISTENCY_ERROR",
            "unknown certificate             | CERTIFICATE_NOT_FOUND_ERROR",
    })
    void everyCheckOfIntygstjanstenHasItsToken(String situation, String token) {
        String id = sentToFk();
        assertOk(service.sendMessageToRecipient(careQuestion("care-q", id, "KONTKT")));
        assertOk(service.sendMessageToCare(question("fk-q", id, "OVRIGT")));
        SendMessageToCare base = question("m2", id, "AVSTMN");
        SendMessageToCare m = switch (situation.trim()) {
            case "answer with sistaDatumForSvar" -> change(base, b -> with(b, "KONTKT", null,
                    new MessageRef("care-q", null), LocalDate.of(2025, 4, 1)));
            case "blank meddelande-id" -> change(base, b -> withId(b, " "));
            case "meddelande-id taken" -> change(base, b -> withId(b, "fk-q"));
            case "PAMINN without the reminded id" -> change(base, b -> with(b, "PAMINN", null, null, null));
            case "reminded id without PAMINN" -> change(base, b -> with(b, "AVSTMN", "fk-q", null, null));
            case "reminded message unknown" -> change(base, b -> with(b, "PAMINN", "none", null, null));
            case "answered message unknown" -> change(base, b -> with(b, "KONTKT", null, new MessageRef("none", null), null));
            case "answer on another subject" -> change(base, b -> with(b, "OVRIGT", null,
                    new MessageRef("care-q", null), null));
            case "unknown certificate" -> change(base, b -> withCertificate(b, "none"));
            default -> throw new IllegalArgumentException(situation);
        };

        Outcome<Void> outcome = service.sendMessageToCare(m);

        assertThat(outcome.errorId()).isEqualTo(ErrorId.VALIDATION_ERROR);
        assertThat(outcome.resultText()).startsWith("Validation of SendMessageToCare failed for message with question id "
                + m.meddelandeId() + " and certificate id " + m.certificateId().extension() + ". [")
                .contains(token.trim());
        assertThat(messages(id)).hasSize(2);
    }

    @Test
    void aReminderNamesTheQuestionItRemindsOf() {
        String id = sentToFk();
        assertOk(service.sendMessageToCare(question("q", id, "KOMPLT")));
        assertOk(service.sendMessageToCare(with(question("p", id, "PAMINN"), "PAMINN", "q", null, null)));
        assertThat(messages(id)).extracting(MessageView::paminnelseMeddelandeId).containsExactly(null, "q");
    }

    @Test
    void aTestCertificateTakesNoMessagesThroughIntygstjansten() {
        String id = registered(TEST_PERSON);
        SendMessageToCare m = new SendMessageToCare(MessageEndpoint.INTYGSTJANSTEN, "m1", null, SIGNED,
                new IntygId(UNIT, id), TEST_PERSON, UNIT, "OVRIGT", null, "x", null, null, FKASSA, List.of(), List.of(),
                null);
        assertThat(service.sendMessageToCare(m).resultText()).contains("TEST_CERTIFICATE");
    }

    @Test
    void theCareSideAnswersADuplicateWithInfo() {
        String id = sentToFk();
        assertOk(service.sendMessageToCare(question("m1", id, "OVRIGT")));

        assertInfo(service.sendMessageToCare(webcert(question("m1", id, "OVRIGT"))), "This message has already been received.");
        assertThat(service.sendMessageToCare(question("m1", id, "OVRIGT")).resultText())
                .as("through Intygstjänsten the duplicate is a validation error").contains("MEDDELANDE_ID_NOT_UNIQUE_ERROR");
        assertThat(messages(id)).hasSize(1);
    }

    @Test
    void theCareSideRefusals() {
        String id = registered();
        String draft = createdDraft();
        assertError(service.sendMessageToCare(webcert(question("a", "none", "OVRIGT"))), ErrorId.VALIDATION_ERROR,
                "Certificate none does not exist");
        assertError(service.sendMessageToCare(webcert(question("b", draft, "OVRIGT"))), ErrorId.VALIDATION_ERROR,
                "Certificate " + draft + " is not signed");
        String ts = newId();
        assertOk(service.registerCertificate(new RegisterCertificate(new IntygId(UNIT, ts), "TSTRK1031", "4.2", TOLVAN,
                UNIT, PROVIDER, DOCTOR, "Ajla Doktor", SIGNED, null, null, List.of(), null, "<ts/>")));
        assertError(service.sendMessageToCare(webcert(question("c", ts, "OVRIGT"))), ErrorId.VALIDATION_ERROR,
                "Certificate type TSTRK1031 does not support questions and answers");
        assertError(service.sendMessageToCare(webcert(withPatient(question("p", id, "OVRIGT"), OTHER_PERSON))),
                ErrorId.VALIDATION_ERROR, "patientPerson-id does not match certificate " + id);
        assertError(service.sendMessageToCare(webcert(with(question("s", id, "OVRIGT"), "OVRIGT", null,
                new MessageRef("none", null), null))), ErrorId.VALIDATION_ERROR,
                "svarPa none is not a question on certificate " + id);
        assertError(service.sendMessageToCare(webcert(question("f", id, "FRAGA"))), ErrorId.VALIDATION_ERROR,
                "amne FRAGA is not supported");
        assertOk(service.revokeCertificate(revoke(id, TOLVAN)));
        assertError(service.sendMessageToCare(webcert(question("d", id, "OVRIGT"))), ErrorId.APPLICATION_ERROR,
                "CERTIFICATE_REVOKED: certificate " + id + " is revoked");
        assertError(service.sendMessageToCare(question("e", id, "OVRIGT")), ErrorId.APPLICATION_ERROR,
                "CERTIFICATE_REVOKED: certificate " + id + " is revoked");
    }

    @Test
    void aSecondAnswerToOneQuestionIsRefused() {
        String id = sentToFk();
        assertOk(service.sendMessageToRecipient(careQuestion("q", id, "KONTKT")));
        assertOk(service.sendMessageToCare(answerFromFk("a1", id, "KONTKT", "q")));

        assertError(service.sendMessageToCare(answerFromFk("a2", id, "KONTKT", "q")), ErrorId.VALIDATION_ERROR,
                "Answer already exist for this message");
        assertThat(messages(id)).extracting(MessageView::meddelandeId).containsExactly("q", "a1");
    }

    // --- SendMessageToRecipient -------------------------------------------------------------------------

    @Test
    void aQuestionFromCareIsForwardedToTheRecipient() {
        String id = sentToFk();
        assertOk(service.sendMessageToRecipient(careQuestion("q", id, "AVSTMN")));

        RecipientInbox.Entry received = inbox.received(FKASSA).get(1);
        assertThat(received.operation()).isEqualTo(RecipientInbox.Operation.SendMessageToRecipient);
        assertThat(received.meddelandeId()).isEqualTo("q");
        assertThat(received.amne()).isEqualTo("AVSTMN");
        assertThat(received.text()).isEqualTo("Fråga från vården");
        assertThat(messages(id).get(0).sentBySide()).isEqualTo("CARE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad amne            | [Invalid amneskod]",
            "answer with date    | [SistaDatumForSvar is only valid on Questions]",
            "id taken            | [MeddelandeId is not globally unique]",
            "reminder id no PAMINN | [paminnelseMeddelandeId should only be present if amne is PAMINN]",
            "PAMINN no reminder  | [PAMINN should define paminnelseMeddelandeId]",
            "reminded unknown    | [Paminnelse Meddelande does not exist]",
            "answered unknown    | [SvarPa Meddelande does not exist]",
            "answer other amne   | [Svar amne is not consistent with question]",
            "other patient       | [PatientPersonId is not consistent with certificate]",
    })
    void everyCheckOfSendMessageToRecipientHasItsText(String situation, String text) {
        String id = sentToFk();
        assertOk(service.sendMessageToCare(question("fk-q", id, "OVRIGT")));
        SendMessageToRecipient base = careQuestion("m", id, "KONTKT");
        SendMessageToRecipient m = switch (situation.trim()) {
            case "bad amne" -> withAmne(base, "FRAGA", null, null, base.sistaDatumForSvar());
            case "answer with date" -> withAmne(base, "OVRIGT", null, new MessageRef("fk-q", null), LocalDate.of(2025, 4, 1));
            case "id taken" -> new SendMessageToRecipient("fk-q", null, SIGNED, base.certificateId(), TOLVAN, FKASSA,
                    "KONTKT", null, "x", null, null, DOCTOR, null, null);
            case "reminder id no PAMINN" -> withAmne(base, "KONTKT", "fk-q", null, null);
            case "PAMINN no reminder" -> withAmne(base, "PAMINN", null, null, null);
            case "reminded unknown" -> withAmne(base, "PAMINN", "none", null, null);
            case "answered unknown" -> withAmne(base, "OVRIGT", null, new MessageRef("none", null), null);
            case "answer other amne" -> withAmne(base, "KONTKT", null, new MessageRef("fk-q", null), null);
            case "other patient" -> new SendMessageToRecipient("m", null, SIGNED, base.certificateId(), OTHER_PERSON,
                    FKASSA, "KONTKT", null, "x", null, null, DOCTOR, null, null);
            default -> throw new IllegalArgumentException(situation);
        };
        assertError(service.sendMessageToRecipient(m), ErrorId.VALIDATION_ERROR, text.trim());
        assertThat(inbox.received(FKASSA)).hasSize(1);
    }

    @Test
    void sendMessageToRecipientRefusalsAboutTheCertificate() {
        assertError(service.sendMessageToRecipient(careQuestion("m", "none", "KONTKT")), ErrorId.APPLICATION_ERROR,
                "Intyg does not exist");
        String notSent = registered();
        assertError(service.sendMessageToRecipient(careQuestion("m", notSent, "KONTKT")), ErrorId.VALIDATION_ERROR,
                "[Certificate is not sent to recipient]");
    }

    @Test
    void aTestCertificatesMessageIsOkButNeitherStoredNorForwarded() {
        String id = registered(TEST_PERSON);
        Outcome<Void> outcome = service.sendMessageToRecipient(new SendMessageToRecipient("m", null, SIGNED,
                new IntygId(UNIT, id), TEST_PERSON, FKASSA, "KONTKT", null, "x", null, null, DOCTOR, null, null));
        assertOk(outcome);
        assertThat(inbox.all()).isEmpty();
        assertThat(messages(id)).isEmpty();
    }

    @Test
    void anUnknownOrRefusingRecipientIsATechnicalError() {
        String id = sentToFk();
        SendMessageToRecipient toTs = new SendMessageToRecipient("m", null, SIGNED, new IntygId(UNIT, id), TOLVAN, "NOSUCH",
                "KONTKT", null, "x", null, null, DOCTOR, null, null);
        assertError(service.sendMessageToRecipient(toTs), ErrorId.TECHNICAL_ERROR,
                "Message m couldn't be sent to recipient NOSUCH");
        assertThat(messages(id)).isEmpty();
    }

    // --- Webcert: a doctor's messages ------------------------------------------------------------------

    @Test
    void careMayStartOnlyItsSubjectsAndNeverAnswerAReminder() {
        String id = sentToFk();
        assertError(service.careSendsMessage(new CareMessage(id, DOCTOR, "KOMPLT", null, "x", null)),
                ErrorId.VALIDATION_ERROR, "Care may not start a question with amne KOMPLT");
        assertError(service.careSendsMessage(new CareMessage(id, DOCTOR, "PAMINN", null, "x", null)),
                ErrorId.VALIDATION_ERROR, "Care may not start a question with amne PAMINN");

        assertOk(service.sendMessageToCare(question("q", id, "KOMPLT")));
        assertOk(service.sendMessageToCare(with(question("p", id, "PAMINN"), "PAMINN", "q", null, null)));
        assertError(service.careSendsMessage(new CareMessage(id, DOCTOR, null, null, "x", "p")), ErrorId.VALIDATION_ERROR,
                "Care may not answer a question with amne PAMINN");
        assertError(service.careSendsMessage(new CareMessage(id, DOCTOR, null, null, "x", "none")),
                ErrorId.VALIDATION_ERROR, "Question none from the recipient does not exist on certificate " + id);

        Outcome<String> asked = service.careSendsMessage(new CareMessage(id, DOCTOR, "KONTKT", "Rubrik", "Ring mig", null));
        assertOk(asked);
        MessageView sent = messages(id).get(2);
        assertThat(sent.meddelandeId()).isEqualTo(asked.value());
        assertThat(sent.sentBy()).isEqualTo(DOCTOR);
        assertThat(inbox.received(FKASSA).get(1).meddelandeId()).isEqualTo(asked.value());
    }

    @Test
    void cannotComplementClosesEveryOpenComplementQuestion() {
        String id = sentToFk();
        assertOk(service.sendMessageToCare(question("k1", id, "KOMPLT")));
        assertOk(service.sendMessageToCare(question("k2", id, "KOMPLT")));
        assertOk(service.sendMessageToCare(question("o1", id, "OVRIGT")));

        assertOk(service.careSendsMessage(new CareMessage(id, DOCTOR, null, null, "Kan ej komplettera", "k2")));

        assertThat(messages(id)).filteredOn(MessageView::handled).extracting(MessageView::meddelandeId)
                .containsExactly("k1", "k2");
        MessageView answer = messages(id).get(3);
        assertThat(answer.amne()).isEqualTo("KOMPLT");
        assertThat(answer.svarPaMeddelandeId()).isEqualTo("k2");
    }

    @Test
    void questionsAreHandledAndReopened() {
        String id = sentToFk();
        assertOk(service.sendMessageToCare(question("q", id, "OVRIGT")));
        assertOk(service.setQuestionHandled(new SetQuestionHandled("q", true, DOCTOR)));
        assertThat(messages(id).get(0).handled()).isTrue();
        assertThat(messages(id).get(0).handledBy()).isEqualTo(DOCTOR);
        assertOk(service.setQuestionHandled(new SetQuestionHandled("q", false, DOCTOR)));
        assertThat(messages(id).get(0).handled()).isFalse();

        assertError(service.setQuestionHandled(new SetQuestionHandled("none", true, DOCTOR)), ErrorId.VALIDATION_ERROR,
                "Message none does not exist");
        assertOk(service.sendMessageToCare(with(question("p", id, "PAMINN"), "PAMINN", "q", null, null)));
        assertError(service.setQuestionHandled(new SetQuestionHandled("p", true, DOCTOR)), ErrorId.VALIDATION_ERROR,
                "Message p is not a question");
    }

    @Test
    void theRecipientAsksThroughIntygstjansten() {
        String id = sentToFk();
        Outcome<String> asked = service.recipientSendsMessage(new RecipientMessage(id, FKASSA, "KOMPLT", "Komplettering",
                "Komplettera", null, null, List.of(new Complement("32", 1, "Period")), LocalDate.of(2025, 3, 31)));
        assertOk(asked);
        assertThat(messages(id)).singleElement().satisfies(m -> {
            assertThat(m.meddelandeId()).isEqualTo(asked.value());
            assertThat(m.complements()).hasSize(1);
        });
        assertThat(service.recipientSendsMessage(new RecipientMessage(id, "NOSUCH", "OVRIGT", null, "x", null, null,
                List.of(), null)).resultText()).contains("SkickatAv part code NOSUCH is not valid");
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static List<MessageView> messages(String certificateId) {
        return service.messages(certificateId).value();
    }

    private static SendMessageToCare change(SendMessageToCare m, UnaryOperator<SendMessageToCare> f) {
        return f.apply(m);
    }

    private static SendMessageToCare webcert(SendMessageToCare m) {
        return new SendMessageToCare(MessageEndpoint.WEBCERT, m.meddelandeId(), m.referensId(), m.skickatTidpunkt(),
                m.certificateId(), m.patientId(), m.logiskAdressMottagare(), m.amne(), m.rubrik(), m.meddelande(),
                m.paminnelseMeddelandeId(), m.svarPa(), m.sentByPart(), m.kontaktInfo(), m.complements(),
                m.sistaDatumForSvar());
    }

    private static SendMessageToCare withPatient(SendMessageToCare m, String patient) {
        return new SendMessageToCare(m.endpoint(), m.meddelandeId(), m.referensId(), m.skickatTidpunkt(),
                m.certificateId(), patient, m.logiskAdressMottagare(), m.amne(), m.rubrik(), m.meddelande(),
                m.paminnelseMeddelandeId(), m.svarPa(), m.sentByPart(), m.kontaktInfo(), m.complements(),
                m.sistaDatumForSvar());
    }

    private static SendMessageToCare withId(SendMessageToCare m, String id) {
        return new SendMessageToCare(m.endpoint(), id, m.referensId(), m.skickatTidpunkt(), m.certificateId(),
                m.patientId(), m.logiskAdressMottagare(), m.amne(), m.rubrik(), m.meddelande(), m.paminnelseMeddelandeId(),
                m.svarPa(), m.sentByPart(), m.kontaktInfo(), m.complements(), m.sistaDatumForSvar());
    }

    private static SendMessageToCare withCertificate(SendMessageToCare m, String certificateId) {
        return new SendMessageToCare(m.endpoint(), m.meddelandeId(), m.referensId(), m.skickatTidpunkt(),
                new IntygId(UNIT, certificateId), m.patientId(), m.logiskAdressMottagare(), m.amne(), m.rubrik(),
                m.meddelande(), m.paminnelseMeddelandeId(), m.svarPa(), m.sentByPart(), m.kontaktInfo(), m.complements(),
                m.sistaDatumForSvar());
    }

    private static SendMessageToCare with(SendMessageToCare m, String amne, String paminnelse, MessageRef svarPa,
            LocalDate sista) {
        return new SendMessageToCare(m.endpoint(), m.meddelandeId(), m.referensId(), m.skickatTidpunkt(),
                m.certificateId(), m.patientId(), m.logiskAdressMottagare(), amne, m.rubrik(), m.meddelande(), paminnelse,
                svarPa, m.sentByPart(), m.kontaktInfo(), List.of(), sista);
    }

    private static SendMessageToRecipient withAmne(SendMessageToRecipient m, String amne, String paminnelse,
            MessageRef svarPa, LocalDate sista) {
        return new SendMessageToRecipient(m.meddelandeId(), m.referensId(), m.skickatTidpunkt(), m.certificateId(),
                m.patientId(), m.logiskAdressMottagare(), amne, m.rubrik(), m.meddelande(), paminnelse, svarPa,
                m.sentByHsaId(), m.sentByName(), sista);
    }
}
