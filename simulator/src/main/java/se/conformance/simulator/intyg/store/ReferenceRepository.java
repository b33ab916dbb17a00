package se.conformance.simulator.intyg.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.conformance.simulator.intyg.IntygSeed.Assignment;
import se.conformance.simulator.intyg.IntygSeed.CareProvider;
import se.conformance.simulator.intyg.IntygSeed.CareUnit;
import se.conformance.simulator.intyg.IntygSeed.CertificateType;
import se.conformance.simulator.intyg.IntygSeed.HsaUser;
import se.conformance.simulator.intyg.IntygSeed.Person;
import se.conformance.simulator.intyg.IntygSeed.PuSwitches;
import se.conformance.simulator.intyg.IntygSeed.Recipient;

/** The intyg reference data rows: certificate types, recipients, the PU register and its switches, HSA. */
public final class ReferenceRepository {

    private static final String PU_SWITCHES = "pu.switches";

    // --- certificate types ---------------------------------------------------------------------------

    public void putCertificateType(Connection c, CertificateType t) throws SQLException {
        Jdbc.update(c, "DELETE FROM intyg_certificate_type WHERE code = ?", t.code());
        Jdbc.update(c, "INSERT INTO intyg_certificate_type (code, name, issuer_type_id, default_recipient, deprecated, "
                + "protected_identity_allowed, messaging_blocked) VALUES (?, ?, ?, ?, ?, ?, ?)", t.code(), t.name(),
                t.issuerTypeId(), t.defaultRecipient(), t.deprecated(), t.protectedIdentityAllowed(),
                t.messagingBlocked());
        for (String v : t.versions()) {
            Jdbc.update(c, "INSERT INTO intyg_certificate_type_version (type_code, version) VALUES (?, ?)", t.code(), v);
        }
    }

    public Optional<CertificateType> certificateType(Connection c, String code) throws SQLException {
        if (code == null) return Optional.empty();
        List<CertificateType> found = certificateTypes(c, "WHERE code = ?", code);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<CertificateType> certificateTypes(Connection c) throws SQLException {
        return certificateTypes(c, "");
    }

    private List<CertificateType> certificateTypes(Connection c, String where, Object... params) throws SQLException {
        record Row(String code, String name, String issuer, String recipient, boolean deprecated, boolean prot,
                boolean blocked) {}
        List<Row> rows = Jdbc.query(c, "SELECT * FROM intyg_certificate_type " + where + " ORDER BY code",
                rs -> new Row(rs.getString("code"), rs.getString("name"), rs.getString("issuer_type_id"),
                        rs.getString("default_recipient"), rs.getBoolean("deprecated"),
                        rs.getBoolean("protected_identity_allowed"), rs.getBoolean("messaging_blocked")), params);
        List<CertificateType> types = new ArrayList<>();
        for (Row r : rows) {
            List<String> versions = Jdbc.query(c, "SELECT version FROM intyg_certificate_type_version WHERE type_code = ?",
                    rs -> rs.getString(1), r.code());
            versions = new ArrayList<>(versions);
            versions.sort(ReferenceRepository::compareVersions);
            types.add(new CertificateType(r.code(), r.name(), r.issuer(), r.recipient(), versions, r.deprecated(),
                    r.prot(), r.blocked()));
        }
        return types;
    }

    /** Numeric, part by part: 1.10 after 1.9, 4.0 after 3.0. */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? parse(x[i]) : 0;
            int q = i < y.length ? parse(y[i]) : 0;
            if (p != q) return Integer.compare(p, q);
        }
        return a.compareTo(b);
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // --- recipients ----------------------------------------------------------------------------------

    public void putRecipient(Connection c, Recipient r) throws SQLException {
        Jdbc.update(c, "DELETE FROM intyg_recipient WHERE id = ?", r.id());
        Jdbc.update(c, "INSERT INTO intyg_recipient (id, name, endpoint_url, active) VALUES (?, ?, ?, ?)", r.id(),
                r.name(), r.endpointUrl(), r.active());
        for (String type : r.typeCodes()) {
            Jdbc.update(c, "INSERT INTO intyg_recipient_type (recipient_id, type_code) VALUES (?, ?)", r.id(), type);
        }
    }

    /** @return false when there is no such recipient */
    public boolean setRecipientEndpoint(Connection c, String recipientId, String url) throws SQLException {
        return Jdbc.update(c, "UPDATE intyg_recipient SET endpoint_url = ? WHERE id = ?", url, recipientId) == 1;
    }

