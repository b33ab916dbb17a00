package se.conformance.simulator.intyg;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.DOCTOR;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.FKASSA;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.PROVIDER;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.TOLVAN;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.UNIT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import se.conformance.simulator.support.TestDatabase;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.intyg.IntygCommands.Complement;
import se.conformance.simulator.intyg.IntygCommands.CreateDraftCertificate;
import se.conformance.simulator.intyg.IntygCommands.IntygId;
import se.conformance.simulator.intyg.IntygCommands.MessageEndpoint;
import se.conformance.simulator.intyg.IntygCommands.MessageRef;
import se.conformance.simulator.intyg.IntygCommands.Patient;
import se.conformance.simulator.intyg.IntygCommands.RegisterCertificate;
import se.conformance.simulator.intyg.IntygCommands.RelationRef;
import se.conformance.simulator.intyg.IntygCommands.SendMessageToCare;
import se.conformance.simulator.intyg.IntygCommands.SendMessageToRecipient;
import se.conformance.simulator.intyg.IntygCommands.SickLeavePeriod;
import se.conformance.simulator.intyg.seed.JdbcIntygSeed;
import se.conformance.simulator.intyg.store.NotificationOutbox;
import se.conformance.simulator.intyg.store.RecipientInbox;

/**
 * Runs every test of a subclass twice: on H2 in-memory and on PostgreSQL ({@code SIM_TEST_PG_URL};
 * skipped with a message when unset). Each test starts from the default seed on 2025-03-10 08:00.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Engine.class)
abstract class IntygServiceTestBase {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    static final LocalDateTime SIGNED = LocalDateTime.of(2025, 3, 10, 7, 30);
    static final String LISJP = "LISJP";

    @Parameter
    TestDatabase.Engine engine;

    static TestDatabase database;
    static SimulatedClock clock;
    static IntygService service;
    static JdbcIntygSeed seed;
    static NotificationOutbox outbox;
    static RecipientInbox inbox;

    @BeforeParameterizedClassInvocation
    static void open(TestDatabase.Engine engine) {
        database = TestDatabase.open(engine, "intyg");
        clock = new SimulatedClock();
        service = new IntygService(database.database(), clock);
        seed = new JdbcIntygSeed(database.database());
        outbox = new NotificationOutbox(database.database());
        inbox = new RecipientInbox(database.database());
    }

    @AfterParameterizedClassInvocation
    static void close() {
        if (database != null) database.close();
        database = null;
    }

    @BeforeEach
    void resetToDefaultSeed() {
        seed.resetToDefault();
        clock.setDate(TODAY);
    }

    // --- certificates ------------------------------------------------------------------------------

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static String xml(String id) {
        return "<rc:intyg xmlns:rc=\"urn:test\"><id>" + id + "</id></rc:intyg>";
    }

    /** A LISJP 1.3 for {@code patient} on the default unit, signed by Ajla Doktor, sick leave 1–14 March. */
    static RegisterCertificate lisjp(String id, String patient) {
        return new RegisterCertificate(new IntygId(UNIT, id), LISJP, "1.3", patient, UNIT, PROVIDER, DOCTOR,
                "Ajla Doktor", SIGNED, null, null,
                List.of(new SickLeavePeriod("HELT_NEDSATT", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 14))),
                "J20", xml(id));
    }

    static RegisterCertificate withRelation(RegisterCertificate r, String type, String to, MessageRef svarPa) {
        return new RegisterCertificate(r.id(), r.typeCode(), r.typeVersion(), r.patientId(), r.unitId(),
                r.careProviderId(), r.issuerId(), r.issuerName(), r.signedAt(), new RelationRef(type, to), svarPa,
                r.periods(), r.diagnosisCode(), r.xml());
    }

    /** Registers a LISJP for Tolvan; must be accepted. Returns its id. */
    static String registered() {
        return registered(TOLVAN);
    }

    static String registered(String patient) {
        String id = newId();
        assertOk(service.registerCertificate(lisjp(id, patient)));
        return id;
    }

    /** Registers a LISJP for Tolvan and sends it to FKASSA. */
    static String sentToFk() {
        String id = registered();
        assertOk(service.sendCertificateToRecipient(send(id, TOLVAN, FKASSA)));
        return id;
    }

    static IntygCommands.SendCertificateToRecipient send(String id, String patient, String recipient) {
        return new IntygCommands.SendCertificateToRecipient(SIGNED, new IntygId(UNIT, id), patient, recipient, DOCTOR,
                null);
    }

    static IntygCommands.RevokeCertificate revoke(String id, String patient) {
        return new IntygCommands.RevokeCertificate("Fel patient", SIGNED, new IntygId(UNIT, id), patient, DOCTOR);
    }

    // --- messages ------------------------------------------------------------------------------------

    /** A question from FKASSA on {@code certificateId} (Tolvan's), through Intygstjänsten. */
    static SendMessageToCare question(String meddelandeId, String certificateId, String amne) {
        return new SendMessageToCare(MessageEndpoint.INTYGSTJANSTEN, meddelandeId, "ref-" + meddelandeId, SIGNED,
                new IntygId(UNIT, certificateId), TOLVAN, UNIT, amne, "Rubrik", "Meddelandetext", null, null, FKASSA,
                List.of("Handläggare 010-1234567"),
                "KOMPLT".equals(amne) ? List.of(new Complement("1", 1, "Ange grund för medicinskt underlag")) : List.of(),
                LocalDate.of(2025, 3, 24));
    }

    static SendMessageToCare answerFromFk(String meddelandeId, String certificateId, String amne, String svarPa) {
        return new SendMessageToCare(MessageEndpoint.INTYGSTJANSTEN, meddelandeId, null, SIGNED,
                new IntygId(UNIT, certificateId), TOLVAN, UNIT, amne, null, "Svar från FK", null,
                new MessageRef(svarPa, null), FKASSA, List.of(), List.of(), null);
    }

    static SendMessageToRecipient careQuestion(String meddelandeId, String certificateId, String amne) {
        return new SendMessageToRecipient(meddelandeId, null, SIGNED, new IntygId(UNIT, certificateId), TOLVAN, FKASSA,
                amne, "Fråga", "Fråga från vården", null, null, DOCTOR, "Ajla Doktor", LocalDate.of(2025, 3, 20));
    }

    static SendMessageToRecipient careAnswer(String meddelandeId, String certificateId, String amne, String svarPa) {
        return new SendMessageToRecipient(meddelandeId, null, SIGNED, new IntygId(UNIT, certificateId), TOLVAN, FKASSA,
                amne, null, "Svar från vården", null, new MessageRef(svarPa, null), DOCTOR, "Ajla Doktor", null);
    }

    // --- drafts --------------------------------------------------------------------------------------

    static CreateDraftCertificate draft(String type, String patient, String user, String unit) {
        return new CreateDraftCertificate(type, new Patient(patient, List.of("Tolvan"), null, "Tolvansson"), user,
                "Ajla Doktor", unit, "Testvårdenhet NMT", "journal-ref-1", "<utkast/>");
    }

    static String createdDraft() {
        Outcome<IntygId> outcome = service.createDraftCertificate(draft(LISJP, TOLVAN, DOCTOR, UNIT));
        assertOk(outcome);
        return outcome.value().extension();
    }

    // --- assertions ----------------------------------------------------------------------------------

    static void assertOk(Outcome<?> outcome) {
        assertThat(outcome.resultCode()).as("%s %s", outcome.kind(), outcome.resultText()).isEqualTo(ResultCode.OK);
    }

    static void assertInfo(Outcome<?> outcome, String text) {
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.RESULT);
        assertThat(outcome.resultCode()).isEqualTo(ResultCode.INFO);
        assertThat(outcome.errorId()).isNull();
        assertThat(outcome.resultText()).isEqualTo(text);
    }

    static void assertError(Outcome<?> outcome, ErrorId errorId, String text) {
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.RESULT);
        assertThat(outcome.resultCode()).as(outcome.resultText()).isEqualTo(ResultCode.ERROR);
        assertThat(outcome.errorId()).isEqualTo(errorId);
        assertThat(outcome.resultText()).isEqualTo(text);
        assertThat(outcome.value()).isNull();
    }

    static void assertFault(Outcome<?> outcome, String text) {
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FAULT);
        assertThat(outcome.resultText()).isEqualTo(text);
    }

    /** The codes of the outbox notifications of a certificate, in order. */
    static List<Handelsekod> notified(String certificateId) {
        return outbox.forCertificate(certificateId).stream().map(NotificationOutbox.Notification::code).toList();
    }
}
