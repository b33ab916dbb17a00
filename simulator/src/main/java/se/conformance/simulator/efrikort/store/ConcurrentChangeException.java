package se.conformance.simulator.efrikort.store;

import se.conformance.simulator.store.ConflictRetry;

/**
 * The persons or cards a write discovered before locking changed before the locks were held;
 * the write is rolled back and tried again. Never reaches a caller.
 */
public final class ConcurrentChangeException extends ConflictRetry.Conflict {
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
