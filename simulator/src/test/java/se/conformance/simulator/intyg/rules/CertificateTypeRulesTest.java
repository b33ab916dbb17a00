package se.conformance.simulator.intyg.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/** Which rule files apply, how a type is added, the real service's text, and safe concurrent use. */
class CertificateTypeRulesTest {

    private static final CertificateTypeRules RULES = CertificateTypeRules.onClasspath();
    private static final Element LISJP = Certificates.load("rules/intyg/lisjp-1.3.xml");

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        LISJP     | 1.3  | generic.sch, LISJP.v1.sch
        LISJP     | 1.0  | generic.sch, LISJP.v1.sch
        LISJP     | 1    | generic.sch, LISJP.v1.sch
        LISJP     | 2.0  | generic.sch
        TSTRK1031 | 4.2  | generic.sch, TSTRK1031.v4.sch
        TSTRK1031 | 3.0  | generic.sch
        LUSE      | 1.0  | generic.sch
        LUAE_NA   | 1.2  | generic.sch
        TSTRK1007 | 7.0  | generic.sch
        XTEST     | 1.0  | generic.sch, XTEST.v1.sch
        lisjp     | 1.3  | generic.sch
        ../LISJP  | 1.3  | generic.sch
        LISJP     | v1   | generic.sch
        LISJP     | 1.x  | generic.sch
        """)
    void theRuleFilesOfATypeAreFoundByName(String type, String version, String files) {
        assertThat(RULES.ruleFilesFor(type, version)).containsExactly(files.split(",\\s*"));
    }

    @Test
    void theFileNameIsTypeAndMajorVersion() {
        assertThat(CertificateTypeRules.typeFileName("TSTRK1031", 4)).isEqualTo("TSTRK1031.v4.sch");
        assertThat(CertificateTypeRules.majorVersion("1.3")).hasValue(1);
        assertThat(CertificateTypeRules.majorVersion("12")).hasValue(12);
        assertThat(CertificateTypeRules.majorVersion("1.")).isEmpty();
    }

    @Test
    void aTypeWithoutAFileOfItsOwnGetsTheGenericRulesOnly() {
        Element unknownQuestion = RuleCase.apply(LISJP, "append /* => <c:svar id='2'><c:delsvar id='2.1'>Okänd i LISJP.</c:delsvar></c:svar>");
        assertThat(RULES.validate("LUSE", "1.2", unknownQuestion)).isEmpty();
        assertThat(RULES.validate("LISJP", "1.3", unknownQuestion)).extracting(RuleViolation::ruleId).containsExactly("LISJP-R1");

        Element badDate = RuleCase.apply(LISJP, "replace /*/c:svar[@id='20']/c:delsvar => <c:delsvar id='20.1'><t:date>2024-02-30</t:date></c:delsvar>");
        assertThat(RULES.validate("LUSE", "1.2", badDate)).extracting(RuleViolation::ruleId).containsExactly("GEN-R8");
        Element zeroInstans = RuleCase.apply(LISJP, "text /*/c:svar[@id='1'][c:instans='2']/c:instans => 0");
        assertThat(RULES.validate("IGRAV", "1.0", zeroInstans)).extracting(RuleViolation::ruleId).containsExactly("GEN-R1");
    }

    @Test
    void addingATypeIsAddingAFile() {
        // XTEST.v1.sch exists only on the test class path, in the same folder as the simulator's files.
        List<RuleViolation> violations = RULES.validate("XTEST", "1.0", LISJP);

        assertThat(violations).isNotEmpty().extracting(RuleViolation::ruleId).containsOnly("XTEST-R1");
        assertThat(violations).extracting(RuleViolation::questionId).doesNotContain("1").contains("6", "32");
    }

    @Test
    void aDefectiveRuleFileIsAnErrorOfTheRulesNotOfTheCertificate() {
        assertThatThrownBy(() -> RULES.validate("BROKEN", "1.0", LISJP))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BROKEN.v1.sch");
        assertThatThrownBy(() -> RULES.validate("NOID", "1.0", LISJP))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NOID.v1.sch").hasMessageContaining("saknar id");
        assertThatThrownBy(() -> RULES.validate("FAILING", "1.0", LISJP))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FAILING-R1");
    }

    @Test
    void aLocationWithoutGenericRulesIsRefused() {
        assertThatThrownBy(() -> new CertificateTypeRules(getClass().getClassLoader(), "rules/nowhere/"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rules/nowhere/generic.sch");
    }

    @Test
    void compiledRuleFilesAreKept() {
        CertificateTypeRules rules = CertificateTypeRules.onClasspath();

        assertThat(rules.filesFor("LISJP", "1.3").get(1)).isSameAs(rules.filesFor("LISJP", "1.0").get(1));
        assertThat(rules.filesFor("LISJP", "1.3").get(0)).isSameAs(rules.filesFor("LUSE", "1.0").get(0));
    }

    @Test
    void theResultTextIsTheRealServicesFormat() {
        Element broken = RuleCase.apply(LISJP, "remove /*/c:svar[@id='6'] ;; text /*/c:svar[@id='34']/c:delsvar => kanske");

        List<RuleViolation> violations = RULES.validate("LISJP", "1.3", broken);

        assertThat(RuleViolation.resultText(violations)).isEqualTo(
                "TEST: normalize-space(.) = '' or (not(*) and normalize-space(.) castable as xs:boolean),"
                        + " MSG: Delsvaret ska vara ett booleskt värde (true eller false).;"
                        + "TEST: count(c:svar[@id = '6']) = 1, MSG: 'Diagnos' ska besvaras exakt en gång.");
        assertThat(violations).extracting(RuleViolation::questionId).containsExactly("34.1", "6");
    }

    @Test
    void resultTextJoinsViolationsWithSemicolons() {
        RuleViolation a = new RuleViolation("X-R1", "1", "a = b", "Fel ett.");
        RuleViolation b = new RuleViolation("X-R2", "2.1", "c", "Fel två.");

        assertThat(a.asResultText()).isEqualTo("TEST: a = b, MSG: Fel ett.");
        assertThat(RuleViolation.resultText(List.of(a, b))).isEqualTo("TEST: a = b, MSG: Fel ett.;TEST: c, MSG: Fel två.");
        assertThat(RuleViolation.resultText(List.of())).isEmpty();
    }

    @Test
    void theIntygMayStayInsideItsEnvelopeWhichIsNotModified() {
        Element envelope = Certificates.load("soap/intyg/RegisterCertificate.xml");
        Element intyg = Certificates.select(envelope, "//*[local-name()='intyg']");
        String before = intyg.getTextContent();

        assertThat(RULES.validate("LISJP", "1.3", intyg)).isEmpty();
        assertThat(intyg.getOwnerDocument().getDocumentElement()).isSameAs(envelope);
        assertThat(intyg.getTextContent()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "soap/intyg/RegisterCertificate.xml,           LISJP",
            "soap/intyg/RegisterCertificate-TSTRK1031.xml, TSTRK1031",
    })
    void theDocumentedExamplesPass(String example, String type) {
        Element intyg = Certificates.select(Certificates.load(example), "//*[local-name()='intyg']");
        String version = Certificates.select(intyg, "c:version").getTextContent();

        assertThat(RULES.validate(type, version, intyg)).isEmpty();
        assertThat(RULES.ruleFilesFor(type, version)).hasSize(2);
    }

    @Test
    void validationIsSafeFromManyThreads() throws Exception {
        Element overlap = RuleCase.apply(LISJP, "text /*/c:svar[@id='32'][c:instans='2']//t:start => 2024-01-10");
        Element tstrk = Certificates.load("rules/intyg/tstrk1031-4.2.xml");
        Element future = RuleCase.apply(tstrk, "text /*/c:svar[@id='35']//t:value => 2025");
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tasks.add(() -> RULES.validate("LISJP", "1.3", LISJP).isEmpty()
                    && RULES.validate("LISJP", "1.3", overlap).stream().map(RuleViolation::ruleId).toList().equals(List.of("LISJP-R21"))
                    && RULES.validate("TSTRK1031", "4.2", tstrk).isEmpty()
                    && RULES.validate("TSTRK1031", "4.2", future).stream().map(RuleViolation::ruleId).toList().equals(List.of("TSTRK1031-R28")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Boolean> result : pool.invokeAll(tasks)) assertThat(result.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
