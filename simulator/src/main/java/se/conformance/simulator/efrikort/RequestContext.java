package se.conformance.simulator.efrikort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.conformance.simulator.caller.CallerIdentity;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.efrikort.Commands.Actor;
import se.conformance.simulator.efrikort.EfrikortSeed.CardTypeDefinition;
import se.conformance.simulator.efrikort.EfrikortSeed.Region;
import se.conformance.simulator.efrikort.EfrikortSeed.CallingSystem;
import se.conformance.simulator.efrikort.access.AccessRule;
import se.conformance.simulator.efrikort.access.CallingSystemRule;
import se.conformance.simulator.efrikort.identity.PersonId;
import se.conformance.simulator.efrikort.identity.PersonIdRule;
import se.conformance.simulator.efrikort.store.ReferenceDataRepository;

/**
 * The reference data one call needs, read once at the call's simulated instant: the care
 * principal, the card types, the reservnummer rule and the calling system. Loading it refuses an unknown
 * care principal, then a calling system not registered for it, and, for operations with an actor, an actor
 * without access.
 */
final class RequestContext {

    /** Without a configured pattern no value is a reservnummer. */
    private static final String NO_RESERVNUMMER = "(?!)";

    private final Region region;
    private final Map<String, CardTypeDefinition> cardTypes;
    private final PersonIdRule personRule;
    private final Instant now;
    private final LocalDate today;
    private final Optional<CallingSystem> system;

    private RequestContext(Region region, Map<String, CardTypeDefinition> cardTypes, PersonIdRule personRule,
            Instant now, Optional<CallingSystem> system) {
        this.system = system;
        this.region = region;
        this.cardTypes = cardTypes;
        this.personRule = personRule;
        this.now = now;
        this.today = LocalDate.ofInstant(now, SimulatedClock.SWEDEN);
    }

    static RequestContext load(ReferenceDataRepository reference, Instant now,
            String carePrincipalId, CallerIdentity caller, Actor actor, boolean checkAccess) {
        // Reference data only: answered from the repository's snapshot, without a transaction of this call's own.
        if (carePrincipalId == null || carePrincipalId.isBlank()) {
            throw new Refusal(invalid("carePrincipalId saknas"));
        }
        Region region = reference.region(carePrincipalId).orElseThrow(() -> new Refusal(invalid(
                "carePrincipalId " + carePrincipalId + ": okänd vårdhuvudman")));
        Optional<CallingSystem> system = caller.anonymous() ? Optional.empty() : reference.callingSystem(caller.hsaId());
        Refusal.require(CallingSystemRule.check(caller, carePrincipalId, system));
        if (checkAccess) {
            boolean identified = actor != null && actor.employeeId() != null && actor.careProviderId() != null;
            Refusal.require(AccessRule.check(actor, carePrincipalId,
                    identified ? reference.employee(actor.employeeId()) : Optional.empty(),
                    identified ? reference.careProvider(actor.careProviderId()) : Optional.empty()));
        }
        Map<String, CardTypeDefinition> types = new LinkedHashMap<>();
        for (CardTypeDefinition t : reference.cardTypes()) types.put(t.id(), t);
        String pattern = reference.setting(ReferenceDataRepository.RESERVNUMMER_PATTERN).orElse(NO_RESERVNUMMER);
        return new RequestContext(region, types, new PersonIdRule(pattern), now, system);
    }

    String carePrincipalId() {
        return region.id();
    }

    /**
     * The care provider read consent treats the caller as: the one its registered calling system acts for,
     * else {@code declared} (the caller's HSA-id, as before calling systems were registered).
     */
    String callerCareProviderId(String declared) {
        return system.map(CallingSystem::careProviderId).orElse(declared);
    }

    LocalDate today() {
        return today;
    }

    Scope scope(CardTypeDefinition type) {
        return new Scope(region, type, now, today);
    }

    /** The card type with {@code id}; VALIDATION_ERROR naming the known ones otherwise. */
    CardTypeDefinition cardType(String id) {
        if (id == null || id.isBlank()) throw new Refusal(invalid("cardTypeId saknas"));
        CardTypeDefinition type = cardTypes.get(id);
        if (type == null) {
            throw new Refusal(invalid("cardTypeId " + id + ": okänd korttyp (kända: "
                    + String.join(", ", cardTypes.keySet()) + ")"));
        }
        return type;
    }

    /** {@code value} as a person; VALIDATION_ERROR per {@link PersonIdRule} otherwise. */
    PersonId person(String value) {
        return Refusal.require(personRule.parse(value));
    }

    /** Stored persons as the rules see them; one the current pattern no longer accepts is left out (no age). */
    List<PersonId> storedPersons(List<String> values) {
        return values.stream().map(personRule::parse).filter(a -> a.code().performed()).map(Answer::value).toList();
    }

    private static <T> Answer<T> invalid(String text) {
        return Answer.refused(ResultCode.VALIDATION_ERROR, text);
    }
}
