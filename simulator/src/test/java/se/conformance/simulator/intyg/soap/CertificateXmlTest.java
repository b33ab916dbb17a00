package se.conformance.simulator.intyg.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.child;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.children;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.descendants;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.first;

import jakarta.xml.bind.JAXBContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;
import se.conformance.simulator.intyg.IntygCommands;
import se.conformance.simulator.intyg.IntygCommands.IntygId;
import se.conformance.simulator.intyg.IntygCommands.MessageRef;
import se.conformance.simulator.intyg.IntygCommands.RelationRef;
import se.conformance.simulator.intyg.IntygCommands.SickLeavePeriod;
import se.conformance.simulator.intyg.IntygModel.CertificateView;
import se.conformance.simulator.intyg.IntygModel.Lifecycle;
import se.conformance.simulator.intyg.contract.createdraftcertificate.CreateDraftCertificate;
import se.conformance.simulator.intyg.rules.CertificateTypeRules;
import se.conformance.simulator.intyg.seed.JdbcIntygSeed;
import se.conformance.simulator.intyg.status.CertificateStatus;
import se.conformance.simulator.intyg.status.StatusCode;
import se.conformance.simulator.soap.SoapOperation;

/**
 * The certificate XML the adapter stores and builds: a registration kept verbatim, a draft completed with
 * what the domain assigned, and the certificate a doctor signs in Webcert — schema-valid, and passing its
 * type's rules with the default answers.
 */
class CertificateXmlTest {

    private static final String UNIT = JdbcIntygSeed.UNIT;
    private static final LocalDateTime SIGNED = LocalDateTime.of(2025, 3, 10, 14, 5, 30);
    private static final SoapOperation REGISTER = new SoapOperation("intyg", "RegisterCertificate", "/x", "x",
            "contracts/intyg/interactions/RegisterCertificateInteraction/RegisterCertificateResponder_3.1.xsd", "x");

    private static CertificateTypeRules rules;

    @BeforeAll
    static void compileRules() {
        rules = CertificateTypeRules.onClasspath();
    }

    @Test
    void theStoredElementIsTheRequestsElementVerbatimWithTheNamespacesOfItsEnvelope() {
        Element envelope = CertificateXml.parse(example("RegisterCertificate"));
        Element intyg = descendants(envelope, "intyg").get(0);

        String stored = CertificateXml.toXml(intyg);

        assertThat(stored).startsWith("<r:intyg xmlns:").endsWith("</r:intyg>").doesNotStartWith("<?xml")
                .contains("\n        <c:svar id=\"29\">\n          <c:delsvar id=\"29.1\">Lagerarbetare med tunga lyft "
                        + "och truckkörning.</c:delsvar>");
        assertThat(stored).contains("xmlns:r=\"" + CertificateXml.REGISTER_NS + "\"");
        Diff diff = DiffBuilder.compare(Input.fromNode(CertificateXml.parse(stored))).withTest(Input.fromNode(intyg)).checkForIdentical().build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
        assertThat(CertificateXml.intyg(stored).getIntygsId().getExtension())
                .isEqualTo("9f02dd2f-f57c-4a73-8190-2fe602bd6e2a");
    }

