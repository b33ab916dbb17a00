package se.conformance.simulator.intyg.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.intyg.notification.IntygFixtures.DOCTOR;
import static se.conformance.simulator.intyg.notification.IntygFixtures.PROVIDER;
import static se.conformance.simulator.intyg.notification.IntygFixtures.UNIT;
import static se.conformance.simulator.intyg.notification.VendorAnswers.CORE;
import static se.conformance.simulator.intyg.notification.VendorAnswers.CSUFC;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;
import se.conformance.simulator.intyg.Handelsekod;
import se.conformance.simulator.intyg.message.Arenden;
import se.conformance.simulator.intyg.store.NotificationOutbox.DeliveryState;
import se.conformance.simulator.intyg.store.NotificationOutbox.Notification;
import se.conformance.simulator.soap.SoapEnvelope;

/** The CertificateStatusUpdateForCare request built from an outbox notification. */
class StatusUpdateRequestTest {

    private static final OutboundOperation CSUFC_OP = OutboundOperation.CERTIFICATE_STATUS_UPDATE_FOR_CARE;
    private static final String ID = "9f02dd2f-f57c-4a73-8190-2fe602bd6e2a";
    /** 08:00:00.120 Swedish time (CET). */
    private static final Instant CREATED = Instant.parse("2025-03-10T07:00:00.120Z");

    private static Notification notification(Handelsekod code, String xml, String hanteratAv, String ref) {
        return new Notification(1, UUID.randomUUID().toString(), ID, UNIT, "LISJP", code, "KOMPLT",
                LocalDate.of(2025, 3, 24), hanteratAv, xml, ref, new Arenden(2, 1, 1, 0), new Arenden(3, 1, 1, 1), CREATED,
                DeliveryState.PENDING, 0, CREATED, null, null, null);
    }

    private static Element built(Notification n) {
        OutboundRequest request = StatusUpdateRequest.build(n, "1.3", PROVIDER);
        assertThat(request.problems()).as("our own schema").isEmpty();
        assertThat(Xml.violations(CSUFC_OP, request.envelope())).as("validated again from the text").isEmpty();
        SoapEnvelope envelope = Xml.envelope(request.envelope());
        assertThat(envelope.logicalAddress()).isEqualTo(UNIT);
        Element payload = envelope.payload();
        assertThat(payload.getNamespaceURI()).isEqualTo(CSUFC);
        assertThat(payload.getLocalName()).isEqualTo("CertificateStatusUpdateForCare");
        return payload;
    }

