package se.conformance.harness;

/**
 * The configuration of the checklist run in progress. Cucumber instantiates step definitions
 * itself, so the runner publishes the configuration here before it starts the engine; one run
 * at a time per JVM.
 */
public final class Harness {

    private static volatile HarnessConfig current;
    private static volatile java.io.PrintStream instructions = System.out;

    private Harness() {}

    public static void configure(HarnessConfig config) {
        current = config;
    }

    /** Where interactive mode prints what a person should do (the run's progress stream; never nowhere). */
    public static void instructionsTo(java.io.PrintStream out) {
        instructions = out == null ? System.out : out;
    }

    public static java.io.PrintStream instructions() {
        return instructions;
    }

    public static HarnessConfig config() {
        HarnessConfig c = current;
        if (c == null) {
            throw new IllegalStateException("No checklist run is configured: start the features through"
                    + " ChecklistRun (bin/conformance) so the simulator and the vendor are known");
        }
        return c;
    }
}
