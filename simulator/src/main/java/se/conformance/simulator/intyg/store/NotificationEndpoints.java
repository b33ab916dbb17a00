package se.conformance.simulator.intyg.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.store.Database;

/**
 * Where a care unit's journal system receives CertificateStatusUpdateForCare: unit HSA-id (the logical
 * address of the notification) → endpoint URL, registered by the vendor through the control API and
 * read by the notification sender. One URL per unit; registering again replaces it.
 */
public final class NotificationEndpoints {

    private final Database db;
    private final SimulatedClock clock;

    public NotificationEndpoints(Database db, SimulatedClock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws IllegalArgumentException when the unit id or URL is blank */
    public void register(String unitId, String url) {
        if (unitId == null || unitId.isBlank()) throw new IllegalArgumentException("unit HSA-id is required");
        if (url == null || url.isBlank()) throw new IllegalArgumentException("endpoint URL is required");
        db.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM intyg_notification_endpoint WHERE unit_id = ?", unitId);
            return Jdbc.update(c, "INSERT INTO intyg_notification_endpoint (unit_id, url, registered_at) VALUES (?, ?, ?)",
                    unitId, url, clock.now());
        });
    }

    public Optional<String> find(String unitId) {
        return db.inTransaction(c -> Jdbc.one(c, "SELECT url FROM intyg_notification_endpoint WHERE unit_id = ?",
                rs -> rs.getString(1), unitId));
    }

    /** @return false when the unit had no endpoint */
    public boolean remove(String unitId) {
        return db.inTransaction(c -> Jdbc.update(c, "DELETE FROM intyg_notification_endpoint WHERE unit_id = ?",
                unitId) == 1);
    }

    /** Every registration, by unit id. */
    public Map<String, String> all() {
        return db.inTransaction(c -> {
            Map<String, String> result = new LinkedHashMap<>();
            for (String[] r : Jdbc.query(c, "SELECT unit_id, url FROM intyg_notification_endpoint ORDER BY unit_id",
                    rs -> new String[] {rs.getString(1), rs.getString(2)})) {
                result.put(r[0], r[1]);
            }
            return result;
        });
    }
}
