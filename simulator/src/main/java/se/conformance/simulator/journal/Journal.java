package se.conformance.simulator.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.conformance.simulator.store.Database;
import se.conformance.simulator.store.StoreException;

/**
 * The exchange journal: the record of what every vendor system sent and was answered, in the
 * simulator's database. Append-only for the simulator; read by the control API and the harness.
 */
public final class Journal {

    private static final String COLUMNS = "trace_id, direction, service, operation, simulated_time, wall_time, caller,"
            + " client_address, logical_address, care_principal_id, person_id, validation, validation_text,"
            + " result_code, fault_text, fault_rule_id, http_status, duration_ms, request_body, response_body";

    private final Database db;

    public Journal(Database db) {
        this.db = db;
    }

    /** Appends an entry; its {@code seq} is ignored and assigned by the store. */
    public void append(JournalEntry e) {
        String sql = "INSERT INTO journal_entry (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, e.traceId());
            ps.setString(i++, e.direction());
            ps.setString(i++, e.service());
            ps.setString(i++, e.operation());
            ps.setTimestamp(i++, Timestamp.from(e.simulatedTime()));
            ps.setTimestamp(i++, Timestamp.from(e.wallTime()));
            ps.setString(i++, e.caller());
            ps.setString(i++, e.clientAddress());
            ps.setString(i++, e.logicalAddress());
            ps.setString(i++, e.carePrincipalId());
            ps.setString(i++, e.personId());
            ps.setString(i++, e.validation());
            ps.setString(i++, e.validationText());
            ps.setString(i++, e.resultCode());
            ps.setString(i++, e.faultText());
            ps.setString(i++, e.faultRuleId());
            setInt(ps, i++, e.httpStatus());
            setInt(ps, i++, e.durationMillis());
            ps.setString(i++, e.requestBody());
            ps.setString(i, e.responseBody());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException(ex);
        }
    }

    public List<JournalEntry> find(JournalQuery q) {
        StringBuilder sql = new StringBuilder("SELECT seq, " + COLUMNS + " FROM journal_entry WHERE 1=1");
        List<Object> args = new ArrayList<>();
        filter(sql, args, "trace_id", q.traceId());
        filter(sql, args, "service", q.service());
        filter(sql, args, "operation", q.operation());
        filter(sql, args, "result_code", q.resultCode());
        filter(sql, args, "person_id", q.personId());
        filter(sql, args, "care_principal_id", q.carePrincipalId());
        filter(sql, args, "caller", q.caller());
        if (q.since() != null) {
            sql.append(" AND simulated_time >= ?");
            args.add(Timestamp.from(q.since()));
        }
        if (q.until() != null) {
            sql.append(" AND simulated_time < ?");
            args.add(Timestamp.from(q.until()));
        }
        if (q.afterSeq() != null) {
            sql.append(" AND seq > ?");
            args.add(q.afterSeq());
        }
        sql.append(" ORDER BY seq LIMIT ").append(q.limit());
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<JournalEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        } catch (SQLException ex) {
            throw new StoreException(ex);
        }
    }

    /** Empties the journal (control API, on request only: a reset of the simulator keeps it). */
    public int clear() {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM journal_entry")) {
            return ps.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException(ex);
        }
    }

    private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) ps.setNull(i, Types.INTEGER);
        else ps.setInt(i, v);
    }

    private static JournalEntry read(ResultSet rs) throws SQLException {
        return new JournalEntry(rs.getLong("seq"), rs.getString("trace_id"), rs.getString("direction"),
                rs.getString("service"), rs.getString("operation"), instant(rs, "simulated_time"),
                instant(rs, "wall_time"), rs.getString("caller"), rs.getString("client_address"),
                rs.getString("logical_address"), rs.getString("care_principal_id"), rs.getString("person_id"),
                rs.getString("validation"), rs.getString("validation_text"), rs.getString("result_code"),
                rs.getString("fault_text"), rs.getString("fault_rule_id"), (Integer) rs.getObject("http_status"),
                (Integer) rs.getObject("duration_ms"), rs.getString("request_body"), rs.getString("response_body"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
