package se.conformance.simulator.intyg;

/**
 * The certificate-type rules (Schematron) for one certificate, run by the domain at their place in
 * Intygstjänsten's order of checks (intyg.md §12.2): after type and version, identity number and
 * the test-person register, before the duplicate check. The adapter, which holds the XML, supplies it.
 */
@FunctionalInterface
public interface TypeRuleCheck {

    /** No type rules beyond the schema. */
    TypeRuleCheck NONE = () -> null;

    /** The violations as the real service words them ({@code TEST: …, MSG: …;…}), or {@code null} when there are none. */
    String violations();
}
