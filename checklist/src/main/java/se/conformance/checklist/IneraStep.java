package se.conformance.checklist;

/**
 * One of the eight steps of Inera's connection process as we read it (the checklist's
 * {@code ineraSteps.source} says that the exact eight are our reading, not Inera's list).
 *
 * @param id          stable id, e.g. {@code verifiering}
 * @param order       1..8
 * @param name        Swedish and English name
 * @param description what happens in the step
 */
public record IneraStep(String id, int order, LocalizedText name, String description) {}
