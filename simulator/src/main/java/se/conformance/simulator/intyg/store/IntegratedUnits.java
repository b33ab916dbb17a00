package se.conformance.simulator.intyg.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Webcert's registry of integrated units (intyg.md §8): a unit integrated for a certificate type gets a
 * CertificateStatusUpdateForCare for every event of its certificates of that type. CreateDraftCertificate
 * registers the calling unit.
 */
public final class IntegratedUnits {

    public record Registration(String unitId, String typeCode, Instant registeredAt) {}

    /** Registers the unit for the type; registering again changes nothing. */
    public void register(Connection c, String unitId, String typeCode, Instant at) throws SQLException {
        if (isIntegrated(c, unitId, typeCode)) return;
        Jdbc.update(c, "INSERT INTO intyg_integrated_unit (unit_id, type_code, registered_at) VALUES (?, ?, ?)", unitId,
                typeCode, at);
    }

    public boolean isIntegrated(Connection c, String unitId, String typeCode) throws SQLException {
        return Jdbc.one(c, "SELECT unit_id FROM intyg_integrated_unit WHERE unit_id = ? AND type_code = ?",
                rs -> rs.getString(1), unitId, typeCode).isPresent();
    }

    public void unregister(Connection c, String unitId, String typeCode) throws SQLException {
        Jdbc.update(c, "DELETE FROM intyg_integrated_unit WHERE unit_id = ? AND type_code = ?", unitId, typeCode);
    }

    public List<Registration> all(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM intyg_integrated_unit ORDER BY unit_id, type_code",
                rs -> new Registration(rs.getString("unit_id"), rs.getString("type_code"),
                        Jdbc.instant(rs, "registered_at")));
    }
}
