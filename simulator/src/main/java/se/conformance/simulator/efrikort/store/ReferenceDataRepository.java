package se.conformance.simulator.efrikort.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.conformance.simulator.efrikort.EfrikortSeed.Assignment;
import se.conformance.simulator.efrikort.EfrikortSeed.CallingSystem;
import se.conformance.simulator.efrikort.EfrikortSeed.CardTypeDefinition;
import se.conformance.simulator.efrikort.EfrikortSeed.CareProvider;
import se.conformance.simulator.efrikort.EfrikortSeed.CareUnit;
import se.conformance.simulator.efrikort.EfrikortSeed.Ceiling;
import se.conformance.simulator.efrikort.EfrikortSeed.ConsentModel;
import se.conformance.simulator.efrikort.EfrikortSeed.Employee;
import se.conformance.simulator.efrikort.EfrikortSeed.OptOutHandling;
import se.conformance.simulator.efrikort.EfrikortSeed.Region;

/**
 * Regions with their ceilings, card types, care providers with units, employees with assignments,
 * and named settings. A {@code put} replaces the whole entry, children included.
 */
public final class ReferenceDataRepository {

    /** Setting holding the reservnummer regular expression. */
    public static final String RESERVNUMMER_PATTERN = "reservnummer.pattern";

    public Optional<Region> region(Connection c, String id) throws SQLException {
        List<Region> found = regions(c, "WHERE id = ?", id);
        return found.stream().findFirst();
    }

    public List<Region> regions(Connection c) throws SQLException {
        return regions(c, "");
    }

    private List<Region> regions(Connection c, String where, Object... params) throws SQLException {
        record Head(String id, String name, ConsentModel model, Duration delay, OptOutHandling handling) {}
        List<Head> heads = Jdbc.query(c,
                "SELECT id, name, consent_model, final_delay_seconds, opt_out_handling FROM efk_region " + where
                        + " ORDER BY id",
                rs -> new Head(rs.getString("id"), rs.getString("name"),
                        Jdbc.enumValue(rs, "consent_model", ConsentModel.class),
                        Duration.ofSeconds(rs.getLong("final_delay_seconds")),
                        Jdbc.enumValue(rs, "opt_out_handling", OptOutHandling.class)),
                params);
        List<Region> regions = new ArrayList<>();
        for (Head h : heads) {
            List<Ceiling> ceilings = Jdbc.query(c,
                    "SELECT valid_from, amount FROM efk_ceiling WHERE region_id = ? ORDER BY valid_from",
                    rs -> new Ceiling(Jdbc.date(rs, "valid_from"), rs.getBigDecimal("amount")), h.id());
            regions.add(new Region(h.id(), h.name(), h.model(), h.delay(), h.handling(), ceilings));
        }
        return regions;
    }

    public void putRegion(Connection c, Region r) throws SQLException {
        long delay = r.finalDelay().getSeconds();
        if (Jdbc.update(c, "UPDATE efk_region SET name = ?, consent_model = ?, final_delay_seconds = ?, "
                + "opt_out_handling = ? WHERE id = ?", r.name(), r.consentModel(), delay, r.optOutHandling(), r.id()) == 0) {
            Jdbc.update(c, "INSERT INTO efk_region (id, name, consent_model, final_delay_seconds, opt_out_handling) "
                    + "VALUES (?, ?, ?, ?, ?)", r.id(), r.name(), r.consentModel(), delay, r.optOutHandling());
        }
        Jdbc.update(c, "DELETE FROM efk_ceiling WHERE region_id = ?", r.id());
        for (Ceiling ceiling : r.ceilings()) {
            Jdbc.update(c, "INSERT INTO efk_ceiling (region_id, valid_from, amount) VALUES (?, ?, ?)",
                    r.id(), ceiling.validFrom(), ceiling.amount());
        }
    }

    public Optional<CardTypeDefinition> cardType(Connection c, String id) throws SQLException {
        return Jdbc.query(c, "SELECT id, name FROM efk_card_type WHERE id = ?",
                rs -> new CardTypeDefinition(rs.getString("id"), rs.getString("name")), id).stream().findFirst();
    }

