package se.conformance.simulator.efrikort.identity;

/** Which identifier system a {@code personId} belongs to; the contract carries only the bare string. */
public enum PersonIdKind {
    /** Skatteverket personnummer, OID 1.2.752.129.2.1.3.1. */
    PERSONNUMMER,
    /** Samordningsnummer: day of birth + 60, OID 1.2.752.129.2.1.3.3. */
    SAMORDNINGSNUMMER,
    /** A region's local reserve number; it carries no birth date. */
    RESERVNUMMER
}
