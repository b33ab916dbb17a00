package se.conformance.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import se.conformance.harness.run.ChecklistRun;
import se.conformance.harness.run.VendorProfile;

/**
 * A vendor's own run from Maven: {@code mvn -pl features -am verify -Dconformance.profile=FILE}.
 * Runs only in that Maven profile (the default build excludes it); fails when the profile's
 * target level is not reached, with the verdict and the report's path.
 */
class VendorProfileRunTest {

    @Test
    void theVendorReachesItsTargetLevel() throws Exception {
        Path profile = Path.of(System.getProperty("conformance.profile"));
        ChecklistRun.Outcome outcome = ChecklistRun.forProfile(VendorProfile.read(profile), profile)
                .withOutputRoot(Path.of(System.getProperty("conformance.out", "target/conformance-out")))
                .run();
        assertThat(outcome.exitCode()).as(outcome.verdict() + " — " + outcome.runDirectory().resolve("summary.html")
                .toAbsolutePath()).isZero();
    }
}