    public List<CardTypeDefinition> cardTypes(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT id, name FROM efk_card_type ORDER BY id",
                rs -> new CardTypeDefinition(rs.getString("id"), rs.getString("name")));
    }

    public void putCardType(Connection c, CardTypeDefinition t) throws SQLException {
        if (Jdbc.update(c, "UPDATE efk_card_type SET name = ? WHERE id = ?", t.name(), t.id()) == 0) {
            Jdbc.update(c, "INSERT INTO efk_card_type (id, name) VALUES (?, ?)", t.id(), t.name());
        }
    }

    public Optional<CareProvider> careProvider(Connection c, String hsaId) throws SQLException {
        return careProviders(c, "WHERE hsa_id = ?", hsaId).stream().findFirst();
    }

    public List<CareProvider> careProviders(Connection c) throws SQLException {
        return careProviders(c, "");
    }

    private List<CareProvider> careProviders(Connection c, String where, Object... params) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        for (String[] row : Jdbc.query(c, "SELECT hsa_id, name FROM efk_care_provider " + where + " ORDER BY hsa_id",
                rs -> new String[] {rs.getString("hsa_id"), rs.getString("name")}, params)) {
            names.put(row[0], row[1]);
        }
        List<CareProvider> providers = new ArrayList<>();
        for (Map.Entry<String, String> p : names.entrySet()) {
            List<CareUnit> units = Jdbc.query(c,
                    "SELECT hsa_id, name FROM efk_care_unit WHERE care_provider_id = ? ORDER BY hsa_id",
                    rs -> new CareUnit(rs.getString("hsa_id"), rs.getString("name")), p.getKey());
            providers.add(new CareProvider(p.getKey(), p.getValue(), units));
        }
        return providers;
    }

    public void putCareProvider(Connection c, CareProvider p) throws SQLException {
        if (Jdbc.update(c, "UPDATE efk_care_provider SET name = ? WHERE hsa_id = ?", p.name(), p.hsaId()) == 0) {
            Jdbc.update(c, "INSERT INTO efk_care_provider (hsa_id, name) VALUES (?, ?)", p.hsaId(), p.name());
        }
        Jdbc.update(c, "DELETE FROM efk_care_unit WHERE care_provider_id = ?", p.hsaId());
        for (CareUnit u : p.units()) {
            // a unit moved from another provider follows the latest put
            Jdbc.update(c, "DELETE FROM efk_care_unit WHERE hsa_id = ?", u.hsaId());
            Jdbc.update(c, "INSERT INTO efk_care_unit (hsa_id, care_provider_id, name) VALUES (?, ?, ?)",
                    u.hsaId(), p.hsaId(), u.name());
        }
    }

    public Optional<Employee> employee(Connection c, String hsaId) throws SQLException {
        return employees(c, "WHERE hsa_id = ?", hsaId).stream().findFirst();
    }

    public List<Employee> employees(Connection c) throws SQLException {
        return employees(c, "");
    }

    private List<Employee> employees(Connection c, String where, Object... params) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        for (String[] row : Jdbc.query(c, "SELECT hsa_id, name FROM efk_employee " + where + " ORDER BY hsa_id",
                rs -> new String[] {rs.getString("hsa_id"), rs.getString("name")}, params)) {
            names.put(row[0], row[1]);
        }
        List<Employee> employees = new ArrayList<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            List<Assignment> assignments = Jdbc.query(c,
                    "SELECT care_principal_id, care_provider_id, role FROM efk_assignment WHERE employee_id = ? "
                            + "ORDER BY care_principal_id, care_provider_id, role",
                    rs -> new Assignment(rs.getString("care_principal_id"), rs.getString("care_provider_id"),
                            rs.getString("role")), e.getKey());
            employees.add(new Employee(e.getKey(), e.getValue(), assignments));
        }
        return employees;
    }

    public void putEmployee(Connection c, Employee e) throws SQLException {
        if (Jdbc.update(c, "UPDATE efk_employee SET name = ? WHERE hsa_id = ?", e.name(), e.hsaId()) == 0) {
            Jdbc.update(c, "INSERT INTO efk_employee (hsa_id, name) VALUES (?, ?)", e.hsaId(), e.name());
        }
        Jdbc.update(c, "DELETE FROM efk_assignment WHERE employee_id = ?", e.hsaId());
        for (Assignment a : e.assignments()) {
            Jdbc.update(c, "INSERT INTO efk_assignment (employee_id, care_principal_id, care_provider_id, role) "
                    + "VALUES (?, ?, ?, ?)", e.hsaId(), a.carePrincipalId(), a.careProviderId(), a.role());
        }
    }

    public Optional<CallingSystem> callingSystem(Connection c, String hsaId) throws SQLException {
        return callingSystems(c, "WHERE hsa_id = ?", hsaId).stream().findFirst();
    }

    public List<CallingSystem> callingSystems(Connection c) throws SQLException {
        return callingSystems(c, "");
    }

    private List<CallingSystem> callingSystems(Connection c, String where, Object... params) throws SQLException {
        List<String[]> heads = Jdbc.query(c, "SELECT hsa_id, name, care_provider_id FROM efk_calling_system " + where
                + " ORDER BY hsa_id", rs -> new String[] {rs.getString("hsa_id"), rs.getString("name"),
                        rs.getString("care_provider_id")}, params);
        List<CallingSystem> systems = new ArrayList<>();
        for (String[] h : heads) {
            List<String> principals = Jdbc.query(c, "SELECT care_principal_id FROM efk_calling_system_principal "
                    + "WHERE system_id = ? ORDER BY care_principal_id", rs -> rs.getString(1), h[0]);
            systems.add(new CallingSystem(h[0], h[1], h[2], principals));
        }
        return systems;
    }

    public void putCallingSystem(Connection c, CallingSystem s) throws SQLException {
        if (Jdbc.update(c, "UPDATE efk_calling_system SET name = ?, care_provider_id = ? WHERE hsa_id = ?", s.name(),
                s.careProviderId(), s.hsaId()) == 0) {
            Jdbc.update(c, "INSERT INTO efk_calling_system (hsa_id, name, care_provider_id) VALUES (?, ?, ?)",
                    s.hsaId(), s.name(), s.careProviderId());
        }
        Jdbc.update(c, "DELETE FROM efk_calling_system_principal WHERE system_id = ?", s.hsaId());
        for (String principal : s.carePrincipalIds()) {
            Jdbc.update(c, "INSERT INTO efk_calling_system_principal (system_id, care_principal_id) VALUES (?, ?)",
                    s.hsaId(), principal);
        }
    }

    public boolean removeCallingSystem(Connection c, String hsaId) throws SQLException {
        return Jdbc.update(c, "DELETE FROM efk_calling_system WHERE hsa_id = ?", hsaId) > 0;
    }

    public Optional<String> setting(Connection c, String name) throws SQLException {
        return Jdbc.query(c, "SELECT setting_value FROM efk_setting WHERE setting_name = ?",
                rs -> rs.getString("setting_value"), name)
                .stream().findFirst();
    }

    public void putSetting(Connection c, String name, String value) throws SQLException {
        if (Jdbc.update(c, "UPDATE efk_setting SET setting_value = ? WHERE setting_name = ?", value, name) == 0) {
            Jdbc.update(c, "INSERT INTO efk_setting (setting_name, setting_value) VALUES (?, ?)", name, value);
        }
    }

    /** Erases every row of every e-frikort table: reference data, cards, transactions, consents, history. */
    public void eraseAll(Connection c) throws SQLException {
        for (String table : List.of("efk_calling_system_principal", "efk_calling_system", "efk_export_status", "efk_transaction", "efk_card_person", "efk_card",
                "efk_group_action", "efk_consent", "efk_person_lock", "efk_assignment", "efk_employee",
                "efk_care_unit", "efk_care_provider", "efk_card_type", "efk_ceiling", "efk_region", "efk_setting")) {
            Jdbc.update(c, "DELETE FROM " + table);
        }
    }
}
