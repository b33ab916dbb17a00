package se.conformance.simulator.efrikort.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import se.conformance.simulator.efrikort.Model.ExportType;

/** Export marks of a card: a card to print and mail, or an overcharge letter. */
public final class ExportStatusRepository {

    public record ExportRow(String cardSystemId, String personId, ExportType exportType, Instant createdAt) {}

    public void insert(Connection c, ExportRow e) throws SQLException {
        Jdbc.update(c, "INSERT INTO efk_export_status (card_system_id, person_id, export_type, created_at) "
                + "VALUES (?, ?, ?, ?)", e.cardSystemId(), e.personId(), e.exportType(), e.createdAt());
    }

    public List<ExportRow> onCard(Connection c, String cardSystemId) throws SQLException {
        return Jdbc.query(c, "SELECT card_system_id, person_id, export_type, created_at FROM efk_export_status "
                + "WHERE card_system_id = ? ORDER BY id",
                rs -> new ExportRow(rs.getString("card_system_id"), rs.getString("person_id"),
                        Jdbc.enumValue(rs, "export_type", ExportType.class), Jdbc.instant(rs, "created_at")),
                cardSystemId);
    }

    public void moveTo(Connection c, String personId, String fromCard, String toCard) throws SQLException {
        Jdbc.update(c, "UPDATE efk_export_status SET card_system_id = ? WHERE card_system_id = ? AND person_id = ?",
                toCard, fromCard, personId);
    }

    public void deletePersonOnCard(Connection c, String personId, String cardSystemId) throws SQLException {
        Jdbc.update(c, "DELETE FROM efk_export_status WHERE card_system_id = ? AND person_id = ?", cardSystemId,
                personId);
    }
}
