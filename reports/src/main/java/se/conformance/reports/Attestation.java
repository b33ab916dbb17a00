package se.conformance.reports;

import java.time.LocalDate;

/**
 * A signed statement of the supplier for an attestation or document item (one entry of the
 * profile's {@code attestations.yaml}).
 *
 * @param item      the checklist id
 * @param statement what the supplier declares
 * @param signedBy  who signed (name and role)
 * @param signedAt  the day it was signed
 */
public record Attestation(String item, String statement, String signedBy, LocalDate signedAt) {}
