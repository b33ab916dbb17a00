package se.conformance.harness.driver;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import se.conformance.harness.simulator.JournalEntry;
import se.conformance.harness.simulator.SimulatorControl;

/**
 * Interactive mode, for a vendor without a test driver: prints what a person should do at the
 * vendor's system and waits, bounded, until the simulator's journal shows the call that action
 * makes. The answer has no fields, so steps that need what the system showed cannot be judged
 * and say so.
 */
public final class InteractiveDriver implements VendorDriver {

    private final SimulatorControl simulator;
    private final Duration wait;
    private final PrintStream out;

    public InteractiveDriver(SimulatorControl simulator, Duration wait, PrintStream out) {
        this.simulator = simulator;
        this.wait = wait;
        this.out = out;
    }

    @Override
    public DriverAnswer act(String action, Map<String, Object> parameters, String instruction, String expectedOperation) {
        long start = System.nanoTime();
        long mark = simulator.journalMark();
        out.println();
        out.println(">>> Gör detta i systemet (" + action + "): " + instruction);
        out.println(">>> Parametrar: " + parameters);
        if (expectedOperation == null) {
            out.println(">>> Harnessen väntar inte på något anrop för detta steg.");
            return DriverAnswer.unknown(Duration.ZERO);
        }
        out.println(">>> Harnessen väntar högst " + wait.toSeconds() + " s på anropet " + expectedOperation + " …");
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            for (JournalEntry e : simulator.journalAfter(mark)) {
                if (expectedOperation.equals(e.operation()) && e.inbound()
                        && !SimulatorControl.HARNESS_CONSUMER.equals(e.caller())) {
                    out.println(">>> Anropet kom (" + e.traceId() + ").");
                    return DriverAnswer.unknown(Duration.ofNanos(System.nanoTime() - start));
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        out.println(">>> Inget anrop " + expectedOperation + " inom " + wait.toSeconds() + " s.");
        return DriverAnswer.unknown(Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void reset() {
        // A person cannot be asked to forget; each scenario uses the simulator's fresh state.
    }
}
