package se.conformance.approval.level;

/**
 * A suggested approval level. Always an estimate: the agency decides the level individually.
 *
 * @param level 1..5
 * @param basis the reasoning, naming the declared change kinds
 * @param label always {@value #LABEL}
 */
public record LevelEstimate(int level, String basis, String label) {

    /** The label every estimate carries, so no reader mistakes it for a decision. */
    public static final String LABEL = "estimate";

    public LevelEstimate {
        if (!LABEL.equals(label)) {
            throw new IllegalArgumentException("a level estimate is labelled '" + LABEL + "', not '" + label + "'");
        }
    }
}