    public Optional<Recipient> recipient(Connection c, String id) throws SQLException {
        if (id == null) return Optional.empty();
        List<Recipient> found = recipients(c, "WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<Recipient> recipients(Connection c) throws SQLException {
        return recipients(c, "");
    }

    private List<Recipient> recipients(Connection c, String where, Object... params) throws SQLException {
        record Row(String id, String name, boolean active, String url) {}
        List<Row> rows = Jdbc.query(c, "SELECT * FROM intyg_recipient " + where + " ORDER BY id",
                rs -> new Row(rs.getString("id"), rs.getString("name"), rs.getBoolean("active"),
                        rs.getString("endpoint_url")), params);
        List<Recipient> result = new ArrayList<>();
        for (Row r : rows) {
            List<String> types = Jdbc.query(c, "SELECT type_code FROM intyg_recipient_type WHERE recipient_id = ? "
                    + "ORDER BY type_code", rs -> rs.getString(1), r.id());
            result.add(new Recipient(r.id(), r.name(), types, r.active(), r.url()));
        }
        return result;
    }

    // --- population register -------------------------------------------------------------------------

    public void putPerson(Connection c, Person p) throws SQLException {
        Jdbc.update(c, "DELETE FROM intyg_person WHERE person_id = ?", p.personId());
        Jdbc.update(c, "INSERT INTO intyg_person (person_id, fornamn, mellannamn, efternamn, postadress, postnummer, "
                + "postort, protected_identity, deceased, test_indicated, not_found, unreachable) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.personId(), p.fornamn(), p.mellannamn(),
                p.efternamn(), p.postadress(), p.postnummer(), p.postort(), p.protectedIdentity(), p.deceased(),
                p.testIndicated(), p.notFound(), p.unreachable());
    }

    public void removePerson(Connection c, String personId) throws SQLException {
        Jdbc.update(c, "DELETE FROM intyg_person WHERE person_id = ?", personId);
    }

    public Optional<Person> person(Connection c, String personId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM intyg_person WHERE person_id = ?", ReferenceRepository::person, personId);
    }

    public List<Person> persons(Connection c) throws SQLException {
        return Jdbc.query(c, "SELECT * FROM intyg_person ORDER BY person_id", ReferenceRepository::person);
    }

    private static Person person(java.sql.ResultSet rs) throws SQLException {
        return new Person(rs.getString("person_id"), rs.getString("fornamn"), rs.getString("mellannamn"),
                rs.getString("efternamn"), rs.getString("postadress"), rs.getString("postnummer"),
                rs.getString("postort"), rs.getBoolean("protected_identity"), rs.getBoolean("deceased"),
                rs.getBoolean("test_indicated"), rs.getBoolean("not_found"), rs.getBoolean("unreachable"));
    }

    public void putPuSwitches(Connection c, PuSwitches s) throws SQLException {
        String value = String.join(",", bit(s.notFound()), bit(s.unreachable()), bit(s.protectedIdentity()),
                bit(s.deceased()), bit(s.testIndicated()));
        Jdbc.update(c, "DELETE FROM intyg_setting WHERE setting_name = ?", PU_SWITCHES);
        Jdbc.update(c, "INSERT INTO intyg_setting (setting_name, setting_value) VALUES (?, ?)", PU_SWITCHES, value);
    }

    public PuSwitches puSwitches(Connection c) throws SQLException {
        Optional<String> value = Jdbc.one(c, "SELECT setting_value FROM intyg_setting WHERE setting_name = ?",
                rs -> rs.getString(1), PU_SWITCHES);
        if (value.isEmpty()) return PuSwitches.NONE;
        String[] b = value.get().split(",");
        return new PuSwitches("1".equals(b[0]), "1".equals(b[1]), "1".equals(b[2]), "1".equals(b[3]), "1".equals(b[4]));
    }

    private static String bit(boolean b) {
        return b ? "1" : "0";
    }

    // --- HSA -------------------------------------------------------------------------------------------

    public void putCareProvider(Connection c, CareProvider p) throws SQLException {
        Jdbc.update(c, "DELETE FROM intyg_care_provider WHERE hsa_id = ?", p.hsaId());
        Jdbc.update(c, "INSERT INTO intyg_care_provider (hsa_id, name) VALUES (?, ?)", p.hsaId(), p.name());
        for (CareUnit u : p.units()) {
            Jdbc.update(c, "DELETE FROM intyg_care_unit WHERE hsa_id = ?", u.hsaId());
            Jdbc.update(c, "INSERT INTO intyg_care_unit (hsa_id, care_provider_id, name) VALUES (?, ?, ?)", u.hsaId(),
                    p.hsaId(), u.name());
        }
    }

    public List<CareProvider> careProviders(Connection c) throws SQLException {
        List<String[]> rows = Jdbc.query(c, "SELECT hsa_id, name FROM intyg_care_provider ORDER BY hsa_id",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        List<CareProvider> result = new ArrayList<>();
        for (String[] r : rows) {
            result.add(new CareProvider(r[0], r[1], Jdbc.query(c, "SELECT hsa_id, name FROM intyg_care_unit "
                    + "WHERE care_provider_id = ? ORDER BY hsa_id", rs -> new CareUnit(rs.getString(1), rs.getString(2)),
                    r[0])));
        }
        return result;
    }

    /** The care provider of a unit. */
    public Optional<String> careProviderOfUnit(Connection c, String unitId) throws SQLException {
        return Jdbc.one(c, "SELECT care_provider_id FROM intyg_care_unit WHERE hsa_id = ?", rs -> rs.getString(1), unitId);
    }

    public void putUser(Connection c, HsaUser u) throws SQLException {
        Jdbc.update(c, "DELETE FROM intyg_hsa_user WHERE hsa_id = ?", u.hsaId());
        Jdbc.update(c, "INSERT INTO intyg_hsa_user (hsa_id, name) VALUES (?, ?)", u.hsaId(), u.name());
        for (Assignment a : u.assignments()) {
            Jdbc.update(c, "INSERT INTO intyg_assignment (user_id, unit_id, purpose) VALUES (?, ?, ?)", u.hsaId(),
                    a.unitId(), a.purpose());
        }
    }

    public List<HsaUser> users(Connection c) throws SQLException {
        List<String[]> rows = Jdbc.query(c, "SELECT hsa_id, name FROM intyg_hsa_user ORDER BY hsa_id",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        List<HsaUser> result = new ArrayList<>();
        for (String[] r : rows) {
            result.add(new HsaUser(r[0], r[1], Jdbc.query(c, "SELECT unit_id, purpose FROM intyg_assignment "
                    + "WHERE user_id = ? ORDER BY unit_id, purpose", rs -> new Assignment(rs.getString(1),
                    rs.getString(2)), r[0])));
        }
        return result;
    }

    /** True when {@code userId} holds a medarbetaruppdrag with {@code purpose} on {@code unitId}. */
    public boolean hasAssignment(Connection c, String userId, String unitId, String purpose) throws SQLException {
        return Jdbc.one(c, "SELECT user_id FROM intyg_assignment WHERE user_id = ? AND unit_id = ? AND purpose = ?",
                rs -> rs.getString(1), userId, unitId, purpose).isPresent();
    }

    // --- calling systems ----------------------------------------------------------------------------------

    public void putCallingSystem(Connection c, se.conformance.simulator.intyg.IntygSeed.CallingSystem s) throws SQLException {
        Jdbc.update(c, "DELETE FROM intyg_calling_system WHERE hsa_id = ?", s.hsaId());
        Jdbc.update(c, "INSERT INTO intyg_calling_system (hsa_id, name) VALUES (?, ?)", s.hsaId(),
                s.name() == null ? s.hsaId() : s.name());
        for (String provider : s.careProviderIds()) {
            Jdbc.update(c, "INSERT INTO intyg_calling_system_provider (system_id, care_provider_id) VALUES (?, ?)",
                    s.hsaId(), provider);
        }
    }

    public boolean removeCallingSystem(Connection c, String hsaId) throws SQLException {
        return Jdbc.update(c, "DELETE FROM intyg_calling_system WHERE hsa_id = ?", hsaId) > 0;
    }

    public List<se.conformance.simulator.intyg.IntygSeed.CallingSystem> callingSystems(Connection c) throws SQLException {
        List<String[]> rows = Jdbc.query(c, "SELECT hsa_id, name FROM intyg_calling_system ORDER BY hsa_id",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        List<se.conformance.simulator.intyg.IntygSeed.CallingSystem> result = new ArrayList<>();
        for (String[] r : rows) result.add(new se.conformance.simulator.intyg.IntygSeed.CallingSystem(r[0], r[1], providersOf(c, r[0])));
        return result;
    }

    /** The care providers a registered calling system may call for; empty when it is not registered. */
    public Optional<List<String>> callingSystemProviders(Connection c, String hsaId) throws SQLException {
        if (Jdbc.one(c, "SELECT hsa_id FROM intyg_calling_system WHERE hsa_id = ?", rs -> rs.getString(1), hsaId)
                .isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(providersOf(c, hsaId));
    }

    private static List<String> providersOf(Connection c, String hsaId) throws SQLException {
        return Jdbc.query(c, "SELECT care_provider_id FROM intyg_calling_system_provider WHERE system_id = ? "
                + "ORDER BY care_provider_id", rs -> rs.getString(1), hsaId);
    }

    /** Every row of every intyg table: reference data, certificates, messages, events, outbox, inbox. */
    public void eraseAll(Connection c) throws SQLException {
        for (String table : List.of("intyg_calling_system_provider", "intyg_calling_system","intyg_recipient_inbox", "intyg_notification", "intyg_event", "intyg_complement",
                "intyg_message", "intyg_relation", "intyg_certificate_status", "intyg_sick_leave_period",
                "intyg_certificate", "intyg_integrated_unit", "intyg_notification_endpoint", "intyg_assignment",
                "intyg_hsa_user", "intyg_care_unit", "intyg_care_provider", "intyg_setting", "intyg_person",
                "intyg_recipient_type", "intyg_recipient", "intyg_certificate_type_version",
                "intyg_certificate_type")) {
            Jdbc.update(c, "DELETE FROM " + table);
        }
    }
}
