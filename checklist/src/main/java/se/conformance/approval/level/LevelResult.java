package se.conformance.approval.level;

import java.util.List;

/**
 * Whether one approval level is fulfilled.
 *
 * @param level       1..5
 * @param name        e.g. "Nivå 2"
 * @param passed      every applicable item required at this level is fulfilled
 * @param blocking    ids of the applicable items required at this level that are not fulfilled
 * @param conditional ids counted as fulfilled only thanks to a valid deviation
 */
public record LevelResult(int level, String name, boolean passed, List<String> blocking, List<String> conditional) {

    public LevelResult {
        blocking = List.copyOf(blocking);
        conditional = List.copyOf(conditional);
    }
}
