package se.conformance.simulator.intyg.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import se.conformance.simulator.intyg.IntygCommands.SickLeavePeriod;
import se.conformance.simulator.intyg.status.CertificateStatus;
import se.conformance.simulator.intyg.status.StatusCode;

/** Certificates and drafts with their statuses, sick-leave periods and relation. */
public final class CertificateRepository {

    /** A relation as stored: {@code from} relates to {@code to}. */
    public record RelationRow(String fromCertificateId, String type, String toCertificateId, LocalDateTime created) {}

    private static final String COLUMNS = "certificate_id, root, type_code, type_version, patient_id, unit_id, "
            + "care_provider_id, issuer_id, issuer_name, lifecycle, test_certificate, signed_local, created_at, "
            + "registered_at, ref, svar_pa_meddelande_id, svar_pa_referens_id, diagnosis_code, xml";

    /** Inserts a new row; a row with the same id makes the insert fail with a unique violation. */
    public void insert(Connection c, CertificateRow r) throws SQLException {
        Jdbc.update(c, "INSERT INTO intyg_certificate (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?)", r.certificateId(), r.root(), r.typeCode(), r.typeVersion(), r.patientId(),
                r.unitId(), r.careProviderId(), r.issuerId(), r.issuerName(), r.state(), r.testCertificate(),
                r.signedAt(), r.createdAt(), r.registeredAt(), r.ref(), r.svarPaMeddelandeId(), r.svarPaReferensId(),
                r.diagnosisCode(), r.xml());
    }

    /** Replaces every column of an existing row (signing a draft); the creation time and ref are kept. */
    public void replace(Connection c, CertificateRow r) throws SQLException {
        Jdbc.update(c, "UPDATE intyg_certificate SET root = ?, type_code = ?, type_version = ?, patient_id = ?, "
                + "unit_id = ?, care_provider_id = ?, issuer_id = ?, issuer_name = ?, lifecycle = ?, test_certificate = ?, "
                + "signed_local = ?, registered_at = ?, svar_pa_meddelande_id = ?, svar_pa_referens_id = ?, "
                + "diagnosis_code = ?, xml = ? WHERE certificate_id = ?", r.root(), r.typeCode(), r.typeVersion(),
                r.patientId(), r.unitId(), r.careProviderId(), r.issuerId(), r.issuerName(), r.state(),
                r.testCertificate(), r.signedAt(), r.registeredAt(), r.svarPaMeddelandeId(), r.svarPaReferensId(),
                r.diagnosisCode(), r.xml(), r.certificateId());
    }

