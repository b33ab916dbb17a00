package se.conformance.harness.run;

import java.io.IOException;
import java.nio.file.Path;

/** Test access to the demo's reference-profile extraction. */
public final class ConformanceMainAccess {

    private ConformanceMainAccess() {}

    public static Path extractReferenceProfile(Path dir) throws IOException {
        return ConformanceMain.extractReferenceProfile(dir);
    }
}
