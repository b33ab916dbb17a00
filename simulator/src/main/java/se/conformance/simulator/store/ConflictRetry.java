package se.conformance.simulator.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The simulator's one answer to write conflicts: a write that meets a lock conflict, a deadlock,
 * a serialisation failure, a concurrent insert of the same key, or a {@link Conflict} its own
 * checks found, is rolled back and run again — up to {@value #MAX_ATTEMPTS} times, after a short
 * random pause — so concurrent callers never see such a failure. Any other exception propagates
 * at once.
 */
public final class ConflictRetry {

    public static final int MAX_ATTEMPTS = 12;
    private static final Set<String> RETRYABLE_STATES = Set.of(
            "40001", // serialization failure (PostgreSQL), deadlock (H2)
            "40P01", // deadlock detected (PostgreSQL)
            "55P03", // lock not available (PostgreSQL)
            "HYT00", // lock timeout (H2)
            "90131", // concurrent update (H2)
            "23505"); // unique violation: a concurrent insert of the same key
    private static final int H2_LOCK_TIMEOUT_MILLIS = 10_000;

    /** A write found that what it read before locking changed; it is rolled back and tried again. */
    public static class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message, null, false, false);
        }
    }

    /** One attempt of a write. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws SQLException;
    }

    private ConflictRetry() {}

    /** Runs {@code attempt} until it succeeds, fails for a reason that is not a conflict, or runs out of attempts. */
    public static <T> T run(Attempt<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (Conflict e) {
                if (n >= MAX_ATTEMPTS) throw e;
            } catch (StoreException e) {
                if (n >= MAX_ATTEMPTS || !isConflict(e)) throw e;
            } catch (SQLException e) {
                if (n >= MAX_ATTEMPTS || !isConflict(e)) throw new StoreException(e);
            }
            backOff(n);
        }
    }

    /** Whether {@code e} or a cause of it is a conflict worth another attempt. */
    public static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && RETRYABLE_STATES.contains(sql.getSQLState())) return true;
        }
        return false;
    }

    /** H2 waits only 1 s for a row lock by default; a write queued behind a busy card may wait longer. */
    public static void prepare(Database db, Connection c) throws SQLException {
        if (db.dialect() == Database.Dialect.H2) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MILLIS);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }
}
