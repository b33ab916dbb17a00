package se.conformance.harness.report;

import java.util.List;

/**
 * One finished scenario (or one example row of an outline): the checklist item it proves, its
 * Cucumber status and, when it did not pass, the first failure's message.
 *
 * @param status Cucumber's status name: PASSED, FAILED, SKIPPED, PENDING, UNDEFINED, AMBIGUOUS, UNUSED
 */
public record ScenarioResult(String itemId, String name, String location, String status, String message,
        List<String> traceIds, long durationMillis) {

    public boolean passed() {
        return "PASSED".equals(status);
    }

    public boolean failed() {
        return "FAILED".equals(status) || "AMBIGUOUS".equals(status);
    }
}
