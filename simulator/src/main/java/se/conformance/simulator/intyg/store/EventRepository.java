package se.conformance.simulator.intyg.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.conformance.simulator.intyg.Handelsekod;

/** The event history of every certificate (integrated unit or not), in the order the events happened. */
public final class EventRepository {

    public record EventRow(long seq, String certificateId, String unitId, Handelsekod code, String amne,
            LocalDate sistaDatumForSvar, String hanteratAv, Instant createdAt) {}

    public void insert(Connection c, String certificateId, String unitId, Handelsekod code, String amne,
            LocalDate sistaDatumForSvar, String hanteratAv, Instant at) throws SQLException {
        Jdbc.update(c, "INSERT INTO intyg_event (certificate_id, unit_id, code, amne, sista_datum_for_svar, hanterat_av, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", certificateId, unitId, code, amne, sistaDatumForSvar,
                hanteratAv, at);
    }

    public List<EventRow> forCertificate(Connection c, String certificateId) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM intyg_event WHERE certificate_id = ? ORDER BY seq",
                rs -> new EventRow(rs.getLong("seq"), rs.getString("certificate_id"), rs.getString("unit_id"),
                        Handelsekod.valueOf(rs.getString("code")), rs.getString("amne"),
                        Jdbc.date(rs, "sista_datum_for_svar"), rs.getString("hanterat_av"),
                        Jdbc.instant(rs, "created_at")), certificateId);
    }
}
