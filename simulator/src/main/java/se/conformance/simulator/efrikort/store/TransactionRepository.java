package se.conformance.simulator.efrikort.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import se.conformance.simulator.efrikort.Model.TransactionStatus;

/** Versions of transactions. All versions of one transaction are kept on the same card. */
public final class TransactionRepository {

    private static final String COLUMNS = "row_id, transaction_id, version, card_system_id, care_principal_id, "
            + "card_type_id, person_id, amount, transaction_date, registered_at, care_provider, care_unit, "
            + "actor_employee_id, actor_care_provider_id, actor_care_unit_id, status, status_reason";

    /** Every version on the card, in storage order. */
    public List<TransactionRow> onCard(Connection c, String cardSystemId) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM efk_transaction WHERE card_system_id = ? ORDER BY row_id",
                TransactionRepository::map, cardSystemId);
    }

    /** Every version of a transaction of the care principal, in version order. */
    public List<TransactionRow> versions(Connection c, String carePrincipalId, String transactionId)
            throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM efk_transaction WHERE transaction_id = ? "
                + "AND care_principal_id = ? ORDER BY version", TransactionRepository::map, transactionId, carePrincipalId);
    }

    public void insert(Connection c, TransactionRow t) throws SQLException {
        Jdbc.update(c, "INSERT INTO efk_transaction (transaction_id, version, card_system_id, care_principal_id, "
                + "card_type_id, person_id, amount, transaction_date, registered_at, care_provider, care_unit, "
                + "actor_employee_id, actor_care_provider_id, actor_care_unit_id, status, status_reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                t.transactionId(), t.version(), t.cardSystemId(), t.carePrincipalId(), t.cardTypeId(), t.personId(),
                t.amount(), t.transactionDate(), t.registeredAt(), t.careProvider(), t.careUnit(), t.actorEmployeeId(),
                t.actorCareProviderId(), t.actorCareUnitId(), t.status(), t.statusReason());
    }

    public void setStatus(Connection c, long rowId, TransactionStatus status, String reason) throws SQLException {
        Jdbc.update(c, "UPDATE efk_transaction SET status = ?, status_reason = ? WHERE row_id = ?", status, reason, rowId);
    }

    /** Moves every version of the listed transactions to {@code cardSystemId}. */
    public void moveTransactions(Connection c, List<String> transactionIds, String cardSystemId) throws SQLException {
        for (String id : transactionIds) {
            Jdbc.update(c, "UPDATE efk_transaction SET card_system_id = ? WHERE transaction_id = ?", cardSystemId, id);
        }
    }

    /** Moves every version of {@code personId}'s transactions on one card to another. */
    public void movePerson(Connection c, String personId, String fromCard, String toCard) throws SQLException {
        Jdbc.update(c, "UPDATE efk_transaction SET card_system_id = ? WHERE card_system_id = ? AND person_id = ?",
                toCard, fromCard, personId);
    }

    public void deletePersonOnCard(Connection c, String personId, String cardSystemId) throws SQLException {
        Jdbc.update(c, "DELETE FROM efk_transaction WHERE card_system_id = ? AND person_id = ?", cardSystemId, personId);
    }

    private static TransactionRow map(ResultSet rs) throws SQLException {
        return new TransactionRow(rs.getLong("row_id"), rs.getString("transaction_id"), rs.getInt("version"),
                rs.getString("card_system_id"), rs.getString("care_principal_id"), rs.getString("card_type_id"),
                rs.getString("person_id"), rs.getBigDecimal("amount"), Jdbc.date(rs, "transaction_date"),
                Jdbc.instant(rs, "registered_at"), rs.getString("care_provider"), rs.getString("care_unit"),
                rs.getString("actor_employee_id"), rs.getString("actor_care_provider_id"),
                rs.getString("actor_care_unit_id"), Jdbc.enumValue(rs, "status", TransactionStatus.class),
                rs.getString("status_reason"));
    }
}
