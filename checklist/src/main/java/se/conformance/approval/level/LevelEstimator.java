package se.conformance.approval.level;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Suggests which approval level a change needs, from the change kinds the vendor declares: the
 * highest level any declared kind suggests (a release with a new contract and a UI change needs
 * what the new contract needs).
 */
public final class LevelEstimator {

    private LevelEstimator() {}

    /**
     * The estimate for a set of change kinds. With none declared the estimate assumes a new
     * system (Nivå 5) and says so in its basis: the summary is written at the end of a run, and a
     * missing profile field must not lose the run, nor suggest a smaller approval than may be due.
     */
    public static LevelEstimate estimate(Set<ChangeKind> kinds) {
        if (kinds.isEmpty()) {
            return new LevelEstimate(ChangeKind.NEW_SYSTEM.suggestedLevel(),
                    "no change declared (profile field 'change'); assumed new-system, the largest approval; "
                            + "the agency decides the level", LevelEstimate.LABEL);
        }
        ChangeKind decisive = kinds.stream()
                .max(Comparator.comparingInt(ChangeKind::suggestedLevel).thenComparing(ChangeKind::ordinal,
                        Comparator.reverseOrder()))
                .orElseThrow();
        String declared = kinds.stream().sorted().map(ChangeKind::jsonName).collect(Collectors.joining(", "));
        String basis = "declared change: " + declared + "; highest suggestion Nivå " + decisive.suggestedLevel()
                + " from " + decisive.jsonName() + " (" + decisive.why() + "); the agency decides the level";
        return new LevelEstimate(decisive.suggestedLevel(), basis, LevelEstimate.LABEL);
    }
}
