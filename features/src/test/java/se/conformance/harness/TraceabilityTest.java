package se.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.conformance.checklist.Checklist;
import se.conformance.checklist.trace.TraceabilityGate;
import se.conformance.checklist.trace.Violation;

/**
 * The traceability gate over the real features: every scenario carries exactly one item id and
 * that item's level tag, every scenario item has a scenario, no id disappeared silently. A
 * violation fails the build.
 */
class TraceabilityTest {

    @Test
    void everyScenarioAndEveryItemIsTraceable() {
        List<Violation> violations = TraceabilityGate.check(Checklist.load(), Path.of("src/main/resources/features"));
        assertThat(violations).isEmpty();
    }
}
