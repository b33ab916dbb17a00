package se.conformance.simulator.intyg.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import se.conformance.simulator.store.Database;

/**
 * What the simulated recipients received from Intygstjänsten, in arrival order: RegisterCertificate
 * (the certificate XML stored at registration), RevokeCertificate (the reason) and SendMessageToRecipient
 * (the message's fields).
 */
public final class RecipientInbox {

    public enum Operation { RegisterCertificate, RevokeCertificate, SendMessageToRecipient }

    /** One received call. Fields a call does not carry are null. */
    public record Entry(long seq, String recipientId, Operation operation, String certificateId, String patientId,
            String certificateXml, String meddelandeId, String amne, String svarPaMeddelandeId, String text,
            String sentBy, Instant receivedAt) {}

    private final Database db;

    public RecipientInbox(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Records a received call in the caller's transaction ({@code seq} of {@code e} is ignored). */
    public void insert(Connection c, Entry e) throws SQLException {
        Jdbc.update(c, "INSERT INTO intyg_recipient_inbox (recipient_id, operation, certificate_id, patient_id, "
                + "certificate_xml, meddelande_id, amne, svar_pa_meddelande_id, text, sent_by, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.recipientId(), e.operation(), e.certificateId(),
                e.patientId(), e.certificateXml(), e.meddelandeId(), e.amne(), e.svarPaMeddelandeId(), e.text(),
                e.sentBy(), e.receivedAt());
    }

    /** What {@code recipientId} received, oldest first. */
    public List<Entry> received(String recipientId) {
        return db.inTransaction(c -> Jdbc.query(c, "SELECT * FROM intyg_recipient_inbox WHERE recipient_id = ? "
                + "ORDER BY seq", RecipientInbox::row, recipientId));
    }

    public List<Entry> all() {
        return db.inTransaction(c -> Jdbc.query(c, "SELECT * FROM intyg_recipient_inbox ORDER BY seq", RecipientInbox::row));
    }

    private static Entry row(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong("seq"), rs.getString("recipient_id"), Operation.valueOf(rs.getString("operation")),
                rs.getString("certificate_id"), rs.getString("patient_id"), rs.getString("certificate_xml"),
                rs.getString("meddelande_id"), rs.getString("amne"), rs.getString("svar_pa_meddelande_id"),
                rs.getString("text"), rs.getString("sent_by"), Jdbc.instant(rs, "received_at"));
    }
}
