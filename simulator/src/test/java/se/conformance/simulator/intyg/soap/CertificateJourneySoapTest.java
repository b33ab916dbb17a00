package se.conformance.simulator.intyg.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static se.conformance.simulator.intyg.soap.IntygRequest.example;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.child;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.descendants;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.first;
import static se.conformance.simulator.intyg.soap.IntygSoapClient.json;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import se.conformance.simulator.intyg.rules.CertificateTypeRules;
import se.conformance.simulator.intyg.rules.RuleViolation;
import se.conformance.simulator.intyg.seed.JdbcIntygSeed;
import se.conformance.simulator.intyg.soap.IntygSoapClient.Reply;

/**
 * A journal system integrated with Webcert, over SOAP from start to end against a running simulator: it
 * creates a draft, the doctor signs it in Webcert (the control API), the certificate is read back and sent to Försäkringskassan, Försäkringskassan asks
 * for a complement, the complementing certificate answers it, the journal system's catch-up list shows
 * the question handled, and the original is revoked — which Försäkringskassan receives. Also the type's
 * Schematron rules in front of RegisterCertificate, and a fault rule with its errorId.
 */
class CertificateJourneySoapTest {

    private static final String UNIT = JdbcIntygSeed.UNIT;
    private static final String QUESTION = "6c1f1f5e-2f0b-4b7e-9a57-3e1d2c9a0b11";

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

    @Test
    void draftSignReadSendComplementListAndRevoke() {
        // the journal system creates a draft; the doctor signs it in Webcert
        Reply created = client.ok(example("CreateDraftCertificate"));
        String original = first(created.payload(), "extension");
        assertThat(first(created.payload(), "root")).as("intygs-id root is the unit").isEqualTo(UNIT);
        assertThat(json(client.sign(original, null), 200).getString("resultCode")).isEqualTo("OK");

        // read back: the draft's patient and prefilled answers, the default answers, RECEIV by care
        Reply read = client.call(example("GetCertificate").certificate(original));
        Element intyg = child(read.payload(), "intyg");
        assertThat(first(intyg, "fornamn")).isEqualTo("Tolvan");
        assertThat(first(intyg, "version")).isEqualTo("1.3");
        assertThat(first(intyg, "signeringstidpunkt")).isEqualTo("2025-03-10T08:00:00");
        assertThat(descendants(intyg, "svar")).extracting(s -> s.getAttribute("id"))
                .containsExactly("1", "28", "29", "6", "35", "17", "19", "32", "33", "34", "39", "40", "25", "26");
        assertThat(statuses(intyg)).containsExactly(tuple("HSVARD", "RECEIV"));

        // sent to Försäkringskassan, which asks for a complement
        client.ok(example("SendCertificateToRecipient").certificate(original));
        client.clock().advance(Duration.ofDays(1));
        client.ok(example("SendMessageToCare").certificate(original));

        // the complementing certificate answers the question
        client.clock().advance(Duration.ofHours(2));
        String complement = UUID.randomUUID().toString();
        client.ok(complementing(complement, original, QUESTION));

        // the catch-up list: the original's question from Försäkringskassan handled, the complement sent
        Reply list = client.ok(example("ListCertificatesForCareWithQA"));
        Element originalItem = item(list, original);
        assertThat(events(originalItem)).containsExactly("SKAPAT", "SIGNAT", "SKICKA", "NYFRFM", "HANFRFM");
        assertThat(counts(child(originalItem, "mottagnaFragor"))).containsExactly("1", "0", "0", "1");
        assertThat(counts(child(originalItem, "skickadeFragor"))).containsExactly("0", "0", "0", "0");
        assertThat(first(originalItem, "ref")).isEqualTo("journal-ref-4711");
        Element nyfrfm = descendants(originalItem, "handelse").get(3);
        assertThat(first(nyfrfm, "tidpunkt")).isEqualTo("2025-03-11T08:00:00.000");
        assertThat(first(child(nyfrfm, "amne"), "code")).isEqualTo("KOMPLT");
        assertThat(first(nyfrfm, "sistaDatumForSvar")).isEqualTo("2025-03-19");
        assertThat(events(item(list, complement))).containsExactly("SIGNAT", "SKICKA");
        Reply relations = client.call(example("ListRelationsForCertificate").certificate(original));
        assertThat(first(relations.payload(), "fran-intygs-id")).isEqualTo(complement);
        assertThat(first(relations.payload(), "till-intygs-id")).isEqualTo(original);

        // the original is revoked; Försäkringskassan received both certificates and the revocation
        client.ok(example("RevokeCertificate").certificate(original));
        List<Map<String, Object>> inbox = client.inbox(JdbcIntygSeed.FKASSA);
        assertThat(inbox).extracting(e -> e.get("operation"), e -> e.get("certificateId"))
                .containsExactly(
                        tuple("RegisterCertificate", original),
                        tuple("RegisterCertificate", complement),
                        tuple("RevokeCertificate", original));
        assertThat(inbox.get(2).get("text")).isEqualTo("Intyget utfärdades på fel patient.");
        assertThat(statuses(child(client.call(example("GetCertificate").certificate(original)).payload(), "intyg")))
                .containsExactly(tuple("HSVARD", "RECEIV"), tuple("FKASSA", "SENTTO"), tuple("HSVARD", "CANCEL"));
    }

