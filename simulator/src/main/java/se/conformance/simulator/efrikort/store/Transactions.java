package se.conformance.simulator.efrikort.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import se.conformance.simulator.store.Database;
import se.conformance.simulator.store.StoreException;

/**
 * How the e-frikort rules use the database: reads in one consistent snapshot, writes serialised
 * per person group.
 *
 * <p>A write first finds the persons whose cards it may read or change, locks their rows in
 * {@link PersonLocks person order}, checks that no card gained a person meanwhile, and only then
 * runs. A lock conflict, deadlock, serialisation failure or changed group rolls the write back and
 * runs it again (up to {@value #MAX_ATTEMPTS} times, with a short random pause), so none reaches the
 * caller. Any other exception rolls back and propagates unchanged.
 */
public final class Transactions {

    static final int MAX_ATTEMPTS = 12;
    private static final Set<String> RETRYABLE_STATES = Set.of(
            "40001", // serialization failure (PostgreSQL), deadlock (H2)
            "40P01", // deadlock detected (PostgreSQL)
            "55P03", // lock not available (PostgreSQL)
            "HYT00", // lock timeout (H2)
            "90131", // concurrent update (H2)
            "23505"); // a concurrent insert of the same key, e.g. a card number registered twice
    private static final int H2_LOCK_TIMEOUT_MILLIS = 10_000;

    /** Finds the persons a write must lock; run once before and once under the locks. */
    @FunctionalInterface
    public interface Discovery {
        Collection<String> persons(Connection c) throws SQLException;
    }

    private final Database db;
    private final PersonLocks locks;

    public Transactions(Database db) {
        this.db = Objects.requireNonNull(db);
        this.locks = new PersonLocks(db.dialect());
    }

    /** Runs {@code work} in a repeatable-read transaction: a concurrent write is seen entirely or not at all. */
    public <T> T read(Database.TransactionalWork<T> work) {
        return db.inTransaction(c -> {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return work.run(c);
        });
    }

    /** Runs {@code work} in one transaction without locks (reference data, lookups). */
    public <T> T plain(Database.TransactionalWork<T> work) {
        return db.inTransaction(work);
    }

    /** Runs {@code work} holding the locks of the persons {@code discovery} finds in that care principal and card type. */
    public <T> T write(String carePrincipalId, String cardTypeId, Discovery discovery, Database.TransactionalWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                Collection<String> persons = db.inTransaction(discovery::persons);
                locks.ensure(db.dataSource(), carePrincipalId, cardTypeId, persons);
                return db.inTransaction(c -> {
                    if (db.dialect() == Database.Dialect.H2) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MILLIS);
                        }
                    }
                    locks.lock(c, carePrincipalId, cardTypeId, persons);
                    if (!persons.containsAll(discovery.persons(c))) {
                        throw new ConcurrentChangeException("a card gained a person before the locks were held");
                    }
                    return work.run(c);
                });
            } catch (ConcurrentChangeException e) {
                if (attempt >= MAX_ATTEMPTS) throw e;
            } catch (StoreException e) {
                if (attempt >= MAX_ATTEMPTS || !retryable(e)) throw e;
            } catch (SQLException e) {
                if (attempt >= MAX_ATTEMPTS || !RETRYABLE_STATES.contains(e.getSQLState())) throw new StoreException(e);
            }
            backOff(attempt);
        }
    }

    private static boolean retryable(StoreException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
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
