package se.conformance.simulator.efrikort;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The configuration and reference data the e-frikort rules read: care principals (regions)
 * with their ceilings and policies, card types, care providers and units, employees and
 * their roles. The control API writes it; {@link #resetToDefault()} restores the documented seed
 * (README, "Default seed") and erases every card, transaction and consent.
 */
public interface EfrikortSeed {

    /** The role an actor needs for a care principal, per the regions' access model. */
    String USER_ROLE = "EFK;Användare";

    enum ConsentModel { OPT_IN, OPT_OUT }

    /** What RegisterOptOut does with a person's data: v3 deletes it, 4.1 hides it until opt-in. */
    enum OptOutHandling { DELETE, HIDE }

    record Ceiling(LocalDate validFrom, BigDecimal amount) {}

    /**
     * A care principal. {@code finalDelay} is how long a reached card stays PRELIMINARY
     * (zero: final at once).
     */
    record Region(String id, String name, ConsentModel consentModel, Duration finalDelay,
            OptOutHandling optOutHandling, List<Ceiling> ceilings) {}

    record CardTypeDefinition(String id, String name) {}

    record CareUnit(String hsaId, String name) {}

    record CareProvider(String hsaId, String name, List<CareUnit> units) {}

    /** A role held by an employee for a care principal, within one care provider. */
    record Assignment(String carePrincipalId, String careProviderId, String role) {}

    record Employee(String hsaId, String name, List<Assignment> assignments) {}

    /**
     * A vendor system that may call for the care principals {@code carePrincipalIds} (issue 5).
     * {@code careProviderId}, when given, is the care provider it acts for: read consent shows that
     * provider's own fees to it.
     */
    record CallingSystem(String hsaId, String name, String careProviderId, List<String> carePrincipalIds) {
        public CallingSystem {
            carePrincipalIds = carePrincipalIds == null ? List.of() : List.copyOf(carePrincipalIds);
        }
    }

    void resetToDefault();

    void putRegion(Region region);

    List<Region> regions();

    void putCardType(CardTypeDefinition cardType);

    List<CardTypeDefinition> cardTypes();

    void putCareProvider(CareProvider careProvider);

    List<CareProvider> careProviders();

    void putEmployee(Employee employee);

    List<Employee> employees();

    void putCallingSystem(CallingSystem system);

    /** @return whether there was one */
    boolean removeCallingSystem(String hsaId);

    List<CallingSystem> callingSystems();

    /** Reservnummer accepted by the identity rule: a regular expression over the whole value. */
    void setReservnummerPattern(String regex);

    String reservnummerPattern();
}
