package se.conformance.simulator.efrikort.seed;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import se.conformance.simulator.efrikort.EfrikortSeed;
import se.conformance.simulator.efrikort.ceiling.CeilingTable;
import se.conformance.simulator.efrikort.identity.PersonIdRule;
import se.conformance.simulator.efrikort.store.ReferenceDataRepository;
import se.conformance.simulator.store.Database;

/**
 * The e-frikort reference data as rows in the simulator's database. Every method is one database
 * transaction; a {@code put} replaces the entry with that id, children (ceilings, units,
 * assignments) included. The rules read these rows on every call, so a change applies to the next call.
 *
 * <h2>Default seed ({@link #resetToDefault()})</h2>
 * <table>
 *   <caption>Care principals (both with {@link #DEFAULT_CEILINGS})</caption>
 *   <tr><th>id</th><th>name</th><th>consent model</th><th>final after</th><th>opt-out handling</th></tr>
 *   <tr><td>{@value #STOCKHOLM}</td><td>Region Stockholm</td><td>OPT_OUT</td><td>48 hours</td><td>DELETE (v3)</td></tr>
 *   <tr><td>{@value #NORRBOTTEN}</td><td>Region Norrbotten</td><td>OPT_OUT</td><td>at once (0)</td><td>HIDE (4.1)</td></tr>
 * </table>
 * Norrbotten: cards are final immediately (frikort.md §1.2) and, as a 4.1 region (§2.4), opt-out hides
 * data until the next opt-in.
 * <ul>
 *   <li>Ceilings: 1 100 from 2012-01-01, 1 150 from 2019-01-01, 1 200 from 2022-01-01, 1 300 from
 *       2023-01-01, 1 400 from 2024-01-01, 1 450 from 2025-01-01 (frikort.md §1.1).</li>
 *   <li>Card types: {@code CARE_VISIT} Öppen sjukvård, {@code TECHNICAL_AID} Tekniska hjälpmedel,
 *       {@code TRANSPORTATION} Sjukresor.</li>
 *   <li>Care provider {@value #PROVIDER} "Testvårdgivare NMT" with care unit {@value #PROVIDER_UNIT}
 *       "Testvårdenhet NMT"; employee {@value #EMPLOYEE} with {@code EFK;Användare} in both regions for
 *       that provider.</li>
 *   <li>Extra, for tests of the rules that involve a second provider (read consent, fee ownership):
 *       care provider {@value #OTHER_PROVIDER} "Andra testvårdgivaren NMT" with unit
 *       {@value #OTHER_PROVIDER_UNIT}, and employee {@value #OTHER_EMPLOYEE} with {@code EFK;Användare}
 *       in both regions for that provider.</li>
 *   <li>Extra, for ACCESSDENIED: employee {@value #EMPLOYEE_WITHOUT_ROLE}, registered for
 *       {@value #PROVIDER} with role {@code EFK;BegränsadAnvändare} only.</li>
 *   <li>Calling system {@value #REFERENCE_VENDOR_SYSTEM} "Referensleverantörens kassasystem", the bundled
 *       reference vendor's system, registered for both regions and acting for {@value #PROVIDER}; and {@value #HARNESS_SYSTEM}
 *       "Konformitetsharnessen", the harness's own system for its set-up calls, for both regions.</li>
 *   <li>Reservnummer pattern {@value #DEFAULT_RESERVNUMMER_PATTERN}: 10–13 digits beginning 98 or 99,
 *       which no personnummer or samordningsnummer does (their first two digits are the century, 18–20).</li>
 * </ul>
 * Reset also erases every card, transaction, consent and group action.
 */
public final class JdbcEfrikortSeed implements EfrikortSeed {

