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

    /**
     * The call the action makes never reached the simulator within the wait: the step fails
     * (the system did not do it, or is not wired to the simulator), it is not left to be judged by hand.
     */
    public static final class NoTraffic extends AssertionError {
        public NoTraffic(String message) {
            super(message);
        }
    }

    /** After the expected call, how long the journal must stay quiet before the step goes on (the action's later calls). */
    private static final Duration SETTLE = Duration.ofMillis(1_000);

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
        out.println(">>> Harnessen väntar högst " + waitText() + " på anropet " + expectedOperation + " …");
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            for (JournalEntry e : simulator.journalAfter(mark)) {
                if (expectedOperation.equals(e.operation()) && e.inbound()
                        && !simulator.isHarnessCall(e)) {
                    out.println(">>> Anropet kom (" + e.traceId() + ").");
                    settle(mark, deadline);
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
        out.println(">>> Inget anrop " + expectedOperation + " inom " + waitText() + ".");
        throw new NoTraffic("interaktivt läge: systemet anropade inte " + expectedOperation + " inom "
                + waitText() + " efter instruktionen \"" + instruction + "\" (" + action + ")");
    }

    private String waitText() {
        return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
    }

    /**
     * An action can make several calls (a visit: GetCardForPerson, then RegisterTransaction);
     * the later ones come just after the one waited for. Waits, bounded by the deadline, until
     * the journal has had no new vendor call for {@link #SETTLE}, so later steps see them all.
     */
    private void settle(long mark, long deadline) {
        int seen = vendorCalls(mark);
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - quietSince < SETTLE.toNanos()) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int now = vendorCalls(mark);
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
        }
    }

    private int vendorCalls(long mark) {
        return (int) simulator.journalAfter(mark).stream()
                .filter(e -> e.inbound() && !simulator.isHarnessCall(e)).count();
    }

    @Override
    public void reset() {
        // A person cannot be asked to forget; each scenario uses the simulator's fresh state.
    }
}