    @Test
    void aQuestionFromTheRecipientCarriesEveryField() {
        OutboundRequest request = StatusUpdateRequest.build(notification(Handelsekod.NYFRFM, IntygFixtures.signed(ID),
                DOCTOR, "journal-ref-1"), "1.3", PROVIDER);
        assertThat(request.operation()).isEqualTo(CSUFC_OP);
        assertThat(request.personId()).isEqualTo("191212121212");
        assertThat(request.careProviderId()).isEqualTo(PROVIDER);
        Element r = built(notification(Handelsekod.NYFRFM, IntygFixtures.signed(ID), DOCTOR, "journal-ref-1"));

        assertThat(Xml.childNames(r)).containsExactly("intyg", "handelse", "skickadeFragor", "mottagnaFragor", "ref",
                "hanteratAv");
        assertThat(Xml.text(r, "handelse", "handelsekod", "code")).isEqualTo("NYFRFM");
        assertThat(Xml.text(r, "handelse", "handelsekod", "codeSystem")).isEqualTo("dfd7bbad-dbe5-4a2f-ba25-f7b9b2cc6b14");
        assertThat(Xml.text(r, "handelse", "tidpunkt")).isEqualTo("2025-03-10T08:00:00.120");
        assertThat(Xml.text(r, "handelse", "amne", "code")).isEqualTo("KOMPLT");
        assertThat(Xml.text(r, "handelse", "amne", "codeSystem")).isEqualTo("ffa59d8f-8d7e-46ae-ac9e-31804e8e8499");
        assertThat(Xml.text(r, "handelse", "sistaDatumForSvar")).isEqualTo("2025-03-24");
        assertThat(Xml.at(r, "handelse", "hanteratAv").getNamespaceURI())
                .isEqualTo("urn:riv:clinicalprocess:healthcond:certificate:3.4");
        assertThat(Xml.text(r, "handelse", "hanteratAv", "root")).isEqualTo("1.2.752.129.2.1.4.1");
        assertThat(Xml.text(r, "handelse", "hanteratAv", "extension")).isEqualTo(DOCTOR);
        assertThat(Xml.text(r, "skickadeFragor", "totalt")).isEqualTo("2");
        assertThat(Xml.text(r, "skickadeFragor", "ejBesvarade")).isEqualTo("1");
        assertThat(Xml.text(r, "skickadeFragor", "besvarade")).isEqualTo("1");
        assertThat(Xml.text(r, "skickadeFragor", "hanterade")).isEqualTo("0");
        assertThat(Xml.text(r, "mottagnaFragor", "totalt")).isEqualTo("3");
        assertThat(Xml.text(r, "mottagnaFragor", "hanterade")).isEqualTo("1");
        assertThat(Xml.text(r, "ref")).isEqualTo("journal-ref-1");
        Element hanteratAv = Xml.at(r, "hanteratAv");
        assertThat(hanteratAv.getNamespaceURI())
                .isEqualTo("urn:riv:clinicalprocess:healthcond:certificate:CertificateStatusUpdateForCareResponder:3.2");
        assertThat(Xml.text(r, "hanteratAv", "extension")).isEqualTo(DOCTOR);
        assertThat(Xml.at(r, "intyg").getNamespaceURI()).isEqualTo(CSUFC);
        assertThat(Xml.at(r, "intyg", "intygs-id").getNamespaceURI()).isEqualTo(CORE);
        assertThat(Xml.text(r, "intyg", "intygs-id", "extension")).isEqualTo(ID);
        assertThat(Xml.text(r, "intyg", "svar", "delsvar")).isEqualTo("Akut bronkit");
    }

    @ParameterizedTest
    @EnumSource(Handelsekod.class)
    void amneAndSistaDatumForSvarGoOnlyWithANewQuestionFromTheRecipient(Handelsekod code) {
        Element r = built(notification(code, IntygFixtures.signed(ID), DOCTOR, "journal-ref-1"));

        assertThat(Xml.text(r, "handelse", "handelsekod", "code")).isEqualTo(code.name());
        boolean question = code == Handelsekod.NYFRFM;
        assertThat(Xml.at(r, "handelse", "amne") != null).isEqualTo(question);
        assertThat(Xml.at(r, "handelse", "sistaDatumForSvar") != null).isEqualTo(question);
    }

