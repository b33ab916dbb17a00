package se.conformance.simulator.intyg.seed;

import java.util.List;
import java.util.Objects;
import se.conformance.simulator.intyg.IntygSeed;
import se.conformance.simulator.intyg.store.ReferenceRepository;
import se.conformance.simulator.store.Database;

/**
 * The intyg reference data as rows in the simulator's database. Every method is one database
 * transaction; a {@code put} replaces the entry with that id, children (versions, accepted types,
 * units, assignments) included. The rules read these rows on every call, so a change applies to the next call.
 *
 * <h2>Default seed ({@link #resetToDefault()})</h2>
 * <table>
 *   <caption>Certificate types (KV_INTYGSTYP); none deprecated</caption>
 *   <tr><th>code</th><th>form</th><th>versions</th><th>default recipient</th><th>notes</th></tr>
 *   <tr><td>LISJP</td><td>FK 7804</td><td>1.0, 1.1, 1.2, 1.3</td><td>FKASSA</td><td>intyg.md §5.1</td></tr>
 *   <tr><td>LUSE</td><td>FK 7800</td><td>1.0, 1.1, 1.2, 1.3</td><td>FKASSA</td><td>versions our choice</td></tr>
 *   <tr><td>LUAE_NA</td><td>FK 7801</td><td>1.0, 1.1, 1.2, 1.3</td><td>FKASSA</td><td>versions our choice</td></tr>
 *   <tr><td>LUAE_FS</td><td>FK 7802</td><td>1.0, 1.1, 1.2, 1.3</td><td>FKASSA</td><td>versions our choice</td></tr>
 *   <tr><td>LUNSP</td><td>FK 3226</td><td>1.0</td><td>FKASSA</td><td>newer type: 1.0 only (our choice)</td></tr>
 *   <tr><td>LUMEK</td><td>FK 7809</td><td>1.0</td><td>FKASSA</td><td>newer type: 1.0 only (our choice)</td></tr>
 *   <tr><td>IGRAV</td><td>FK 7210</td><td>1.0</td><td>FKASSA</td><td>newer type: 1.0 only (our choice)</td></tr>
 *   <tr><td>ITFP</td><td>FK 7472</td><td>1.0</td><td>FKASSA</td><td>newer type: 1.0 only (our choice)</td></tr>
 *   <tr><td>TSTRK1007</td><td>TS-bas</td><td>2.6, 2.8, 3.0, 4.0, 4.1, 4.2</td><td>TRANSP</td><td>protected
 *       identity refused; no messaging (blacklisted in Webcert, §1.3)</td></tr>
 *   <tr><td>TSTRK1031</td><td>TS-diabetes</td><td>2.6, 2.8, 3.0, 4.0, 4.1, 4.2</td><td>TRANSP</td><td>as TSTRK1007
 *       (§5.5)</td></tr>
 * </table>
 * FK types may be issued for patients with protected identity and take questions; TS types neither.
 * <ul>
 *   <li>Recipients: {@value #FKASSA} Försäkringskassan (the eight FK types), {@value #TRANSP}
 *       Transportstyrelsen (TSTRK1007, TSTRK1031); both active, simulated (no endpoint URL).</li>
 *   <li>Population register: {@value #TOLVAN} Tolvan Tolvansson; {@value #LILLTOLVAN} Lilltolvan Tolvansson
 *       (a child, born 2015); {@value #SAMORDNING} Sam Ordningsson (samordningsnummer);
 *       {@value #PROTECTED_PERSON} Sigrid Skyddad (protected identity); {@value #DECEASED_PERSON} Arvid
 *       Avliden (deceased); {@value #TEST_PERSON} Testa Testsson (test-indicated: her certificates are test
 *       certificates); {@value #OTHER_PERSON} Anna Andersson. Not in the register, so "not found":
 *       every other person-id. Global switches all off.</li>
 *   <li>HSA: care provider {@value #PROVIDER} Testvårdgivare NMT with units {@value #UNIT} Testvårdenhet NMT
 *       and {@value #OTHER_UNIT} Andra testvårdenheten NMT; care provider {@value #OTHER_PROVIDER} Andra
 *       testvårdgivaren NMT with unit {@value #OTHER_PROVIDER_UNIT} (for tenant separation).</li>
 *   <li>Users: {@value #DOCTOR} Ajla Doktor with medarbetaruppdrag "Vård och behandling" on {@value #UNIT}
 *       and {@value #OTHER_UNIT}; {@value #USER_WITHOUT_MIU} Nils Utanuppdrag without any;
 *       {@value #OTHER_DOCTOR} Beata Doktor with "Vård och behandling" on {@value #OTHER_PROVIDER_UNIT}.</li>
 *   <li>Calling system {@code TSTNMT2321000156-REF1} (the reference vendor's) for {@value #PROVIDER}; {@code TSTNMT2321000156-H001}
 *       (the harness's, for its set-up calls) for {@value #PROVIDER} and {@value #OTHER_PROVIDER}.</li>
 * </ul>
 * Reset also erases every certificate, draft, message, event, notification, inbox entry, integrated
 * unit and notification endpoint.
 */
