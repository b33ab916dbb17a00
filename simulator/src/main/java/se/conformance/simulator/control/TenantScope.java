package se.conformance.simulator.control;

import java.util.Set;
import java.util.TreeSet;
import se.conformance.simulator.control.ControlExchange.BadRequest;
import se.conformance.simulator.efrikort.EfrikortSeed;
import se.conformance.simulator.intyg.IntygSeed;
import se.conformance.simulator.intyg.access.ProviderAccess;
import se.conformance.simulator.journal.JournalVisibility;

/**
 * What one control request may see and change. The operator: everything. A tenant (vendor): what its
 * calling systems are registered for, read from the seed at the request — e-frikort care principals, intyg
 * care providers and their units — and its own journal entries and fault rules.
 */
final class TenantScope {

    private final ControlCaller caller;
    private final Set<String> carePrincipals;
    private final Set<String> careProviders;
    private final Set<String> units;

    private TenantScope(ControlCaller caller, Set<String> carePrincipals, Set<String> careProviders, Set<String> units) {
        this.caller = caller;
        this.carePrincipals = carePrincipals;
        this.careProviders = careProviders;
        this.units = units;
    }

    static final TenantScope OPERATOR = new TenantScope(ControlCaller.OPERATOR, null, null, null);

    static TenantScope of(ControlCaller caller, EfrikortSeed efrikort, IntygSeed intyg) {
        if (caller.operator()) return OPERATOR;
        Set<String> principals = new TreeSet<>();
        for (EfrikortSeed.CallingSystem s : efrikort.callingSystems()) {
            if (caller.systems().contains(s.hsaId())) principals.addAll(s.carePrincipalIds());
        }
        Set<String> providers = new TreeSet<>();
        for (IntygSeed.CallingSystem s : intyg.callingSystems()) {
            if (caller.systems().contains(s.hsaId())) providers.addAll(s.careProviderIds());
        }
        Set<String> units = new TreeSet<>();
        for (IntygSeed.CareProvider p : intyg.careProviders()) {
            if (providers.contains(p.hsaId())) p.units().forEach(u -> units.add(u.hsaId()));
        }
        return new TenantScope(caller, principals, providers, units);
    }

    boolean operator() {
        return caller.operator();
    }

    /** The tenant's id; null for the operator. */
    String tenantId() {
        return caller.tenantId();
    }

    Set<String> systems() {
        return caller.systems();
    }

    /** 403 naming why, for what only the operator may do in shared mode. */
    void requireOperator(String what, String why) {
        if (!operator()) {
            throw new BadRequest(403, what + " is for the operator only in shared mode (" + why + "); tenant "
                    + caller.tenantId() + " may not");
        }
    }

    boolean seesCarePrincipal(String id) {
        return operator() || carePrincipals.contains(id);
    }

    boolean seesCareProvider(String id) {
        return operator() || careProviders.contains(id);
    }

    boolean seesUnit(String id) {
        return operator() || units.contains(id);
    }

    boolean ownsSystem(String hsaId) {
        return operator() || caller.systems().contains(hsaId);
    }

    JournalVisibility journal() {
        return operator() ? JournalVisibility.ALL : new JournalVisibility(caller.systems(), careProviders);
    }

    ProviderAccess intygAccess() {
        return operator() ? ProviderAccess.UNRESTRICTED
                : new ProviderAccess("Tenant " + caller.tenantId(), careProviders);
    }
}