    @Test
    void theRegisteredXmlIsKeptAsItArrivedAndDeliveredSoToTheRecipient() {
        IntygRequest register = example("RegisterCertificate");
        client.ok(register);
        client.ok(example("SendCertificateToRecipient"));

        String delivered = (String) client.inbox(JdbcIntygSeed.FKASSA).get(0).get("certificateXml");
        String sent = register.xml();
        String intyg = sent.substring(sent.indexOf("<r:intyg>") + "<r:intyg".length(), sent.indexOf("</r:intyg>"));
        assertThat(delivered).startsWith("<r:intyg ").endsWith("</r:intyg>")
                .contains(intyg.substring(intyg.indexOf('>') + 1))
                .contains("xmlns:c=\"urn:riv:clinicalprocess:healthcond:certificate:3\"")
                .contains("xmlns:t=\"urn:riv:clinicalprocess:healthcond:certificate:types:3\"");
    }

    @Test
    void aCertificateBreakingItsTypesRulesIsAValidationErrorWithTheRulesText() {
        IntygRequest overlapping = example("RegisterCertificate").replace("</c:svar>\n        <c:svar id=\"33\">",
                "</c:svar>\n" + period(2, "HELT_NEDSATT", "2025-03-10", "2025-03-20") + "<c:svar id=\"33\">");

        Reply reply = client.expect("ERROR", overlapping);

        assertThat(reply.errorId()).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.text()).startsWith("TEST: ").endsWith(", MSG: Två 'perioder' kan inte vara överlappande.")
                .doesNotContain(";");
        Element certificate = CertificateXml.parse(overlapping.xml());
        Element intyg = descendants(certificate, "intyg").get(0);
        assertThat(reply.text()).isEqualTo(RuleViolation.resultText(
                CertificateTypeRules.onClasspath().validate("LISJP", "1.3", intyg)));
        client.fault(example("GetCertificate")); // nothing was stored
    }

    @Test
    void aSigningThatBreaksTheTypesRulesIsRefusedAndTheDraftKept() {
        String id = first(client.ok(example("CreateDraftCertificate")).payload(), "extension");
        String answers = "<a xmlns=\"urn:riv:clinicalprocess:healthcond:certificate:3\" "
                + "xmlns:t=\"urn:riv:clinicalprocess:healthcond:certificate:types:3\">"
                + period(1, "HELT_NEDSATT", "2025-03-10", "2025-03-20").replace("c:", "")
                + period(2, "HALFTEN", "2025-03-15", "2025-03-30").replace("c:", "") + "</a>";

        JsonPath refused = json(client.sign(id, answers), 422);

        assertThat(List.of(refused.getString("resultCode"), refused.getString("errorId"))).containsExactly("ERROR",
                "VALIDATION_ERROR");
        assertThat(refused.getString("resultText")).contains("MSG: Två 'perioder' kan inte vara överlappande.");
        client.fault(example("GetCertificate").certificate(id));
        assertThat(events(item(client.ok(example("ListCertificatesForCareWithQA")), id))).containsExactly("SKAPAT");
        assertThat(json(client.sign(id, null), 200).getString("resultCode")).as("still a draft").isEqualTo("OK");
    }

    @Test
    void aFaultRuleAnswersExactlyItsResultAndErrorIdAndPerformsNothing() {
        client.faultRule("RegisterCertificate", "ERROR", "TECHNICAL_ERROR", "Intygstjänsten är tillfälligt otillgänglig", 1);

        Reply refused = client.call(example("RegisterCertificate"));

        assertThat(List.of(refused.code(), refused.errorId(), refused.text()))
                .containsExactly("ERROR", "TECHNICAL_ERROR", "Intygstjänsten är tillfälligt otillgänglig");
        client.fault(example("GetCertificate"));
        client.ok(example("RegisterCertificate")); // the rule was used up: the resend is performed
        client.call(example("GetCertificate"));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** The LISJP example as a new certificate that complements {@code original} and answers {@code question}. */
    private static IntygRequest complementing(String id, String original, String question) {
        String relation = "<c:relation><c:typ><t:code>KOMPLT</t:code>"
                + "<t:codeSystem>c2362fcd-eda0-4f9a-bd13-b3bbaf7f2146</t:codeSystem></c:typ>"
                + "<c:intygs-id><t:root>" + UNIT + "</t:root><t:extension>" + original + "</t:extension></c:intygs-id>"
                + "</c:relation>";
        return example("RegisterCertificate").certificate(id)
                .replace("</c:skapadAv>", "</c:skapadAv>" + relation)
                .replace("<r:intyg>", "<r:svarPa><c:meddelande-id>" + question + "</c:meddelande-id></r:svarPa><r:intyg>");
    }

    private static String period(int instans, String grade, String start, String end) {
        return "<c:svar id=\"32\"><c:instans>" + instans + "</c:instans><c:delsvar id=\"32.1\"><t:cv><t:code>" + grade
                + "</t:code><t:codeSystem>KV_FKMU_0003</t:codeSystem></t:cv></c:delsvar><c:delsvar id=\"32.2\">"
                + "<t:datePeriod><t:start>" + start + "</t:start><t:end>" + end + "</t:end></t:datePeriod>"
                + "</c:delsvar></c:svar>";
    }

    private static List<org.assertj.core.groups.Tuple> statuses(Element intyg) {
        return IntygSoapClient.children(intyg, "status").stream()
                .map(s -> tuple(first(child(s, "part"), "code"), first(child(s, "status"), "code"))).toList();
    }

    private static Element item(Reply list, String certificateId) {
        return list.all("item").stream()
                .filter(i -> certificateId.equals(first(child(child(i, "intyg"), "intygs-id"), "extension")))
                .findFirst().orElseThrow(() -> new AssertionError("no item " + certificateId + " in " + list.body()));
    }

    private static List<String> events(Element item) {
        return descendants(item, "handelse").stream().map(h -> first(child(h, "handelsekod"), "code")).toList();
    }

    private static List<String> counts(Element arenden) {
        return List.of(first(arenden, "totalt"), first(arenden, "ejBesvarade"), first(arenden, "besvarade"),
                first(arenden, "hanterade"));
    }
}