public final class JdbcIntygSeed implements IntygSeed {

    public static final String FKASSA = "FKASSA";
    public static final String TRANSP = "TRANSP";

    public static final String TOLVAN = "191212121212";
    public static final String LILLTOLVAN = "201505051118";
    public static final String SAMORDNING = "197010632391";
    public static final String PROTECTED_PERSON = "198503061239";
    public static final String DECEASED_PERSON = "193001019870";
    public static final String TEST_PERSON = "199909092224";
    public static final String OTHER_PERSON = "197502024560";

    public static final String PROVIDER = "TSTNMT2321000156-1002";
    /** The reference vendor's system: the HSA-id in its function certificate and its declared consumer id. */
    public static final String REFERENCE_VENDOR_SYSTEM =
            se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.REFERENCE_VENDOR_SYSTEM;
    public static final String UNIT = "TSTNMT2321000156-1077";
    public static final String OTHER_UNIT = "TSTNMT2321000156-1078";
    public static final String OTHER_PROVIDER = "TSTNMT2321000156-2002";
    public static final String OTHER_PROVIDER_UNIT = "TSTNMT2321000156-2077";
    public static final String DOCTOR = "TSTNMT2321000156-1079";
    public static final String USER_WITHOUT_MIU = "TSTNMT2321000156-1080";
    public static final String OTHER_DOCTOR = "TSTNMT2321000156-2079";

    public static final List<String> FK_TYPES = List.of("LISJP", "LUSE", "LUAE_NA", "LUAE_FS", "LUNSP", "LUMEK",
            "IGRAV", "ITFP");
    public static final List<String> TS_TYPES = List.of("TSTRK1007", "TSTRK1031");

    private static final List<String> TS_VERSIONS = List.of("2.6", "2.8", "3.0", "4.0", "4.1", "4.2");
    private static final List<String> FK_VERSIONS = List.of("1.0", "1.1", "1.2", "1.3");

    private final Database db;
    private final ReferenceRepository repository = new ReferenceRepository();

