package se.conformance.simulator.efrikort.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import se.conformance.simulator.efrikort.Model.CardReason;
import se.conformance.simulator.store.Database.Dialect;

/** Cards and their persons. */
public final class CardRepository {

    private static final String COLUMNS = "c.card_system_id, c.care_principal_id, c.card_type_id, c.card_id, "
            + "c.is_current, c.card_reason, c.start_date, c.preliminary_card_date, c.end_date, c.reached_limit, "
            + "c.reached_at, c.created_at";

    private final Dialect dialect;

    public CardRepository(Dialect dialect) {
        this.dialect = dialect;
    }

    /** A new readable card number, unique within every care principal. */
    public String nextCardNumber(Connection c) throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT nextval('efk_card_number')"
                : "SELECT NEXT VALUE FOR efk_card_number";
        return Jdbc.query(c, sql, rs -> Long.toString(rs.getLong(1))).get(0);
    }

    public Optional<CardRow> find(Connection c, String carePrincipalId, String cardSystemId) throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM efk_card c WHERE c.card_system_id = ? "
                + "AND c.care_principal_id = ?", CardRepository::map, cardSystemId, carePrincipalId)
                .stream().findFirst();
    }

    /**
     * Cards are found from the person (index {@code efk_card_person_by_person}), never by scanning a
     * region's cards: with a join H2 picked a scan of every card of the region in a small store.
     */
    private static final String CARDS_OF_PERSON =
            "c.card_system_id IN (SELECT card_system_id FROM efk_card_person WHERE person_id = ?)";

    /** The card new fees of {@code personId} go to, if any. */
    public Optional<CardRow> current(Connection c, String carePrincipalId, String cardTypeId, String personId)
            throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM efk_card c WHERE " + CARDS_OF_PERSON
                + " AND c.care_principal_id = ? AND c.card_type_id = ? AND c.is_current", CardRepository::map,
                personId, carePrincipalId, cardTypeId).stream().findFirst();
    }

    /** Every card {@code personId} is on, current first, then newest first. */
    public List<CardRow> allFor(Connection c, String carePrincipalId, String cardTypeId, String personId)
            throws SQLException {
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM efk_card c WHERE " + CARDS_OF_PERSON
                + " AND c.care_principal_id = ? AND c.card_type_id = ?"
                + " ORDER BY c.is_current DESC, c.start_date DESC, c.created_at DESC",
                CardRepository::map, personId, carePrincipalId, cardTypeId);
    }

    /** {@code personId} and everyone who shares any of its cards, current or history. */
    public List<String> companions(Connection c, String carePrincipalId, String cardTypeId, String personId)
            throws SQLException {
        return Jdbc.query(c, "SELECT DISTINCT o.person_id FROM efk_card_person o WHERE o.card_system_id IN "
                + "(SELECT c.card_system_id FROM efk_card c WHERE " + CARDS_OF_PERSON
                + " AND c.care_principal_id = ? AND c.card_type_id = ?)",
                rs -> rs.getString(1), personId, carePrincipalId, cardTypeId);
    }

    public boolean cardIdTaken(Connection c, String carePrincipalId, String cardId, String exceptCardSystemId)
            throws SQLException {
        return !Jdbc.query(c, "SELECT card_system_id FROM efk_card WHERE care_principal_id = ? AND card_id = ? "
                + "AND card_system_id <> ?", rs -> rs.getString(1), carePrincipalId, cardId,
                exceptCardSystemId == null ? "" : exceptCardSystemId).isEmpty();
    }

    public void insert(Connection c, CardRow r) throws SQLException {
        Jdbc.update(c, "INSERT INTO efk_card (card_system_id, care_principal_id, card_type_id, card_id, is_current, "
                + "card_reason, start_date, preliminary_card_date, end_date, reached_limit, reached_at, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.cardSystemId(), r.carePrincipalId(), r.cardTypeId(), r.cardId(), r.current(), r.cardReason(),
                r.startDate(), r.preliminaryCardDate(), r.endDate(), r.reachedLimit(), r.reachedAt(), r.createdAt());
    }

    public void update(Connection c, CardRow r) throws SQLException {
        Jdbc.update(c, "UPDATE efk_card SET card_id = ?, is_current = ?, card_reason = ?, start_date = ?, "
                + "preliminary_card_date = ?, end_date = ?, reached_limit = ?, reached_at = ? WHERE card_system_id = ?",
                r.cardId(), r.current(), r.cardReason(), r.startDate(), r.preliminaryCardDate(), r.endDate(),
                r.reachedLimit(), r.reachedAt(), r.cardSystemId());
    }

    public void delete(Connection c, String cardSystemId) throws SQLException {
        Jdbc.update(c, "DELETE FROM efk_card WHERE card_system_id = ?", cardSystemId);
    }

    /** Persons on the card, in person order. */
    public List<String> persons(Connection c, String cardSystemId) throws SQLException {
        return Jdbc.query(c, "SELECT person_id FROM efk_card_person WHERE card_system_id = ? ORDER BY person_id",
                rs -> rs.getString(1), cardSystemId);
    }

    public void addPerson(Connection c, String cardSystemId, String personId) throws SQLException {
        Jdbc.update(c, "INSERT INTO efk_card_person (card_system_id, person_id) VALUES (?, ?)", cardSystemId, personId);
    }

    public void removePerson(Connection c, String cardSystemId, String personId) throws SQLException {
        Jdbc.update(c, "DELETE FROM efk_card_person WHERE card_system_id = ? AND person_id = ?", cardSystemId, personId);
    }

    private static CardRow map(ResultSet rs) throws SQLException {
        return new CardRow(rs.getString("card_system_id"), rs.getString("care_principal_id"),
                rs.getString("card_type_id"), rs.getString("card_id"), rs.getBoolean("is_current"),
                Jdbc.enumValue(rs, "card_reason", CardReason.class), Jdbc.date(rs, "start_date"),
                Jdbc.date(rs, "preliminary_card_date"), Jdbc.date(rs, "end_date"), rs.getBigDecimal("reached_limit"),
                Jdbc.instant(rs, "reached_at"), Jdbc.instant(rs, "created_at"));
    }
}
