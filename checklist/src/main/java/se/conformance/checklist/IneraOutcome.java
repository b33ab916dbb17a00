package se.conformance.checklist;

/**
 * A decision in Inera's words: godkänd, godkänd med förbehåll, underkänd (intyg.md §11).
 *
 * @param id          {@code godkand}, {@code godkand-med-forbehall} or {@code underkand}
 * @param name        Swedish and English name
 * @param description when the outcome is given
 */
public record IneraOutcome(String id, LocalizedText name, String description) {}
