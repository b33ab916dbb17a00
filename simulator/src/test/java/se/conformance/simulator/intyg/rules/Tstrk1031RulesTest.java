package se.conformance.simulator.intyg.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

/**
 * TSTRK1031 4.x (rules/intyg/TSTRK1031.v4.sch after generic.sch): a complete valid certificate
 * passes, and each broken variant fails with exactly the rule it breaks. Edits: see {@link RuleCase}.
 */
class Tstrk1031RulesTest {

    private static final CertificateTypeRules RULES = CertificateTypeRules.onClasspath();
    private static final Element VALID = Certificates.load("rules/intyg/tstrk1031-4.2.xml");
    private static final String Q1_I2 = "/*/c:svar[@id='1'][c:instans='2']/c:delsvar/t:cv";
    private static final String Q33_I2 = "/*/c:svar[@id='33'][c:instans='2']/c:delsvar/t:cv";

    private static List<RuleViolation> validate(Element intyg) {
        return RULES.validate("TSTRK1031", "4.2", intyg);
    }

    @Test
    void aCompleteCertificatePasses() {
        assertThat(validate(VALID)).isEmpty();
    }

    @ParameterizedTest(name = "{0} ({1}): {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        # generic.sch, applied to TSTRK1031
        GEN-R9         | 106.2 | text /*/c:svar[@id='106']//t:value => 2023-13
        GEN-R9         | 35.1  | text /*/c:svar[@id='35']//t:value => 1999-1
        # TSTRK1031.v4.sch
        TSTRK1031-R1   | 36    | append /* => <c:svar id='36'><c:delsvar id='36.1'>Okänd fråga.</c:delsvar></c:svar>
        TSTRK1031-R2   | 2.2   | append /*/c:svar[@id='2'] => <c:delsvar id='2.2'>Okänt delsvar.</c:delsvar>
        TSTRK1031-R3   | 33    | remove /*/c:svar[@id='33'][c:instans='2']/c:instans
        TSTRK1031-R4   | 205   | append /* => <c:svar id='205'><c:instans>2</c:instans><c:delsvar id='205.1'><t:cv><t:code>VN1</t:code><t:codeSystem>1.2.752.129.5.1.28</t:codeSystem></t:cv></c:delsvar></c:svar>
        TSTRK1031-R5   | 1     | remove /*/c:svar[@id='1'] ;; remove /*/c:svar[@id='33'][c:instans='2'] ;; text /*/c:svar[@id='33']//t:code => VAR11
        TSTRK1031-R6   | 1.1   | text {Q1_I2}/t:codeSystem => e7cc8f30-a353-4c42-b17a-a189b6876647
        TSTRK1031-R6   | 1.1   | text {Q1_I2}/t:code => VAR10 ;; remove /*/c:svar[@id='33'][c:instans='2']
        TSTRK1031-R7   | 1.1   | text {Q1_I2}/t:code => VAR1 ;; remove /*/c:svar[@id='33'][c:instans='2']
        TSTRK1031-R8   | 2     | remove /*/c:svar[@id='2']
        TSTRK1031-R9   | 2.1   | text /*/c:svar[@id='2']//t:code => IDK7
        TSTRK1031-R10  | 205   | remove /*/c:svar[@id='205']
        TSTRK1031-R11  | 205.1 | text /*/c:svar[@id='205']//t:code => VN3
        TSTRK1031-R12  | 35    | remove /*/c:svar[@id='35']
        TSTRK1031-R13  | 35.1  | replace /*/c:svar[@id='35']//t:partialDate => <t:partialDate><t:format>YYYY-MM</t:format><t:value>2009-05</t:value></t:partialDate>
        TSTRK1031-R13  | 35.1  | replace /*/c:svar[@id='35']/c:delsvar => <c:delsvar id='35.1'>2009</c:delsvar>
        TSTRK1031-R14  | 18    | remove /*/c:svar[@id='18']
        TSTRK1031-R15  | 18.1  | text /*/c:svar[@id='18']//t:code => E13
        TSTRK1031-R16  | 18.2  | append /*/c:svar[@id='18'] => <c:delsvar id='18.2'>Och en text.</c:delsvar>
        TSTRK1031-R16  | 18.2  | remove /*/c:svar[@id='18']/c:delsvar
        TSTRK1031-R17  | 18.2  | replace /*/c:svar[@id='18']/c:delsvar => <c:delsvar id='18.2'>Sekundär diabetes efter pankreatit, insulinbehandlad..</c:delsvar>
        TSTRK1031-R18  | 207   | remove /*/c:svar[@id='207']
        TSTRK1031-R19  | 208.1 | remove /*/c:svar[@id='208']
        TSTRK1031-R20  | 209.4 | remove /*/c:svar[@id='209']/c:delsvar[@id='209.4']
        TSTRK1031-R21  | 209.4 | text /*/c:svar[@id='209']/c:delsvar[@id='209.4'] => Sekundär diabetes efter pankreatit, insulinbehandlad..
        TSTRK1031-R22  | 200.2 | text /*/c:svar[@id='200']/c:delsvar[@id='200.1'] => true
        TSTRK1031-R22  | 200.2 | remove /*/c:svar[@id='200']/c:delsvar[@id='200.2']
        TSTRK1031-R23  | 106.2 | remove /*/c:svar[@id='106']/c:delsvar[@id='106.2']
        TSTRK1031-R24  | 203   | remove /*/c:svar[@id='203']
        TSTRK1031-R25  | 206   | remove /*/c:svar[@id='206']
        TSTRK1031-R26  | 209.2 | text /*/c:svar[@id='209']/c:delsvar[@id='209.2'] => nej
        TSTRK1031-R26  | 207.1 | replace /*/c:svar[@id='207']/c:delsvar => <c:delsvar id='207.1'><t:cv><t:code>JA</t:code><t:codeSystem>x</t:codeSystem></t:cv></c:delsvar>
        TSTRK1031-R27  | 32.1  | replace /*/c:svar[@id='32']/c:delsvar => <c:delsvar id='32.1'><t:date>2024-01-01</t:date></c:delsvar>
        TSTRK1031-R28  | 106.2 | text /*/c:svar[@id='106']//t:value => 2024-04
        TSTRK1031-R28  | 35.1  | text /*/c:svar[@id='35']//t:value => 2025
        TSTRK1031-R29  | 35.1  | text /*/c:svar[@id='35']//t:value => 1984
        TSTRK1031-R30  | 33    | remove /*/c:svar[@id='33']
        TSTRK1031-R31  | 33.1  | text {Q33_I2}/t:codeSystem => 1.2.752.129.5.1.28
        TSTRK1031-R32  | 33.1  | text {Q33_I2}/t:code => VAR11
        TSTRK1031-R33  | 33.1  | text {Q33_I2}/t:code => VAR1
        TSTRK1031-R34  | 206   | remove /*/c:svar[@id='206']/c:delsvar[@id='206.1']
        TSTRK1031-R35  | 33.1  | text {Q33_I2}/t:code => VAR13
        """)
    void aBrokenCertificateFailsWithExactlyTheRuleItBreaks(String rule, String question, String edits) {
        String expanded = edits.replace("{Q1_I2}", Q1_I2).replace("{Q33_I2}", Q33_I2);
        List<RuleViolation> violations = validate(RuleCase.apply(VALID, expanded));

        assertThat(violations).as(expanded).isNotEmpty();
        assertThat(violations).extracting(RuleViolation::ruleId).as(expanded).containsOnly(rule);
        assertThat(violations).extracting(RuleViolation::questionId).as(expanded).contains(question);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        another type of diabetes in 53 characters    | replace /*/c:svar[@id='18']/c:delsvar => <c:delsvar id='18.2'>Sekundär diabetes efter pankreatit, insulinbehandlad.</c:delsvar>
        VAR11 alone in 33                            | remove /*/c:svar[@id='33'][c:instans='2'] ;; text /*/c:svar[@id='33']//t:code => VAR11
        light categories only, without 203           | remove /*/c:svar[@id='1'][c:instans='1'] ;; remove /*/c:svar[@id='33'][c:instans='1'] ;; remove /*/c:svar[@id='203']
        no medication, no 208 or 209                 | text /*/c:svar[@id='207']/c:delsvar => false ;; remove /*/c:svar[@id='208' or @id='209']
        a partial date in the signing month          | text /*/c:svar[@id='106']//t:value => 2024-03
        a partial date in the birth year             | text /*/c:svar[@id='35']//t:value => 1985
        no signeringstidpunkt: no future check       | remove /*/c:signeringstidpunkt ;; text /*/c:svar[@id='35']//t:value => 2099
        samordningsnummer birth year                 | text /*/c:patient/c:person-id/t:extension => 198501752381 ;; text /*/c:svar[@id='35']//t:value => 1985
        """)
    void anAllowedVariantPasses(String name, String edits) {
        assertThat(validate(RuleCase.apply(VALID, edits))).isEmpty();
    }
}
