package se.conformance.checklist;

/**
 * One of eHälsomyndigheten's five connection-approval steps (frikort.md §4.1).
 *
 * @param id          stable id, e.g. {@code ni-utvecklar}
 * @param order       1..5
 * @param name        Swedish and English name
 * @param description what happens in the step
 * @param source      where this comes from
 */
public record ProcessStep(String id, int order, LocalizedText name, String description, String source) {}
