package se.conformance.simulator.efrikort.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Objects;
import se.conformance.simulator.store.ConflictRetry;
import se.conformance.simulator.store.Database;

/**
 * How the e-frikort rules use the database: reads in one consistent snapshot, writes serialised
 * per person group.
 *
 * <p>A write first finds the persons whose cards it may read or change, locks their rows in
 * {@link PersonLocks person order}, checks that no card gained a person meanwhile, and only then
 * runs. A lock conflict, deadlock, serialisation failure or changed group rolls the write back and
 * runs it again ({@link ConflictRetry}), so none reaches the caller. Any other exception rolls back and propagates unchanged.
 */
public final class Transactions {

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
        return ConflictRetry.run(() -> {
            Collection<String> persons = db.inTransaction(discovery::persons);
            locks.ensure(db.dataSource(), carePrincipalId, cardTypeId, persons);
            return db.inTransaction(c -> {
                ConflictRetry.prepare(db, c);
                locks.lock(c, carePrincipalId, cardTypeId, persons);
                if (!persons.containsAll(discovery.persons(c))) {
                    throw new ConcurrentChangeException("a card gained a person before the locks were held");
                }
                return work.run(c);
            });
        });
    }
}