    @Test
    void aRegistrationCarriesWhatTheDomainChecksAndKeepsTheXml() {
        String stored = CertificateXml.toXml(descendants(CertificateXml.parse(example("RegisterCertificate")), "intyg").get(0));

        IntygCommands.RegisterCertificate r = CertificateXml.registration(stored, new MessageRef("m-1", "ref-1"));

        assertThat(r.id()).isEqualTo(new IntygId(UNIT, "9f02dd2f-f57c-4a73-8190-2fe602bd6e2a"));
        assertThat(List.of(r.typeCode(), r.typeVersion(), r.patientId(), r.unitId(), r.careProviderId(), r.issuerId(),
                r.issuerName())).containsExactly("LISJP", "1.3", "191212121212", UNIT, JdbcIntygSeed.PROVIDER,
                JdbcIntygSeed.DOCTOR, "Anna Läkare");
        assertThat(r.signedAt()).isEqualTo(LocalDateTime.of(2025, 3, 3, 9, 15));
        assertThat(r.periods()).containsExactly(
                new SickLeavePeriod("HALFTEN", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 16)));
        assertThat(r.diagnosisCode()).isEqualTo("J22");
        assertThat(r.relation()).isNull();
        assertThat(r.svarPa()).isEqualTo(new MessageRef("m-1", "ref-1"));
        assertThat(r.xml()).isSameAs(stored);
    }

    @Test
    void aNewDraftIsStoredAsACoreIntygWithBlanksForWhatTheDomainAssigns() {
        Element draft = CertificateXml.parse(CertificateXml.draftXml(createDraftRequest()));

        assertThat(first(child(draft, "intygs-id"), "root")).isEqualTo(UNIT);
        assertThat(first(child(draft, "intygs-id"), "extension")).isEmpty();
        assertThat(first(draft, "version")).isEmpty();
        assertThat(first(child(draft, "patient"), "fornamn")).isEqualTo("Tolvan");
        assertThat(first(draft, "enhetsnamn")).isEqualTo("Vårdcentralen Testmottagningen");
        assertThat(children(draft, "svar")).extracting(s -> s.getAttribute("id")).containsExactly("6", "19");
    }

    @Test
    void aDraftIsShownAsACompleteSchemaValidCertificateWithTheDomainsIdVersionAndCareProvider() {
        CertificateView view = draftView("LISJP", "1.3", CertificateXml.draftXml(createDraftRequest()));

        Element intyg = CertificateXml.parse(CertificateXml.toXml(CertificateXml.intyg(view)));

        assertValidRegistration(intyg);
        assertThat(first(child(intyg, "intygs-id"), "extension")).isEqualTo("draft-1");
        assertThat(first(intyg, "version")).isEqualTo("1.3");
        assertThat(first(child(intyg, "typ"), "code")).isEqualTo("LISJP");
        assertThat(first(child(nth(intyg, "vardgivare", 0), "vardgivare-id"), "extension")).isEqualTo(JdbcIntygSeed.PROVIDER);
        assertThat(first(child(nth(intyg, "enhet", 0), "arbetsplatskod"), "extension"))
                .isEqualTo(CertificateXml.TEMPORARY_ARBETSPLATSKOD);
        assertThat(first(child(intyg, "patient"), "efternamn")).isEqualTo("Tolvansson");
        assertThat(children(intyg, "signeringstidpunkt")).isEmpty();
        assertThat(children(intyg, "status")).isEmpty();
    }

    @Test
    void aSignedDraftHasTheDefaultAnswersWithThePrefilledOnesInTheirPlaceAndPassesItsRules() {
        String prefilled = CertificateXml.draftXml(createDraftRequest()).replace(">J22<", ">J20<")
                .replace("Akut nedre luftvägsinfektion", "Akut bronkit");
        CertificateView view = draftView("LISJP", "1.3", prefilled);

        Element signed = CertificateXml.parse(CertificateXml.signedCertificateXml(view, SIGNED));

        assertValidRegistration(signed);
        assertThat(rules.validate("LISJP", "1.3", signed)).isEmpty();
        assertThat(first(signed, "signeringstidpunkt")).isEqualTo("2025-03-10T14:05:30");
        assertThat(first(signed, "skickatTidpunkt")).isEqualTo("2025-03-10T14:05:30");
        assertThat(children(signed, "svar")).extracting(s -> s.getAttribute("id"))
                .containsExactly("1", "28", "29", "6", "35", "17", "19", "32", "33", "34", "39", "40", "25", "26");
        assertThat(CertificateXml.registration(CertificateXml.toXml(signed), null).diagnosisCode()).isEqualTo("J20");
        assertThat(CertificateXml.toXml(signed)).contains("Akut bronkit").doesNotContain("J22");
    }

    @Test
    void aSignedTransportstyrelsenDraftPassesItsRulesWithTheDefaultAnswers() {
        Element draft = CertificateXml.parse(CertificateXml.draftXml(createDraftRequest()));
        children(draft, "svar").forEach(draft::removeChild); // no prefilled answers
        CertificateView view = draftView("TSTRK1031", "4.2", CertificateXml.toXml(draft));

        Element signed = CertificateXml.parse(CertificateXml.signedCertificateXml(view, SIGNED));

        assertValidRegistration(signed);
        assertThat(rules.validate("TSTRK1031", "4.2", signed)).isEmpty();
        assertThat(children(signed, "svar")).hasSize(9);
    }

    @Test
    void aTypeWithoutDefaultAnswersIsSignedWithThePrefilledOnesOnly() {
        CertificateView view = draftView("LUSE", "1.3", CertificateXml.draftXml(createDraftRequest()));

        Element signed = CertificateXml.parse(CertificateXml.signedCertificateXml(view, SIGNED));

        assertValidRegistration(signed);
        assertThat(children(signed, "svar")).extracting(s -> s.getAttribute("id")).containsExactly("6", "19");
        assertThat(rules.validate("LUSE", "1.3", signed)).isEmpty();
    }

    @Test
    void givenAnswersAndARelationAreTheSignedCertificates() {
        CertificateView view = draftView("LISJP", "1.3", CertificateXml.draftXml(createDraftRequest()));
        String answers = "<a xmlns=\"urn:riv:clinicalprocess:healthcond:certificate:3\"><svar id=\"27\">"
                + "<delsvar id=\"27.1\">true</delsvar></svar></a>";

        Element signed = CertificateXml.parse(CertificateXml.signedCertificateXml(view, SIGNED, answers,
                new RelationRef("KOMPLT", "original-1")));

        assertValidRegistration(signed);
        assertThat(children(signed, "svar")).extracting(s -> s.getAttribute("id")).containsExactly("27");
        assertThat(CertificateXml.registration(CertificateXml.toXml(signed), null).relation())
                .isEqualTo(new RelationRef("KOMPLT", "original-1"));
    }

    @Test
    void aSignedCertificateIsShownWithTheViewsStatusesInsteadOfAnyItCarried() {
        String stored = CertificateXml.signedCertificateXml(draftView("LISJP", "1.3",
                CertificateXml.draftXml(createDraftRequest())), SIGNED);
        CertificateView signed = new CertificateView(new IntygId(UNIT, "draft-1"), "LISJP", "1.3", "191212121212", UNIT,
                JdbcIntygSeed.PROVIDER, JdbcIntygSeed.DOCTOR, "Anna Läkare", SIGNED, Lifecycle.SIGNED, false, false,
                null, List.of(new CertificateStatus(StatusCode.RECEIV, "HSVARD", SIGNED),
                        new CertificateStatus(StatusCode.SENTTO, "FKASSA", SIGNED.plusMinutes(1))), stored);

        var intyg = CertificateXml.intyg(signed);

        assertThat(intyg.getStatus()).extracting(s -> s.getStatus().getCode(), s -> s.getPart().getCode(),
                s -> s.getTidpunkt().toXMLFormat())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RECEIV", "HSVARD", "2025-03-10T14:05:30"),
                        org.assertj.core.groups.Tuple.tuple("SENTTO", "FKASSA", "2025-03-10T14:06:30"));
        assertThatThrownBy(() -> CertificateXml.signedCertificateXml(signed, SIGNED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already signed");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static CertificateView draftView(String type, String version, String xml) {
        return new CertificateView(new IntygId(UNIT, "draft-1"), type, version, "191212121212", UNIT,
                JdbcIntygSeed.PROVIDER, JdbcIntygSeed.DOCTOR, "Anna Läkare", null, Lifecycle.DRAFT, false, false, null,
                List.of(), xml);
    }

    /** The CreateDraftCertificate example's {@code intyg}, as JAXB reads it. */
    private static se.conformance.simulator.intyg.contract.createdraftcertificate.Intyg createDraftRequest() {
        Element payload = descendants(CertificateXml.parse(example("CreateDraftCertificate")), "CreateDraftCertificate").get(0);
        try {
            return JAXBContext.newInstance(CreateDraftCertificate.class).createUnmarshaller()
                    .unmarshal(payload, CreateDraftCertificate.class).getValue().getIntyg();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The certificate inside a RegisterCertificate request is valid against the responder schema. */
    private static void assertValidRegistration(Element intyg) {
        assertThat(intyg.getNamespaceURI()).isEqualTo(CertificateXml.REGISTER_NS);
        assertThat(intyg.getLocalName()).isEqualTo("intyg");
        String request = "<r:RegisterCertificate xmlns:r=\"" + CertificateXml.REGISTER_NS + "\">"
                + CertificateXml.toXml(intyg) + "</r:RegisterCertificate>";
        IntygSoapClient.assertValid(REGISTER, CertificateXml.parse(request), request);
    }

    private static Element nth(Element scope, String localName, int index) {
        return descendants(scope, localName).get(index);
    }

    private static String example(String name) {
        try (InputStream in = CertificateXmlTest.class.getResourceAsStream("/soap/intyg/" + name + ".xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