    @Test
    void withoutUserAndRefThoseElementsAreLeftOut() {
        Element r = built(notification(Handelsekod.NYSVFM, IntygFixtures.signed(ID), null, null));

        assertThat(Xml.childNames(r)).containsExactly("intyg", "handelse", "skickadeFragor", "mottagnaFragor");
        assertThat(Xml.childNames(Xml.at(r, "handelse"))).containsExactly("handelsekod", "tidpunkt");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"intyg element", "RegisterCertificate element", "envelope", "other prefixes"})
    void theIntygIsTheStoredContentUnderThisOperationsIntyg(String form) {
        String stored = switch (form) {
            case "intyg element" -> IntygFixtures.signed(ID);
            case "RegisterCertificate element" -> IntygFixtures.registerCertificateElement(ID);
            case "envelope" -> IntygFixtures.envelope(ID);
            default -> IntygFixtures.signedWithOtherPrefixes(ID);
        };
        OutboundRequest request = StatusUpdateRequest.build(notification(Handelsekod.SIGNAT, stored, DOCTOR, null), "1.3",
                PROVIDER);
        assertThat(request.problems()).isEmpty();

        String expected = "<x:intyg xmlns:x=\"" + CSUFC + "\" xmlns:c=\"" + CORE + "\""
                + " xmlns:t=\"urn:riv:clinicalprocess:healthcond:certificate:types:3\""
                + " xmlns:m1=\"urn:riv:clinicalprocess:healthcond:certificate:3.2\">" + IntygFixtures.content(ID, UNIT)
                + "</x:intyg>";
        Element intyg = Xml.at(Xml.envelope(request.envelope()).payload(), "intyg");
        Diff diff = DiffBuilder.compare(Input.fromString(expected)).withTest(Input.fromNode(intyg)).ignoreWhitespace()
                .checkForSimilar().build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"blanks", "missing"})
    void aDraftIsCompletedAndItsUnitRepairedAsWebcertDoes(String form) {
        String draft = form.equals("blanks") ? IntygFixtures.draft() : IntygFixtures.draftWithoutIdAndVersion();
        Element r = built(notification(Handelsekod.SKAPAT, draft, DOCTOR, "journal-ref-1"));

        Element intyg = Xml.at(r, "intyg");
        assertThat(Xml.childNames(intyg)).startsWith("intygs-id", "typ", "version", "patient", "skapadAv");
        assertThat(Xml.text(intyg, "intygs-id", "root")).isEqualTo(UNIT);
        assertThat(Xml.text(intyg, "intygs-id", "extension")).isEqualTo(ID);
        assertThat(Xml.text(intyg, "version")).isEqualTo("1.3");
        Element enhet = Xml.at(intyg, "skapadAv", "enhet");
        assertThat(Xml.text(enhet, "vardgivare", "vardgivare-id", "extension")).isEqualTo(PROVIDER);
        assertThat(Xml.text(enhet, "arbetsplatskod", "root")).isEqualTo("1.2.752.29.4.71");
        assertThat(Xml.text(enhet, "arbetsplatskod", "extension")).isEqualTo("TEMPORARY ARBETSPLATSKOD");
        assertThat(Xml.childNames(enhet)).doesNotContain("epost")
                .containsExactly("enhets-id", "arbetsplatskod", "enhetsnamn", "postadress", "postnummer", "postort",
                        "telefonnummer", "vardgivare");
    }

    @Test
    void withoutTheDomainsFactsADraftsBlanksStayAndItIsNotSent() {
        OutboundRequest request = StatusUpdateRequest.build(notification(Handelsekod.SKAPAT, IntygFixtures.draft(), DOCTOR,
                null), null, null);

        assertThat(request.sendable()).isFalse();
        assertThat(String.join(" ", request.problems())).contains("extension");
    }

    @Test
    void anIdNamingAnotherCertificateIsReplacedAndAMissingArbetsplatskodAdded() {
        String stale = IntygFixtures.signed("another-id").replaceAll(
                "<c:arbetsplatskod>.*?</c:arbetsplatskod>", "");
        Element intyg = Xml.at(built(notification(Handelsekod.ANDRAT, stale, DOCTOR, null)), "intyg");

        assertThat(Xml.text(intyg, "intygs-id", "extension")).isEqualTo(ID);
        assertThat(Xml.text(intyg, "intygs-id", "root")).isEqualTo(UNIT);
        assertThat(Xml.text(intyg, "skapadAv", "enhet", "arbetsplatskod", "extension"))
                .isEqualTo("TEMPORARY ARBETSPLATSKOD");
        assertThat(Xml.text(intyg, "skapadAv", "enhet", "epost")).as("a filled epost is kept").isEqualTo("vc@example.se");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<utkast/>", "not xml at all", " ", "<rc:intyg xmlns:rc=\"urn:test\"><id>1</id></rc:intyg>"})
    void storedXmlThatIsNoIntygIsNotSent(String stored) {
        OutboundRequest request = StatusUpdateRequest.build(notification(Handelsekod.SKAPAT, stored, DOCTOR, null), "1.3",
                PROVIDER);

        assertThat(request.sendable()).isFalse();
        assertThat(request.envelope()).isNull();
        assertThat(request.notSentText()).startsWith("not sent: our CertificateStatusUpdateForCare request is invalid: ")
                .containsAnyOf("not an Intyg", "not well-formed", "no certificate XML");
    }

    @Test
    void anIncompleteIntygIsNotSentAndSaysWhatIsWrong() {
        String withoutPatient = IntygFixtures.draft().replaceAll("<c:patient>.*?</c:patient>", "");
        OutboundRequest request = StatusUpdateRequest.build(notification(Handelsekod.SKAPAT, withoutPatient, DOCTOR, null),
                "1.3", PROVIDER);

        assertThat(request.sendable()).isFalse();
        assertThat(request.envelope()).as("kept for the journal").contains("CertificateStatusUpdateForCare");
        assertThat(String.join(" ", request.problems())).contains("skapadAv").contains("patient");
    }
}
