package se.conformance.simulator.intyg.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.intyg.Handelsekod;
import se.conformance.simulator.intyg.message.Arenden;
import se.conformance.simulator.store.Database;

/**
 * The outbox of CertificateStatusUpdateForCare 3: one notification per event of a unit integrated for the
 * certificate's type, written by the rules in the transaction of the change (so a change and its
 * notification commit together or not at all), delivered by the notification sender.
 *
 * <p>A notification starts {@link DeliveryState#PENDING}, due at once. The sender reads {@link #due},
 * calls the journal system and records the outcome: {@link #markAttempt} (still pending, due again at the
 * given time), {@link #markDelivered} or {@link #markFailed} (final). Each mark applies only to a pending
 * notification and says whether it did, so two senders never both finish one notification.
 */
public final class NotificationOutbox {

    public enum DeliveryState { PENDING, DELIVERED, FAILED }

    /** What the rules write: the event with everything CertificateStatusUpdateForCare carries. */
    public record NewNotification(String eventId, String certificateId, String unitId, String typeCode,
            Handelsekod code, String amne, LocalDate sistaDatumForSvar, String hanteratAv, String certificateXml,
            String ref, Arenden skickadeFragor, Arenden mottagnaFragor, Instant createdAt) {}

    /**
     * A stored notification. {@code certificateXml} is the certificate's (or draft's) full XML at the moment
     * of the event; {@code createdAt} is on the simulated clock.
     */
    public record Notification(long seq, String eventId, String certificateId, String unitId, String typeCode,
            Handelsekod code, String amne, LocalDate sistaDatumForSvar, String hanteratAv, String certificateXml,
            String ref, Arenden skickadeFragor, Arenden mottagnaFragor, Instant createdAt, DeliveryState state,
            int attempts, Instant nextAttemptAt, Instant lastAttemptAt, String lastOutcome, Instant finishedAt) {

        /** {@code Handelse.tidpunkt}: the creation time in Swedish local time, to the millisecond. */
        public LocalDateTime handelseTidpunkt() {
            return LocalDateTime.ofInstant(createdAt, SimulatedClock.SWEDEN).truncatedTo(ChronoUnit.MILLIS);
        }
    }

    private static final int OUTCOME_MAX = 2000;

    private final Database db;

    public NotificationOutbox(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Writes a pending notification in the caller's transaction. */
    public void insert(Connection c, NewNotification n) throws SQLException {
        Jdbc.update(c, "INSERT INTO intyg_notification (event_id, certificate_id, unit_id, type_code, code, amne, "
                + "sista_datum_for_svar, hanterat_av, certificate_xml, ref, skickade_totalt, skickade_ej_besvarade, "
                + "skickade_besvarade, skickade_hanterade, mottagna_totalt, mottagna_ej_besvarade, mottagna_besvarade, "
                + "mottagna_hanterade, created_at, delivery_state, attempts, next_attempt_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)", n.eventId(),
                n.certificateId(), n.unitId(), n.typeCode(), n.code(), n.amne(), n.sistaDatumForSvar(), n.hanteratAv(),
                n.certificateXml(), n.ref(), n.skickadeFragor().totalt(), n.skickadeFragor().ejBesvarade(),
                n.skickadeFragor().besvarade(), n.skickadeFragor().hanterade(), n.mottagnaFragor().totalt(),
                n.mottagnaFragor().ejBesvarade(), n.mottagnaFragor().besvarade(), n.mottagnaFragor().hanterade(),
                n.createdAt(), n.createdAt());
    }

    /** Pending notifications due at {@code now} (next attempt not after it), oldest event first, at most {@code limit}. */
    public List<Notification> due(Instant now, int limit) {
        return db.inTransaction(c -> Jdbc.query(c, "SELECT * FROM intyg_notification WHERE delivery_state = 'PENDING' "
                + "AND next_attempt_at <= ? ORDER BY seq LIMIT " + Math.max(0, limit), NotificationOutbox::row, now));
    }

    /** A failed attempt after which the notification stays pending, due again at {@code nextAttemptAt}. */
    public boolean markAttempt(String eventId, Instant at, String outcome, Instant nextAttemptAt) {
        return finish(eventId, DeliveryState.PENDING, at, outcome, nextAttemptAt);
    }

    /** The journal system accepted the notification (OK or INFO). */
    public boolean markDelivered(String eventId, Instant at, String outcome) {
        return finish(eventId, DeliveryState.DELIVERED, at, outcome, null);
    }

    /** Delivery given up: an error that must not be retried, or the retries are exhausted. */
    public boolean markFailed(String eventId, Instant at, String outcome) {
        return finish(eventId, DeliveryState.FAILED, at, outcome, null);
    }

    private boolean finish(String eventId, DeliveryState state, Instant at, String outcome, Instant next) {
        String text = outcome != null && outcome.length() > OUTCOME_MAX ? outcome.substring(0, OUTCOME_MAX) : outcome;
        return db.inTransaction(c -> Jdbc.update(c, "UPDATE intyg_notification SET attempts = attempts + 1, "
                + "last_attempt_at = ?, last_outcome = ?, delivery_state = ?, "
                + "next_attempt_at = COALESCE(?, next_attempt_at), finished_at = ? "
                + "WHERE event_id = ? AND delivery_state = 'PENDING'", at, text, state, next,
                state == DeliveryState.PENDING ? null : at, eventId) == 1);
    }

    public Optional<Notification> find(String eventId) {
        return db.inTransaction(c -> Jdbc.one(c, "SELECT * FROM intyg_notification WHERE event_id = ?",
                NotificationOutbox::row, eventId));
    }

    /** The notifications of one certificate in event order. */
    public List<Notification> forCertificate(String certificateId) {
        return db.inTransaction(c -> forCertificate(c, certificateId));
    }

    public List<Notification> forCertificate(Connection c, String certificateId) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM intyg_notification WHERE certificate_id = ? ORDER BY seq",
                NotificationOutbox::row, certificateId);
    }

    /** Every notification in event order. */
    public List<Notification> all() {
        return db.inTransaction(c -> Jdbc.query(c, "SELECT * FROM intyg_notification ORDER BY seq",
                NotificationOutbox::row));
    }

    private static Notification row(ResultSet rs) throws SQLException {
        return new Notification(rs.getLong("seq"), rs.getString("event_id"), rs.getString("certificate_id"),
                rs.getString("unit_id"), rs.getString("type_code"), Handelsekod.valueOf(rs.getString("code")),
                rs.getString("amne"), Jdbc.date(rs, "sista_datum_for_svar"), rs.getString("hanterat_av"),
                rs.getString("certificate_xml"), rs.getString("ref"),
                new Arenden(rs.getInt("skickade_totalt"), rs.getInt("skickade_ej_besvarade"),
                        rs.getInt("skickade_besvarade"), rs.getInt("skickade_hanterade")),
                new Arenden(rs.getInt("mottagna_totalt"), rs.getInt("mottagna_ej_besvarade"),
                        rs.getInt("mottagna_besvarade"), rs.getInt("mottagna_hanterade")),
                Jdbc.instant(rs, "created_at"), DeliveryState.valueOf(rs.getString("delivery_state")),
                rs.getInt("attempts"), Jdbc.instant(rs, "next_attempt_at"), Jdbc.instant(rs, "last_attempt_at"),
                rs.getString("last_outcome"), Jdbc.instant(rs, "finished_at"));
    }
}