    public static final String STOCKHOLM = "SE2321000016-39KJ";
    public static final String NORRBOTTEN = "SE2321000230-E00001";
    public static final String PROVIDER = "TSTNMT2321000156-1002";
    public static final String PROVIDER_UNIT = "TSTNMT2321000156-1077";
    public static final String EMPLOYEE = "TSTNMT2321000156-1079";
    public static final String OTHER_PROVIDER = "TSTNMT2321000156-2002";
    public static final String OTHER_PROVIDER_UNIT = "TSTNMT2321000156-2077";
    public static final String OTHER_EMPLOYEE = "TSTNMT2321000156-2079";
    public static final String EMPLOYEE_WITHOUT_ROLE = "TSTNMT2321000156-1080";
    /** The reference vendor's system: the HSA-id in its function certificate and its declared consumer id. */
    public static final String REFERENCE_VENDOR_SYSTEM = "TSTNMT2321000156-REF1";
    /** The conformance harness's own system, for its set-up calls in shared mode (docs/trust-tls.md). */
    public static final String HARNESS_SYSTEM = "TSTNMT2321000156-H001";
    public static final String DEFAULT_RESERVNUMMER_PATTERN = "^(99|98)\\d{8,11}$";

    public static final List<Ceiling> DEFAULT_CEILINGS = List.of(
            ceiling("2012-01-01", "1100"),
            ceiling("2019-01-01", "1150"),
            ceiling("2022-01-01", "1200"),
            ceiling("2023-01-01", "1300"),
            ceiling("2024-01-01", "1400"),
            ceiling("2025-01-01", "1450"));

    private final Database db;
    private final ReferenceDataRepository repository;

    public JdbcEfrikortSeed(Database db) {
        this.db = Objects.requireNonNull(db, "db");
        this.repository = ReferenceDataRepository.of(db);
    }

    /** The default seed as values, for a caller that wants to change one entry and put it back. */
    public static List<Region> defaultRegions() {
        return List.of(
                new Region(STOCKHOLM, "Region Stockholm", ConsentModel.OPT_OUT, Duration.ofHours(48),
                        OptOutHandling.DELETE, DEFAULT_CEILINGS),
                new Region(NORRBOTTEN, "Region Norrbotten", ConsentModel.OPT_OUT, Duration.ZERO,
                        OptOutHandling.HIDE, DEFAULT_CEILINGS));
    }

    public static List<CardTypeDefinition> defaultCardTypes() {
        return List.of(
                new CardTypeDefinition("CARE_VISIT", "Öppen sjukvård"),
                new CardTypeDefinition("TECHNICAL_AID", "Tekniska hjälpmedel"),
                new CardTypeDefinition("TRANSPORTATION", "Sjukresor"));
    }

    public static List<CareProvider> defaultCareProviders() {
        return List.of(
                new CareProvider(PROVIDER, "Testvårdgivare NMT", List.of(new CareUnit(PROVIDER_UNIT, "Testvårdenhet NMT"))),
                new CareProvider(OTHER_PROVIDER, "Andra testvårdgivaren NMT",
                        List.of(new CareUnit(OTHER_PROVIDER_UNIT, "Andra testvårdenheten NMT"))));
    }

    public static List<Employee> defaultEmployees() {
        return List.of(
                new Employee(EMPLOYEE, "Testanvändare NMT", List.of(
                        new Assignment(STOCKHOLM, PROVIDER, USER_ROLE),
                        new Assignment(NORRBOTTEN, PROVIDER, USER_ROLE))),
                new Employee(OTHER_EMPLOYEE, "Testanvändare andra vårdgivaren", List.of(
                        new Assignment(STOCKHOLM, OTHER_PROVIDER, USER_ROLE),
                        new Assignment(NORRBOTTEN, OTHER_PROVIDER, USER_ROLE))),
                new Employee(EMPLOYEE_WITHOUT_ROLE, "Testanvändare utan e-frikortsroll", List.of(
                        new Assignment(STOCKHOLM, PROVIDER, "EFK;BegränsadAnvändare"))));
    }

