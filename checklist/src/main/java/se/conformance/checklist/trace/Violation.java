package se.conformance.checklist.trace;

/**
 * One break of traceability between the checklist and the feature files.
 *
 * @param kind     what is wrong
 * @param location {@code file:line} of the scenario, or the register file for id problems
 * @param message  a sentence saying what to fix
 */
public record Violation(Kind kind, String location, String message) {

    /** The kinds of violation the gate finds. */
    public enum Kind {
        /** A feature file does not parse. */
        PARSE_ERROR,
        /** A scenario carries no item-id tag or more than one. */
        ITEM_TAG_COUNT,
        /** A scenario carries no {@code @niva-N} tag or more than one. */
        LEVEL_TAG_COUNT,
        /** The level tag differs from the item's {@code requiredFrom}. */
        LEVEL_MISMATCH,
        /** A scenario names an id that is not in the checklist. */
        UNKNOWN_ID,
        /** A scenario names a retired id. */
        RETIRED_ID,
        /** A scenario-evidence item has no scenario. */
        NO_SCENARIO,
        /** An attestation or document item has a scenario not tagged {@code @attestering}. */
        SCENARIO_FOR_NON_SCENARIO_ITEM,
        /** An id appears twice in the checklist. */
        DUPLICATE_ID,
        /** A published id is neither active nor retired. */
        DISAPPEARED_ID
    }

    @Override
    public String toString() {
        return location + ": " + kind + ": " + message;
    }
}
