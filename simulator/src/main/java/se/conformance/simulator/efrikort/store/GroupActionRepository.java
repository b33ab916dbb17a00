package se.conformance.simulator.efrikort.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.conformance.simulator.efrikort.Model.GroupAction;

/** The log of GroupPerson and UngroupPerson, read by GetGroupForPerson. */
public final class GroupActionRepository {

    public record GroupActionRow(Instant loggedAt, String carePrincipalId, String cardTypeId, String cardSystemId,
            String cardId, String personId, GroupAction action) {}

    public void insert(Connection c, GroupActionRow a) throws SQLException {
        Jdbc.update(c, "INSERT INTO efk_group_action (logged_at, care_principal_id, card_type_id, card_system_id, "
                + "card_id, person_id, action) VALUES (?, ?, ?, ?, ?, ?, ?)", a.loggedAt(), a.carePrincipalId(),
                a.cardTypeId(), a.cardSystemId(), a.cardId(), a.personId(), a.action());
    }

    /** Actions on any of {@code personIds} in the care principal and card type, oldest first. */
    public List<GroupActionRow> forPersons(Connection c, String carePrincipalId, String cardTypeId,
            List<String> personIds) throws SQLException {
        if (personIds.isEmpty()) return List.of();
        List<Object> params = new ArrayList<>(List.of(carePrincipalId, cardTypeId));
        params.addAll(personIds);
        return Jdbc.query(c, "SELECT logged_at, care_principal_id, card_type_id, card_system_id, card_id, person_id, "
                + "action FROM efk_group_action WHERE care_principal_id = ? AND card_type_id = ? AND person_id IN ("
                + Jdbc.placeholders(personIds.size()) + ") ORDER BY id",
                rs -> new GroupActionRow(Jdbc.instant(rs, "logged_at"), rs.getString("care_principal_id"),
                        rs.getString("card_type_id"), rs.getString("card_system_id"), rs.getString("card_id"),
                        rs.getString("person_id"), Jdbc.enumValue(rs, "action", GroupAction.class)),
                params.toArray());
    }

    public void deleteForPerson(Connection c, String carePrincipalId, String cardTypeId, String personId)
            throws SQLException {
        Jdbc.update(c, "DELETE FROM efk_group_action WHERE care_principal_id = ? AND card_type_id = ? "
                + "AND person_id = ?", carePrincipalId, cardTypeId, personId);
    }
}
