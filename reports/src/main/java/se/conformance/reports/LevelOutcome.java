package se.conformance.reports;

import java.util.List;

/**
 * One approval level in the summary.
 *
 * @param level    1..5
 * @param name     e.g. "Nivå 3"
 * @param passed   whether every applicable item required at this level is fulfilled
 * @param blocking the ids that stop it
 */
public record LevelOutcome(int level, String name, boolean passed, List<String> blocking) {

    public LevelOutcome {
        blocking = List.copyOf(blocking);
    }
}
