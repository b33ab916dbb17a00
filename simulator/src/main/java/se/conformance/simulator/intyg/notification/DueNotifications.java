package se.conformance.simulator.intyg.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import se.conformance.simulator.intyg.store.NotificationOutbox;
import se.conformance.simulator.intyg.store.NotificationOutbox.Notification;
import se.conformance.simulator.store.Database;

/**
 * The sender's view of the outbox, per care unit: which units with a registered endpoint have pending
 * notifications due, and one unit's due notifications oldest event first. A unit without an endpoint is
 * never listed, so its notifications wait without crowding out the others.
 */
final class DueNotifications {

    private static final String UNITS = "SELECT DISTINCT n.unit_id FROM intyg_notification n "
            + "JOIN intyg_notification_endpoint e ON e.unit_id = n.unit_id "
            + "WHERE n.delivery_state = 'PENDING' AND n.next_attempt_at <= ?";
    private static final String OF_UNIT = "SELECT event_id FROM intyg_notification "
            + "WHERE unit_id = ? AND delivery_state = 'PENDING' AND next_attempt_at <= ? ORDER BY seq LIMIT ";

    private final Database db;
    private final NotificationOutbox outbox;

    DueNotifications(Database db, NotificationOutbox outbox) {
        this.db = Objects.requireNonNull(db, "db");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    List<String> unitsWithDue(Instant now) {
        return db.inTransaction(c -> strings(c, UNITS, utc(now)));
    }

    /** At most {@code limit} due notifications of {@code unitId}, in event order. */
    List<Notification> dueFor(String unitId, Instant now, int limit) {
        List<String> ids = db.inTransaction(c -> strings(c, OF_UNIT + Math.max(0, limit), unitId, utc(now)));
        List<Notification> result = new ArrayList<>(ids.size());
        for (String id : ids) outbox.find(id).ifPresent(result::add);
        return result;
    }

    /** The outbox keeps instants as UTC timestamps. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) values.add(rs.getString(1));
                return values;
            }
        }
    }
}