    public Optional<CertificateRow> find(Connection c, String certificateId) throws SQLException {
        if (certificateId == null) return Optional.empty();
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM intyg_certificate WHERE certificate_id = ?",
                CertificateRepository::row, certificateId);
    }

    /** Reads the row and locks it for the rest of the transaction: writes on one certificate are serialised. */
    public Optional<CertificateRow> lock(Connection c, String certificateId) throws SQLException {
        if (certificateId == null) return Optional.empty();
        return Jdbc.one(c, "SELECT " + COLUMNS + " FROM intyg_certificate WHERE certificate_id = ? FOR UPDATE",
                CertificateRepository::row, certificateId);
    }

    public void updateDraft(Connection c, String certificateId, String xml) throws SQLException {
        Jdbc.update(c, "UPDATE intyg_certificate SET xml = ? WHERE certificate_id = ?", xml, certificateId);
    }

    public void setState(Connection c, String certificateId, CertificateRow.State state) throws SQLException {
        Jdbc.update(c, "UPDATE intyg_certificate SET lifecycle = ? WHERE certificate_id = ?", state, certificateId);
    }

    /** Signed certificates of a patient, oldest signing first. */
    public List<CertificateRow> signedForPatient(Connection c, String patientId) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM intyg_certificate WHERE patient_id = ? AND lifecycle = 'SIGNED' "
                + "ORDER BY signed_local, certificate_id", CertificateRepository::row, patientId);
    }

    /** Signed certificates issued on a unit, oldest signing first. */
    public List<CertificateRow> signedOnUnit(Connection c, String unitId) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM intyg_certificate WHERE unit_id = ? AND lifecycle = 'SIGNED' "
                + "ORDER BY signed_local, certificate_id", CertificateRepository::row, unitId);
    }

    /** Drafts and signed certificates of a patient (not deleted or erased), oldest first. */
    public List<CertificateRow> liveForPatient(Connection c, String patientId) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM intyg_certificate WHERE patient_id = ? "
                + "AND lifecycle IN ('DRAFT', 'READY', 'SIGNED') ORDER BY created_at, certificate_id",
                CertificateRepository::row, patientId);
    }

    /** Ids of the care provider's certificates and drafts that are not yet erased. */
    public List<String> idsOfCareProvider(Connection c, String careProviderId) throws SQLException {
        return Jdbc.query(c, "SELECT certificate_id FROM intyg_certificate WHERE care_provider_id = ? "
                + "AND lifecycle <> 'ERASED' ORDER BY certificate_id", rs -> rs.getString(1), careProviderId);
    }

    /**
     * Erases a certificate without trace: statuses, periods, relations to and from it, messages, events
     * and notifications go; the row keeps only id, patient and care provider (a tombstone).
     */
    public void erase(Connection c, String certificateId) throws SQLException {
        Jdbc.update(c, "DELETE FROM intyg_certificate_status WHERE certificate_id = ?", certificateId);
        Jdbc.update(c, "DELETE FROM intyg_sick_leave_period WHERE certificate_id = ?", certificateId);
        Jdbc.update(c, "DELETE FROM intyg_relation WHERE from_certificate_id = ? OR to_certificate_id = ?",
                certificateId, certificateId);
        Jdbc.update(c, "DELETE FROM intyg_message WHERE certificate_id = ?", certificateId);
        Jdbc.update(c, "DELETE FROM intyg_event WHERE certificate_id = ?", certificateId);
        Jdbc.update(c, "DELETE FROM intyg_notification WHERE certificate_id = ?", certificateId);
        Jdbc.update(c, "UPDATE intyg_certificate SET lifecycle = 'ERASED', xml = NULL, issuer_id = NULL, "
                + "issuer_name = NULL, ref = NULL, diagnosis_code = NULL, svar_pa_meddelande_id = NULL, "
                + "svar_pa_referens_id = NULL WHERE certificate_id = ?", certificateId);
    }

    // --- statuses --------------------------------------------------------------------------------------

    public void addStatus(Connection c, String certificateId, StatusCode status, String part, LocalDateTime at)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO intyg_certificate_status (certificate_id, status, part, status_local) "
                + "VALUES (?, ?, ?, ?)", certificateId, status, part, at);
    }

    /** The status history in the order it happened. */
    public List<CertificateStatus> statuses(Connection c, String certificateId) throws SQLException {
        return Jdbc.query(c, "SELECT status, part, status_local FROM intyg_certificate_status WHERE certificate_id = ? "
                + "ORDER BY seq", rs -> new CertificateStatus(StatusCode.valueOf(rs.getString("status")),
                rs.getString("part"), Jdbc.local(rs, "status_local")), certificateId);
    }

    // --- sick-leave periods ----------------------------------------------------------------------------

    public void insertPeriods(Connection c, String certificateId, List<SickLeavePeriod> periods) throws SQLException {
        int seq = 0;
        for (SickLeavePeriod p : periods) {
            Jdbc.update(c, "INSERT INTO intyg_sick_leave_period (certificate_id, seq, grade, start_date, end_date) "
                    + "VALUES (?, ?, ?, ?, ?)", certificateId, ++seq, p.grade(), p.start(), p.end());
        }
    }

    public List<SickLeavePeriod> periods(Connection c, String certificateId) throws SQLException {
        return Jdbc.query(c, "SELECT grade, start_date, end_date FROM intyg_sick_leave_period WHERE certificate_id = ? "
                + "ORDER BY seq", rs -> new SickLeavePeriod(rs.getString("grade"), Jdbc.date(rs, "start_date"),
                Jdbc.date(rs, "end_date")), certificateId);
    }

    // --- relations -------------------------------------------------------------------------------------

    public void insertRelation(Connection c, RelationRow r) throws SQLException {
        Jdbc.update(c, "INSERT INTO intyg_relation (from_certificate_id, relation_type, to_certificate_id, created_local) "
                + "VALUES (?, ?, ?, ?)", r.fromCertificateId(), r.type(), r.toCertificateId(), r.created());
    }

    /** The relation {@code certificateId} carries (to an earlier certificate). */
    public Optional<RelationRow> outgoing(Connection c, String certificateId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM intyg_relation WHERE from_certificate_id = ?", CertificateRepository::relation,
                certificateId);
    }

    /** Relations other certificates carry to {@code certificateId}, oldest first. */
    public List<RelationRow> incoming(Connection c, String certificateId) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM intyg_relation WHERE to_certificate_id = ? ORDER BY created_local, "
                + "from_certificate_id", CertificateRepository::relation, certificateId);
    }

    private static RelationRow relation(ResultSet rs) throws SQLException {
        return new RelationRow(rs.getString("from_certificate_id"), rs.getString("relation_type"),
                rs.getString("to_certificate_id"), Jdbc.local(rs, "created_local"));
    }

    private static CertificateRow row(ResultSet rs) throws SQLException {
        return new CertificateRow(rs.getString("certificate_id"), rs.getString("root"), rs.getString("type_code"),
                rs.getString("type_version"), rs.getString("patient_id"), rs.getString("unit_id"),
                rs.getString("care_provider_id"), rs.getString("issuer_id"), rs.getString("issuer_name"),
                CertificateRow.State.valueOf(rs.getString("lifecycle")), rs.getBoolean("test_certificate"),
                Jdbc.local(rs, "signed_local"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "registered_at"),
                rs.getString("ref"), rs.getString("svar_pa_meddelande_id"), rs.getString("svar_pa_referens_id"),
                rs.getString("diagnosis_code"), rs.getString("xml"));
    }

}
