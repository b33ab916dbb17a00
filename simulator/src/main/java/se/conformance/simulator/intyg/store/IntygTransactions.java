package se.conformance.simulator.intyg.store;

import java.sql.Connection;
import java.util.Objects;
import se.conformance.simulator.store.ConflictRetry;
import se.conformance.simulator.store.Database;

/**
 * How the intyg rules use the database. A write runs in one transaction and is run again on a
 * conflict ({@link ConflictRetry}); after a concurrent insert of the same key the next attempt sees
 * the other writer's committed row, so a duplicate id is decided by the primary key and answered by
 * the rules, never surfaced as an exception. Any other exception rolls back and propagates.
 */
public final class IntygTransactions {

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
        return ConflictRetry.run(() -> db.inTransaction(c -> {
            ConflictRetry.prepare(db, c);
            return work.run(c);
        }));
    }
}