    public JdbcIntygSeed(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public static List<CertificateType> defaultCertificateTypes() {
        return List.of(
                fk("LISJP", "Läkarintyg för sjukpenning", "FK 7804", FK_VERSIONS),
                fk("LUSE", "Läkarutlåtande för sjukersättning", "FK 7800", FK_VERSIONS),
                fk("LUAE_NA", "Läkarutlåtande för aktivitetsersättning vid nedsatt arbetsförmåga", "FK 7801", FK_VERSIONS),
                fk("LUAE_FS", "Läkarutlåtande för aktivitetsersättning vid förlängd skolgång", "FK 7802", FK_VERSIONS),
                fk("LUNSP", "Läkarutlåtande för närståendepenning", "FK 3226", List.of("1.0")),
                fk("LUMEK", "Läkarutlåtande för merkostnadsersättning", "FK 7809", List.of("1.0")),
                fk("IGRAV", "Intyg om graviditet", "FK 7210", List.of("1.0")),
                fk("ITFP", "Intyg om tillfällig föräldrapenning", "FK 7472", List.of("1.0")),
                ts("TSTRK1007", "Läkarintyg för högre körkortsbehörigheter, taxiförarlegitimation och på begäran av "
                        + "Transportstyrelsen"),
                ts("TSTRK1031", "Läkarintyg diabetes avseende lämpligheten att inneha körkort m.m."));
    }

    public static List<Recipient> defaultRecipients() {
        return List.of(
                new Recipient(FKASSA, "Försäkringskassan", FK_TYPES, true, null),
                new Recipient(TRANSP, "Transportstyrelsen", TS_TYPES, true, null));
    }

    public static List<Person> defaultPersons() {
        return List.of(
                Person.of(TOLVAN, "Tolvan", "Tolvansson"),
                Person.of(LILLTOLVAN, "Lilltolvan", "Tolvansson"),
                Person.of(SAMORDNING, "Sam", "Ordningsson"),
                new Person(PROTECTED_PERSON, "Sigrid", null, "Skyddad", null, null, null, true, false, false, false,
                        false),
                new Person(DECEASED_PERSON, "Arvid", null, "Avliden", "Testgatan 1", "11122", "Teststad", false, true,
                        false, false, false),
                new Person(TEST_PERSON, "Testa", null, "Testsson", "Testgatan 1", "11122", "Teststad", false, false,
                        true, false, false),
                Person.of(OTHER_PERSON, "Anna", "Andersson"));
    }

    public static List<CareProvider> defaultCareProviders() {
        return List.of(
                new CareProvider(PROVIDER, "Testvårdgivare NMT", List.of(new CareUnit(UNIT, "Testvårdenhet NMT"),
                        new CareUnit(OTHER_UNIT, "Andra testvårdenheten NMT"))),
                new CareProvider(OTHER_PROVIDER, "Andra testvårdgivaren NMT",
                        List.of(new CareUnit(OTHER_PROVIDER_UNIT, "Testvårdenhet hos andra vårdgivaren"))));
    }

    public static List<HsaUser> defaultUsers() {
        return List.of(
                new HsaUser(DOCTOR, "Ajla Doktor", List.of(new Assignment(UNIT, CARE_AND_TREATMENT),
                        new Assignment(OTHER_UNIT, CARE_AND_TREATMENT))),
                new HsaUser(USER_WITHOUT_MIU, "Nils Utanuppdrag", List.of()),
                new HsaUser(OTHER_DOCTOR, "Beata Doktor", List.of(new Assignment(OTHER_PROVIDER_UNIT, CARE_AND_TREATMENT))));
    }

    /** The bundled reference vendor's system (the same HSA-id as in e-frikort's seed), for {@value #PROVIDER}. */
    public static List<CallingSystem> defaultCallingSystems() {
        return List.of(new CallingSystem(REFERENCE_VENDOR_SYSTEM, "Referensleverantörens journalsystem",
                        List.of(PROVIDER)),
                new CallingSystem(se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.HARNESS_SYSTEM,
                        "Konformitetsharnessen", List.of(PROVIDER, OTHER_PROVIDER)));
    }

    @Override
    public void resetToDefault() {
        db.inTransaction(c -> {
            repository.eraseAll(c);
            for (CertificateType t : defaultCertificateTypes()) repository.putCertificateType(c, t);
            for (Recipient r : defaultRecipients()) repository.putRecipient(c, r);
            for (Person p : defaultPersons()) repository.putPerson(c, p);
            for (CareProvider p : defaultCareProviders()) repository.putCareProvider(c, p);
            for (HsaUser u : defaultUsers()) repository.putUser(c, u);
            for (CallingSystem s : defaultCallingSystems()) repository.putCallingSystem(c, s);
            repository.putPuSwitches(c, PuSwitches.NONE);
            return null;
        });
    }

    /** Loads the default seed when no certificate type exists yet (a fresh database); true when it did. */
    public boolean loadDefaultIfEmpty() {
        if (!certificateTypes().isEmpty()) return false;
        resetToDefault();
        return true;
    }

    /** @throws IllegalArgumentException when the type has no version */
    @Override
    public void putCertificateType(CertificateType type) {
        if (type.versions().isEmpty()) throw new IllegalArgumentException("a certificate type needs at least one version");
        write(c -> repository.putCertificateType(c, type));
    }

    @Override
    public List<CertificateType> certificateTypes() {
        return db.inTransaction(repository::certificateTypes);
    }

    @Override
    public void putRecipient(Recipient recipient) {
        write(c -> repository.putRecipient(c, recipient));
    }

    @Override
    public List<Recipient> recipients() {
        return db.inTransaction(repository::recipients);
    }

    /** @throws IllegalArgumentException when there is no such recipient */
    @Override
    public void registerRecipientEndpoint(String recipientId, String endpointUrl) {
        boolean found = db.inTransaction(c -> repository.setRecipientEndpoint(c, recipientId,
                endpointUrl == null || endpointUrl.isBlank() ? null : endpointUrl));
        if (!found) throw new IllegalArgumentException("no recipient " + recipientId);
    }

    /** @throws IllegalArgumentException when the person-id is not 12 digits */
    @Override
    public void putPerson(Person person) {
        if (!person.personId().matches("\\d{12}")) {
            throw new IllegalArgumentException("person-id must be 12 digits without dash: " + person.personId());
        }
        write(c -> repository.putPerson(c, person));
    }

    @Override
    public void removePerson(String personId) {
        write(c -> repository.removePerson(c, personId));
    }

    @Override
    public List<Person> persons() {
        return db.inTransaction(repository::persons);
    }

    @Override
    public void setPuSwitches(PuSwitches switches) {
        write(c -> repository.putPuSwitches(c, Objects.requireNonNull(switches, "switches")));
    }

    @Override
    public PuSwitches puSwitches() {
        return db.inTransaction(repository::puSwitches);
    }

    @Override
    public void putCareProvider(CareProvider careProvider) {
        write(c -> repository.putCareProvider(c, careProvider));
    }

    @Override
    public List<CareProvider> careProviders() {
        return db.inTransaction(repository::careProviders);
    }

    @Override
    public void putUser(HsaUser user) {
        write(c -> repository.putUser(c, user));
    }

    @Override
    public List<HsaUser> users() {
        return db.inTransaction(repository::users);
    }

    @Override
    public void putCallingSystem(CallingSystem system) {
        write(c -> repository.putCallingSystem(c, system));
    }

    @Override
    public boolean removeCallingSystem(String hsaId) {
        return db.inTransaction(c -> repository.removeCallingSystem(c, hsaId));
    }

    @Override
    public List<CallingSystem> callingSystems() {
        return db.inTransaction(repository::callingSystems);
    }

    @FunctionalInterface
    private interface Write {
        void run(java.sql.Connection c) throws java.sql.SQLException;
    }

    private void write(Write work) {
        db.inTransaction(c -> {
            work.run(c);
            return null;
        });
    }

    private static CertificateType fk(String code, String name, String form, List<String> versions) {
        return new CertificateType(code, name, form, FKASSA, versions, false, true, false);
    }

    private static CertificateType ts(String code, String name) {
        return new CertificateType(code, name, code, TRANSP, TS_VERSIONS, false, false, true);
    }
}
