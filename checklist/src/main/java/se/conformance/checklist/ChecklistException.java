package se.conformance.checklist;

import java.util.List;

/** The checklist data is unreadable or breaks a rule; the message lists every problem found. */
public final class ChecklistException extends RuntimeException {

    private final List<String> problems;

    public ChecklistException(String source, List<String> problems) {
        super(source + ": " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public ChecklistException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /** Each problem, one sentence naming the item and field. */
    public List<String> problems() {
        return problems;
    }
}
