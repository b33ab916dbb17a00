package se.conformance.simulator.intyg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.DOCTOR;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.FKASSA;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.TEST_PERSON;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.TOLVAN;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.UNIT;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.conformance.simulator.intyg.IntygCommands.CertificateAction;
import se.conformance.simulator.intyg.IntygCommands.Complement;
import se.conformance.simulator.intyg.IntygCommands.GetCertificate;
import se.conformance.simulator.intyg.IntygCommands.IntygId;
import se.conformance.simulator.intyg.IntygCommands.MessageRef;
import se.conformance.simulator.intyg.IntygCommands.RecipientMessage;
import se.conformance.simulator.intyg.IntygCommands.RevokeSigned;
import se.conformance.simulator.intyg.IntygCommands.SendSigned;
import se.conformance.simulator.intyg.IntygCommands.SignDraft;
import se.conformance.simulator.intyg.IntygModel.MessageView;
import se.conformance.simulator.intyg.IntygModel.Relation;
import se.conformance.simulator.intyg.message.Arenden;
import se.conformance.simulator.intyg.status.CertificateStatus;
import se.conformance.simulator.intyg.status.StatusCode;
import se.conformance.simulator.intyg.store.NotificationOutbox.Notification;
import se.conformance.simulator.intyg.store.RecipientInbox;

/**
 * The whole life of a sick-leave certificate at domain level, as a journal system integrated with Webcert
 * sees it: draft, sign, send to Försäkringskassan, a complement request, the complementing certificate
 * sent on its own, the request closed, and a revocation forwarded to Försäkringskassan.
 */
class CertificateJourneyTest extends IntygServiceTestBase {

