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
 *
 * <p>Every e-frikort call reads this data, and it changes only through the control API, so the
 * single-entry reads ({@link #region}, {@link #cardTypes}, {@link #careProvider}, {@link #employee}, {@link #callingSystem},
 * {@link #setting}) are answered from an in-memory snapshot of all of it, loaded once after each
 * change. Changes must run inside {@link #change}, which drops the snapshot before and after the
 * transaction and bypasses it while one is running, so a call never sees data that is not committed
 * and never keeps seeing data that was replaced. There is one instance per store ({@link #of}).
 */
public final class ReferenceDataRepository {

    /** Setting holding the reservnummer regular expression. */
    public static final String RESERVNUMMER_PATTERN = "reservnummer.pattern";

    private record Snapshot(Map<String, Region> regions, List<CardTypeDefinition> cardTypes,
            Map<String, CareProvider> careProviders, Map<String, Employee> employees, Map<String, String> settings,
            Map<String, CallingSystem> callingSystems) {}

    private final se.conformance.simulator.store.Database db;
    private volatile Snapshot snapshot;
    private long version;
    private int changesRunning;

    /** Use {@link #of}: the snapshot must be shared by everything that reads or changes the store's reference data. */
    private ReferenceDataRepository(se.conformance.simulator.store.Database db) {
        this.db = db;
    }

    /** The store's one repository. */
    public static ReferenceDataRepository of(se.conformance.simulator.store.Database db) {
        return db.shared(ReferenceDataRepository.class, ReferenceDataRepository::new);
    }

    /**
     * The snapshot, loaded in a transaction of its own when there is none: a call that only reads reference
     * data needs no connection of its own (most calls, as the data changes only through the control API).
     */
    private Snapshot snapshot() {
        Snapshot current = snapshot;
        return current != null ? current : db.inTransaction(this::snapshot);
    }

    /** The region (care principal) with its ceilings, from the snapshot; a connection only when it must be loaded. */
    public Optional<Region> region(String id) {
        return Optional.ofNullable(snapshot().regions().get(id));
    }

    /** All card types, from the snapshot. */
    public List<CardTypeDefinition> cardTypes() {
        return snapshot().cardTypes();
    }

    /** The care provider with its units, from the snapshot. */
    public Optional<CareProvider> careProvider(String hsaId) {
        return Optional.ofNullable(snapshot().careProviders().get(hsaId));
    }

    /** The employee with its assignments, from the snapshot. */
    public Optional<Employee> employee(String hsaId) {
        return Optional.ofNullable(snapshot().employees().get(hsaId));
    }

    /** The calling system, from the snapshot. */
    public Optional<CallingSystem> callingSystem(String hsaId) {
        return Optional.ofNullable(snapshot().callingSystems().get(hsaId));
    }

    /** A named setting, from the snapshot. */
    public Optional<String> setting(String name) {
        return Optional.ofNullable(snapshot().settings().get(name));
    }

    /**
     * Runs {@code transaction}, which changes reference data (the {@code put} methods and
     * {@link #eraseAll} refuse to run outside it); the snapshot is rebuilt on the next read after it.
     */
    public <T> T change(java.util.function.Supplier<T> transaction) {
        invalidate(+1);
        try {
            return transaction.get();
        } finally {
            invalidate(-1);
        }
    }

    private synchronized void invalidate(int running) {
        changesRunning += running;
        version++;
        snapshot = null;
    }

    private synchronized void requireChange() {
        if (changesRunning == 0) {
            throw new IllegalStateException("reference data is changed only inside ReferenceDataRepository.change");
        }
    }

    private Snapshot snapshot(Connection c) throws SQLException {
        Snapshot current = snapshot;
        if (current != null) return current;
        long loadingVersion;
        boolean cacheable;
        synchronized (this) {
            loadingVersion = version;
            cacheable = changesRunning == 0;
        }
        Map<String, Region> regions = new LinkedHashMap<>();
        for (Region r : regions(c)) regions.put(r.id(), r);
        Map<String, CareProvider> providers = new LinkedHashMap<>();
        for (CareProvider p : careProviders(c)) providers.put(p.hsaId(), p);
        Map<String, Employee> employees = new LinkedHashMap<>();
        for (Employee e : employees(c)) employees.put(e.hsaId(), e);
        Map<String, String> settings = new LinkedHashMap<>();
        for (String[] row : Jdbc.query(c, "SELECT setting_name, setting_value FROM efk_setting",
                rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            settings.put(row[0], row[1]);
        }
        Map<String, CallingSystem> systems = new LinkedHashMap<>();
        for (CallingSystem s : callingSystems(c)) systems.put(s.hsaId(), s);
        Snapshot loaded = new Snapshot(regions, List.copyOf(queryCardTypes(c)), providers, employees, settings, systems);
        synchronized (this) {
            // a change that began while loading may have been read half; then the next read loads again
            if (cacheable && changesRunning == 0 && version == loadingVersion) snapshot = loaded;
        }
        return loaded;
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
        requireChange();
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
        return snapshot(c).cardTypes().stream().filter(t -> t.id().equals(id)).findFirst();
    }


    private static List<CardTypeDefinition> queryCardTypes(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT id, name FROM efk_card_type ORDER BY id",
                rs -> new CardTypeDefinition(rs.getString("id"), rs.getString("name")));
    }

    public void putCardType(Connection c, CardTypeDefinition t) throws SQLException {
        requireChange();
        if (Jdbc.update(c, "UPDATE efk_card_type SET name = ? WHERE id = ?", t.name(), t.id()) == 0) {
            Jdbc.update(c, "INSERT INTO efk_card_type (id, name) VALUES (?, ?)", t.id(), t.name());
        }
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
        requireChange();
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
        requireChange();
        if (Jdbc.update(c, "UPDATE efk_employee SET name = ? WHERE hsa_id = ?", e.name(), e.hsaId()) == 0) {
            Jdbc.update(c, "INSERT INTO efk_employee (hsa_id, name) VALUES (?, ?)", e.hsaId(), e.name());
        }
        Jdbc.update(c, "DELETE FROM efk_assignment WHERE employee_id = ?", e.hsaId());
        for (Assignment a : e.assignments()) {
            Jdbc.update(c, "INSERT INTO efk_assignment (employee_id, care_principal_id, care_provider_id, role) "
                    + "VALUES (?, ?, ?, ?)", e.hsaId(), a.carePrincipalId(), a.careProviderId(), a.role());
        }
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
        requireChange();
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
        requireChange();
        return Jdbc.update(c, "DELETE FROM efk_calling_system WHERE hsa_id = ?", hsaId) > 0;
    }

    public Optional<String> setting(Connection c, String name) throws SQLException {
        return Optional.ofNullable(snapshot(c).settings().get(name));
    }

    public void putSetting(Connection c, String name, String value) throws SQLException {
        requireChange();
        if (Jdbc.update(c, "UPDATE efk_setting SET setting_value = ? WHERE setting_name = ?", value, name) == 0) {
            Jdbc.update(c, "INSERT INTO efk_setting (setting_name, setting_value) VALUES (?, ?)", name, value);
        }
    }

    /** Erases every row of every e-frikort table: reference data, cards, transactions, consents, history. */
    public void eraseAll(Connection c) throws SQLException {
        requireChange();
        for (String table : List.of("efk_calling_system_principal", "efk_calling_system", "efk_export_status", "efk_transaction", "efk_card_person", "efk_card",
                "efk_group_action", "efk_consent", "efk_person_lock", "efk_assignment", "efk_employee",
                "efk_care_unit", "efk_care_provider", "efk_card_type", "efk_ceiling", "efk_region", "efk_setting")) {
            Jdbc.update(c, "DELETE FROM " + table);
        }
    }
}
