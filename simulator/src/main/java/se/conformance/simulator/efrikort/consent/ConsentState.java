package se.conformance.simulator.efrikort.consent;

/** A person's participation for one card type in one region. */
public enum ConsentState {
    /** Nothing registered. */
    NONE,
    /** RegisterOptIn (or GroupPerson, which registers consent). */
    OPTED_IN,
    /** RegisterOptOut. */
    OPTED_OUT
}
