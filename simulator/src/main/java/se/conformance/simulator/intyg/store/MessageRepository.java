package se.conformance.simulator.intyg.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import se.conformance.simulator.intyg.IntygCommands.Complement;
import se.conformance.simulator.intyg.message.Side;

/** Questions and answers. The primary key on meddelande-id decides duplicates atomically. */
public final class MessageRepository {

    /** Separates kontaktInfo lines in one column; a line cannot contain it (it is a control character). */
    private static final String LINE = "\u001e";

    public void insert(Connection c, MessageRow m) throws SQLException {
        Jdbc.update(c, "INSERT INTO intyg_message (meddelande_id, certificate_id, referens_id, skickat_local, patient_id, "
                + "logisk_adress_mottagare, amne, rubrik, meddelande, paminnelse_meddelande_id, svar_pa_meddelande_id, "
                + "svar_pa_referens_id, sent_by_side, sent_by, sent_by_name, kontakt_info, sista_datum_for_svar, handled, "
                + "handled_by, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.meddelandeId(), m.certificateId(), m.referensId(), m.skickatTidpunkt(), m.patientId(),
                m.logiskAdressMottagare(), m.amne(), m.rubrik(), m.meddelande(), m.paminnelseMeddelandeId(),
                m.svarPaMeddelandeId(), m.svarPaReferensId(), m.sentBySide(), m.sentBy(), m.sentByName(),
                m.kontaktInfo().isEmpty() ? null : String.join(LINE, m.kontaktInfo()), m.sistaDatumForSvar(),
                m.handled(), m.handledBy(), m.receivedAt());
        int seq = 0;
        for (Complement k : m.complements()) {
            Jdbc.update(c, "INSERT INTO intyg_complement (meddelande_id, seq, frage_id, instans, text) VALUES (?, ?, ?, ?, ?)",
                    m.meddelandeId(), ++seq, k.frageId(), k.instans(), k.text());
        }
    }

    public Optional<MessageRow> find(Connection c, String meddelandeId) throws SQLException {
        if (meddelandeId == null) return Optional.empty();
        Optional<MessageRow> row = Jdbc.one(c, "SELECT * FROM intyg_message WHERE meddelande_id = ?",
                MessageRepository::row, meddelandeId);
        return row.isEmpty() ? row : Optional.of(withComplements(c, row.get()));
    }

    public boolean exists(Connection c, String meddelandeId) throws SQLException {
        return Jdbc.one(c, "SELECT meddelande_id FROM intyg_message WHERE meddelande_id = ?", rs -> rs.getString(1),
                meddelandeId).isPresent();
    }

    /** The messages of a certificate in arrival order. */
    public List<MessageRow> forCertificate(Connection c, String certificateId) throws SQLException {
        List<MessageRow> rows = Jdbc.query(c, "SELECT * FROM intyg_message WHERE certificate_id = ? ORDER BY seq",
                MessageRepository::row, certificateId);
        List<MessageRow> result = new ArrayList<>();
        for (MessageRow r : rows) result.add(withComplements(c, r));
        return result;
    }

    /** Answers that reference {@code meddelandeId}. */
    public List<MessageRow> answersTo(Connection c, String meddelandeId) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM intyg_message WHERE svar_pa_meddelande_id = ? ORDER BY seq",
                MessageRepository::row, meddelandeId);
    }

    public void setHandled(Connection c, String meddelandeId, boolean handled, String handledBy) throws SQLException {
        Jdbc.update(c, "UPDATE intyg_message SET handled = ?, handled_by = ? WHERE meddelande_id = ?", handled,
                handledBy, meddelandeId);
    }

    private MessageRow withComplements(Connection c, MessageRow r) throws SQLException {
        List<Complement> complements = Jdbc.query(c, "SELECT frage_id, instans, text FROM intyg_complement "
                + "WHERE meddelande_id = ? ORDER BY seq", rs -> new Complement(rs.getString("frage_id"),
                Jdbc.integer(rs, "instans"), rs.getString("text")), r.meddelandeId());
        return new MessageRow(r.meddelandeId(), r.certificateId(), r.referensId(), r.skickatTidpunkt(), r.patientId(),
                r.logiskAdressMottagare(), r.amne(), r.rubrik(), r.meddelande(), r.paminnelseMeddelandeId(),
                r.svarPaMeddelandeId(), r.svarPaReferensId(), r.sentBySide(), r.sentBy(), r.sentByName(),
                r.kontaktInfo(), r.sistaDatumForSvar(), r.handled(), r.handledBy(), r.receivedAt(), complements);
    }

    private static MessageRow row(ResultSet rs) throws SQLException {
        String kontakt = rs.getString("kontakt_info");
        return new MessageRow(rs.getString("meddelande_id"), rs.getString("certificate_id"), rs.getString("referens_id"),
                Jdbc.local(rs, "skickat_local"), rs.getString("patient_id"), rs.getString("logisk_adress_mottagare"),
                rs.getString("amne"), rs.getString("rubrik"), rs.getString("meddelande"),
                rs.getString("paminnelse_meddelande_id"), rs.getString("svar_pa_meddelande_id"),
                rs.getString("svar_pa_referens_id"), Side.valueOf(rs.getString("sent_by_side")), rs.getString("sent_by"),
                rs.getString("sent_by_name"), kontakt == null ? List.of() : Arrays.asList(kontakt.split(LINE, -1)),
                Jdbc.date(rs, "sista_datum_for_svar"), rs.getBoolean("handled"), rs.getString("handled_by"),
                Jdbc.instant(rs, "received_at"), List.of());
    }
}
