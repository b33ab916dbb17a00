package se.conformance.simulator.intyg.rules;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One failed assert of a certificate-type rule file.
 *
 * @param ruleId the assert's stable id, e.g. {@code LISJP-R21} or {@code GEN-R3}
 * @param questionId the svar or delsvar id the rule concerns ({@code 32}, {@code 32.2}); empty when
 *     a rule concerns the certificate as a whole
 * @param test the assert's XPath test as written in the rule file, whitespace collapsed
 * @param message the assert's Swedish text, whitespace collapsed
 */
public record RuleViolation(String ruleId, String questionId, String test, String message) {

    public RuleViolation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(message, "message");
    }

    /** This violation in the real service's format: {@code TEST: <test>, MSG: <message>} (intyg.md §5.3). */
    public String asResultText() {
        return "TEST: " + test + ", MSG: " + message;
    }

    /**
     * The resultText Intygstjänsten answers for failed schematron rules: each violation as
     * {@link #asResultText()}, joined with {@code ;} in the order given (intyg.md §5.3, §9.1).
     */
    public static String resultText(List<RuleViolation> violations) {
        return violations.stream().map(RuleViolation::asResultText).collect(Collectors.joining(";"));
    }
}