    @Test
    void draftSignSendComplementAndRevoke() {
        String original = createdDraft();
        assertOk(service.markReadyToSign(new CertificateAction(original, DOCTOR)));
        assertOk(service.signDraft(new SignDraft(lisjp(original, TOLVAN), DOCTOR)));
        assertOk(service.sendSigned(new SendSigned(original, null, DOCTOR)));

        clock.advance(Duration.ofDays(1));
        Outcome<String> asked = service.recipientSendsMessage(new RecipientMessage(original, FKASSA, "KOMPLT",
                "Komplettering", "Komplettera diagnosen", null, null, List.of(new Complement("6", null, "Ange ICD-10-kod")),
                LocalDate.of(2025, 3, 25)));
        assertOk(asked);
        String question = asked.value();

        clock.advance(Duration.ofHours(3));
        String complement = createdDraft();
        MessageRef svarPa = new MessageRef(question, null);
        assertOk(service.signDraft(new SignDraft(withRelation(lisjp(complement, TOLVAN), "KOMPLT", original, svarPa),
                DOCTOR)));

        clock.advance(Duration.ofDays(1));
        assertOk(service.revokeSigned(new RevokeSigned(original, "Ersatt av kompletteringen", DOCTOR)));

        List<Notification> all = outbox.all();
        assertThat(all).extracting(Notification::certificateId, Notification::code).containsExactly(
                tuple(original, Handelsekod.SKAPAT),
                tuple(original, Handelsekod.KFSIGN),
                tuple(original, Handelsekod.SIGNAT),
                tuple(original, Handelsekod.SKICKA),
                tuple(original, Handelsekod.NYFRFM),
                tuple(complement, Handelsekod.SKAPAT),
                tuple(complement, Handelsekod.SIGNAT),
                tuple(original, Handelsekod.HANFRFM),
                tuple(complement, Handelsekod.SKICKA),
                tuple(original, Handelsekod.MAKULE));
        Notification nyfrfm = all.get(4);
        assertThat(nyfrfm.amne()).isEqualTo("KOMPLT");
        assertThat(nyfrfm.sistaDatumForSvar()).isEqualTo(LocalDate.of(2025, 3, 25));
        assertThat(nyfrfm.mottagnaFragor()).isEqualTo(Arenden.of(1, 0, 0));
        assertThat(nyfrfm.skickadeFragor()).isEqualTo(Arenden.NONE);
        assertThat(nyfrfm.handelseTidpunkt()).isEqualTo(TODAY.plusDays(1).atTime(8, 0));
        Notification handled = all.get(7);
        assertThat(handled.mottagnaFragor()).isEqualTo(Arenden.of(0, 0, 1));
        assertThat(handled.hanteratAv()).isEqualTo(DOCTOR);
        assertThat(handled.amne()).as("only NYFRFM carries amne").isNull();
        assertThat(all.get(9).mottagnaFragor()).as("MAKULE carries the counts").isEqualTo(Arenden.of(0, 0, 1));
        assertThat(all.get(3).mottagnaFragor()).as("SKICKA carries zeros").isEqualTo(Arenden.NONE);
        assertThat(all.get(8).certificateXml()).isEqualTo(xml(complement));

        assertThat(service.messages(original).value()).singleElement().satisfies((MessageView m) -> {
            assertThat(m.handled()).isTrue();
            assertThat(m.handledBy()).isEqualTo(DOCTOR);
        });
        assertThat(service.getCertificate(new GetCertificate(new IntygId(UNIT, complement), "HSVARD")).value().statuses())
                .extracting(CertificateStatus::status, CertificateStatus::part)
                .containsExactly(tuple(StatusCode.RECEIV, "HSVARD"), tuple(StatusCode.SENTTO, FKASSA));
        assertThat(service.listRelationsForCertificate(List.of(original)).value().get(0).relations())
                .extracting(Relation::type, Relation::fromCertificateId, Relation::fromRevoked)
                .containsExactly(tuple("KOMPLT", complement, false));

        assertThat(inbox.received(FKASSA)).extracting(RecipientInbox.Entry::operation, RecipientInbox.Entry::certificateId)
                .containsExactly(
                        tuple(RecipientInbox.Operation.RegisterCertificate, original),
                        tuple(RecipientInbox.Operation.RegisterCertificate, complement),
                        tuple(RecipientInbox.Operation.RevokeCertificate, original));
        assertThat(inbox.received(FKASSA).get(2).text()).isEqualTo("Ersatt av kompletteringen");
    }

    @Test
    void aComplementRegisteredDirectlyClosesOnlyTheComplementQuestionsAndIsSent() {
        String original = sentToFk();
        assertOk(service.sendMessageToCare(question("k", original, "KOMPLT")));
        assertOk(service.sendMessageToCare(question("o", original, "OVRIGT")));

        String complement = newId();
        assertOk(service.registerCertificate(withRelation(lisjp(complement, TOLVAN), "KOMPLT", original,
                new MessageRef("k", "ref-k"))));

        assertThat(inbox.received(FKASSA)).extracting(RecipientInbox.Entry::certificateId).containsExactly(original,
                complement);
        assertThat(service.messages(original).value()).extracting(MessageView::meddelandeId, MessageView::handled)
                .containsExactly(tuple("k", true), tuple("o", false));
    }

    @Test
    void aTestPatientsComplementClosesTheQuestionButIsNotSent() {
        String original = registered(TEST_PERSON);
        assertOk(service.sendMessageToCare(new IntygCommands.SendMessageToCare(IntygCommands.MessageEndpoint.WEBCERT,
                "k", null, SIGNED, new IntygId(UNIT, original), TEST_PERSON, UNIT, "KOMPLT", null, "x", null, null,
                FKASSA, List.of(), List.of(new Complement("1", null, "y")), null)));

        String complement = newId();
        assertOk(service.registerCertificate(withRelation(lisjp(complement, TEST_PERSON), "KOMPLT", original,
                new MessageRef("k", null))));

        assertThat(inbox.all()).isEmpty();
        assertThat(service.messages(original).value().get(0).handled()).isTrue();
    }
}
