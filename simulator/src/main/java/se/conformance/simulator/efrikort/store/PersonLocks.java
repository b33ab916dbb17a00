package se.conformance.simulator.efrikort.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeSet;
import javax.sql.DataSource;
import se.conformance.simulator.store.Database.Dialect;

/**
 * Row locks that serialise writes per (care principal, card type, person). A write locks every
 * person on every card it reads or changes, always in ascending person order, so two writes that
 * share a card wait for each other and no two writes can wait in a cycle.
 */
public final class PersonLocks {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Dialect dialect;

    public PersonLocks(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Makes sure each person has a lock row, committed on its own so that concurrent first writes
     * for a new person contend on one row instead of on an insert.
     */
    public void ensure(DataSource dataSource, String carePrincipalId, String cardTypeId, Collection<String> personIds)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (String personId : new TreeSet<>(personIds)) {
                if (exists(c, carePrincipalId, cardTypeId, personId)) continue;
                try {
                    if (dialect == Dialect.POSTGRESQL) {
                        Jdbc.update(c, "INSERT INTO efk_person_lock (care_principal_id, card_type_id, person_id) "
                                + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", carePrincipalId, cardTypeId, personId);
                    } else {
                        Jdbc.update(c, "INSERT INTO efk_person_lock (care_principal_id, card_type_id, person_id) "
                                + "VALUES (?, ?, ?)", carePrincipalId, cardTypeId, personId);
                    }
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) throw e; // another writer created it first
                }
            }
        }
    }

    /** Locks the rows of {@code personIds} for the rest of the transaction on {@code c}, in person order. */
    public void lock(Connection c, String carePrincipalId, String cardTypeId, Collection<String> personIds)
            throws SQLException {
        for (String personId : new TreeSet<>(personIds)) {
            if (Jdbc.query(c, "SELECT person_id FROM efk_person_lock WHERE care_principal_id = ? AND card_type_id = ? "
                    + "AND person_id = ? FOR UPDATE", rs -> rs.getString(1), carePrincipalId, cardTypeId, personId)
                    .isEmpty()) {
                throw new ConcurrentChangeException("lock row of " + personId + " vanished");
            }
        }
    }

    private static boolean exists(Connection c, String carePrincipalId, String cardTypeId, String personId)
            throws SQLException {
        return !Jdbc.query(c, "SELECT person_id FROM efk_person_lock WHERE care_principal_id = ? AND card_type_id = ? "
                + "AND person_id = ?", rs -> rs.getString(1), carePrincipalId, cardTypeId, personId).isEmpty();
    }
}