    public static List<CallingSystem> defaultCallingSystems() {
        return List.of(new CallingSystem(REFERENCE_VENDOR_SYSTEM, "Referensleverantörens kassasystem", PROVIDER,
                        List.of(STOCKHOLM, NORRBOTTEN)),
                // no provider of its own: its set-up calls act for the provider their actor names
                new CallingSystem(HARNESS_SYSTEM, "Konformitetsharnessen", null, List.of(STOCKHOLM, NORRBOTTEN)));
    }

    @Override
    public void resetToDefault() {
        repository.change(() -> db.inTransaction(c -> {
            repository.eraseAll(c);
            for (Region r : defaultRegions()) repository.putRegion(c, r);
            for (CardTypeDefinition t : defaultCardTypes()) repository.putCardType(c, t);
            for (CareProvider p : defaultCareProviders()) repository.putCareProvider(c, p);
            for (Employee e : defaultEmployees()) repository.putEmployee(c, e);
            for (CallingSystem s : defaultCallingSystems()) repository.putCallingSystem(c, s);
            repository.putSetting(c, ReferenceDataRepository.RESERVNUMMER_PATTERN, DEFAULT_RESERVNUMMER_PATTERN);
            return null;
        }));
    }

    /** Loads the default seed when no care principal exists yet (a fresh database); true when it did. */
    public boolean loadDefaultIfEmpty() {
        if (!regions().isEmpty()) return false;
        resetToDefault();
        return true;
    }

    /** @throws IllegalArgumentException when the ceilings are inconsistent (duplicate date, amount ≤ 0) */
    @Override
    public void putRegion(Region region) {
        Objects.requireNonNull(region, "region");
        new CeilingTable(region.id(), region.ceilings()); // validates
        if (region.finalDelay().isNegative()) throw new IllegalArgumentException("finalDelay får inte vara negativ");
        repository.change(() -> db.inTransaction(c -> {
            repository.putRegion(c, region);
            return null;
        }));
    }

    @Override
    public List<Region> regions() {
        return db.inTransaction(repository::regions);
    }

    @Override
    public void putCardType(CardTypeDefinition cardType) {
        repository.change(() -> db.inTransaction(c -> {
            repository.putCardType(c, cardType);
            return null;
        }));
    }

    @Override
    public List<CardTypeDefinition> cardTypes() {
        return repository.cardTypes();
    }

    @Override
    public void putCareProvider(CareProvider careProvider) {
        repository.change(() -> db.inTransaction(c -> {
            repository.putCareProvider(c, careProvider);
            return null;
        }));
    }

    @Override
    public List<CareProvider> careProviders() {
        return db.inTransaction(repository::careProviders);
    }

    @Override
    public void putEmployee(Employee employee) {
        repository.change(() -> db.inTransaction(c -> {
            repository.putEmployee(c, employee);
            return null;
        }));
    }

    @Override
    public List<Employee> employees() {
        return db.inTransaction(repository::employees);
    }

    @Override
    public void putCallingSystem(CallingSystem system) {
        repository.change(() -> db.inTransaction(c -> {
            repository.putCallingSystem(c, system);
            return null;
        }));
    }

    @Override
    public boolean removeCallingSystem(String hsaId) {
        return repository.change(() -> db.inTransaction(c -> repository.removeCallingSystem(c, hsaId)));
    }

    @Override
    public List<CallingSystem> callingSystems() {
        return db.inTransaction(repository::callingSystems);
    }

    /** @throws IllegalArgumentException when {@code regex} is not a regular expression */
    @Override
    public void setReservnummerPattern(String regex) {
        PersonIdRule.compile(regex);
        repository.change(() -> db.inTransaction(c -> {
            repository.putSetting(c, ReferenceDataRepository.RESERVNUMMER_PATTERN, regex);
            return null;
        }));
    }

    @Override
    public String reservnummerPattern() {
        return db.inTransaction(c -> repository.setting(c, ReferenceDataRepository.RESERVNUMMER_PATTERN).orElse(null));
    }

    private static Ceiling ceiling(String validFrom, String amount) {
        return new Ceiling(LocalDate.parse(validFrom), new BigDecimal(amount));
    }
}
