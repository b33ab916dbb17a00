package se.conformance.simulator.efrikort.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import se.conformance.simulator.efrikort.consent.ConsentState;

/** Per person, card type and region: participation (opt-in/opt-out) and read consent. */
public final class ConsentRepository {

    public record ConsentRow(ConsentState state, boolean readConsent) {}

    public Optional<ConsentRow> find(Connection c, String carePrincipalId, String cardTypeId, String personId)
            throws SQLException {
        return Jdbc.query(c, "SELECT state, read_consent FROM efk_consent WHERE care_principal_id = ? "
                + "AND card_type_id = ? AND person_id = ?",
                rs -> new ConsentRow(Jdbc.enumValue(rs, "state", ConsentState.class), rs.getBoolean("read_consent")),
                carePrincipalId, cardTypeId, personId).stream().findFirst();
    }

    public void put(Connection c, String carePrincipalId, String cardTypeId, String personId, ConsentRow row,
            Instant at) throws SQLException {
        if (Jdbc.update(c, "UPDATE efk_consent SET state = ?, read_consent = ?, updated_at = ? "
                + "WHERE care_principal_id = ? AND card_type_id = ? AND person_id = ?",
                row.state(), row.readConsent(), at, carePrincipalId, cardTypeId, personId) == 0) {
            Jdbc.update(c, "INSERT INTO efk_consent (care_principal_id, card_type_id, person_id, state, read_consent, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?)", carePrincipalId, cardTypeId, personId, row.state(),
                    row.readConsent(), at);
        }
    }
}
