package se.conformance.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import se.conformance.harness.run.ChecklistRun;
import se.conformance.harness.run.ConformanceMainAccess;
import se.conformance.harness.run.VendorProfile;
import se.conformance.simulator.Simulator;
import se.conformance.vendor.ReferenceVendor;
import se.conformance.vendor.defect.Defect;

/**
 * Runs the whole checklist against the reference vendor (correct, or with defects) as
 * {@code bin/conformance demo} does: a real simulator over HTTP, a real vendor over HTTP.
 * One simulator per test class; a vendor per run.
 */
final class ReferenceRuns implements AutoCloseable {

    private final Simulator simulator = Simulator.builder().withPort(0)
            .withInMemoryDatabase("harness-" + java.util.UUID.randomUUID()).start();
    private final Path work;
    private final Path profileFile;

    ReferenceRuns() throws IOException {
        work = Files.createTempDirectory("harness-runs");
        profileFile = ConformanceMainAccess.extractReferenceProfile(work.resolve("profile"));
    }

    ChecklistRun.Outcome run(Set<Defect> defects, boolean htmlReport) throws IOException {
        try (ReferenceVendor vendor = ReferenceVendor.builder().withPort(0).withSimulatorUrl(simulator.baseUrl())
                .withDefects(defects).withCallTimeout(Duration.ofSeconds(5)).start()) {
            return ChecklistRun.forProfile(VendorProfile.read(profileFile), profileFile)
                    .withSimulatorUrl(simulator.baseUrl())
                    .withDriverUrl(vendor.driverUrl())
                    .withNotificationUrl(vendor.notificationUrl())
                    .withOutputRoot(work.resolve("out"))
                    .withHtmlReport(htmlReport)
                    .withProgress(null)
                    .run();
        }
    }

    Path work() {
        return work;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
