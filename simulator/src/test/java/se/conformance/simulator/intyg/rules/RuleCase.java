package se.conformance.simulator.intyg.rules;

import org.w3c.dom.Element;

/**
 * The edit column of a rule table: edits separated by {@code ;;}, each {@code operation xpath} or
 * {@code operation xpath => argument} (see {@link Certificates} for the operations).
 */
final class RuleCase {

    private RuleCase() {}

    static Element apply(Element certificate, String edits) {
        Element result = certificate;
        for (String edit : edits.split(";;")) {
            String trimmed = edit.strip();
            int space = trimmed.indexOf(' ');
            if (space < 0) throw new IllegalArgumentException("edit needs an operation and an xpath: " + trimmed);
            String operation = trimmed.substring(0, space);
            String rest = trimmed.substring(space + 1);
            int separator = rest.indexOf("=>");
            String xpath = (separator < 0 ? rest : rest.substring(0, separator)).strip();
            String argument = separator < 0 ? null : rest.substring(separator + 2).strip();
            result = Certificates.edited(result, operation, xpath, argument);
        }
        return result;
    }
}
