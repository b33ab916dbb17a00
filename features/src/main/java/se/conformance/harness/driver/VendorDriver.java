package se.conformance.harness.driver;

import java.util.Map;

/**
 * How a step makes the vendor system act: one action of the test-driver protocol with its
 * parameters. Implemented by the protocol client (the vendor's test build answers) and by the
 * interactive mode (a person does it and the harness waits for the traffic).
 */
public interface VendorDriver {

    /**
     * Asks the vendor system to perform {@code action}.
     *
     * @param action       protocol action name, e.g. {@code efrikort.register-visit}
     * @param parameters   the action's parameters (JSON values)
     * @param instruction  what a person at the vendor's system should do, in Swedish, for interactive mode
     * @param expectedOperation the contract operation the action normally makes the vendor call
     *                     (interactive mode waits for it; {@code null} when none)
     */
    DriverAnswer act(String action, Map<String, Object> parameters, String instruction, String expectedOperation);

    /** Forgets what the vendor system holds, before a scenario (no-op where not supported). */
    void reset();
}
