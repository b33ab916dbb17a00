package se.conformance.simulator.intyg.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import se.conformance.simulator.store.Database;
import se.conformance.simulator.store.StoreException;

/**
 * How the intyg rules use the database. A write runs in one transaction and is run again (up to
 * {@value #MAX_ATTEMPTS} times, after a short random pause) when the database reports a lock conflict,
 * deadlock, serialisation failure or a concurrent insert of the same key; the next attempt then sees
 * the other writer's committed row, so a duplicate id is decided by the primary key and answered by
 * the rules, never surfaced as an exception. Any other exception rolls back and propagates.
 */
public final class IntygTransactions {

    static final int MAX_ATTEMPTS = 12;
    private static final Set<String> RETRYABLE_STATES = Set.of(
            "40001", // serialization failure (PostgreSQL), deadlock (H2)
            "40P01", // deadlock detected (PostgreSQL)
            "55P03", // lock not available (PostgreSQL)
            "HYT00", // lock timeout (H2)
            "90131", // concurrent update (H2)
            "23505"); // unique violation: a concurrent insert of the same id
    private static final int H2_LOCK_TIMEOUT_MILLIS = 10_000;

    private final Database db;

    public IntygTransactions(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public Database database() {
        return db;
    }

    /** Runs {@code work} in a repeatable-read transaction: one consistent snapshot. */
    public <T> T read(Database.TransactionalWork<T> work) {
        return db.inTransaction(c -> {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // the pool resets it on return
            return work.run(c);
        });
    }

    /** Runs {@code work} in one read-committed transaction, retried on conflicts as described above. */
    public <T> T write(Database.TransactionalWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return db.inTransaction(c -> {
                    if (db.dialect() == Database.Dialect.H2) {
                        try (var s = c.createStatement()) {
                            s.execute("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MILLIS);
                        }
                    }
                    return work.run(c);
                });
            } catch (StoreException e) {
                if (attempt >= MAX_ATTEMPTS || !retryable(e)) throw e;
            }
            backOff(attempt);
        }
    }

    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && RETRYABLE_STATES.contains(sql.getSQLState())) return true;
        }
        return false;
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
