package se.conformance.simulator.intyg;

/**
 * {@code ErrorIdType} of the core v3 schema, less {@code REVOKED}, which Intygstjänsten never emits
 * (intyg.md §2.1: revoked situations are answered INFO).
 */
public enum ErrorId {
    /** Bad input; the client must not resend. */
    VALIDATION_ERROR,
    /** A logical error; the client must not resend (RevokeCertificate uses it to make clients retry, §9.1). */
    APPLICATION_ERROR,
    /** Intermittent; the client may resend. */
    TECHNICAL_ERROR
}
