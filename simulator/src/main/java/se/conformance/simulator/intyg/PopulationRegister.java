package se.conformance.simulator.intyg;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import se.conformance.simulator.intyg.IntygSeed.Person;
import se.conformance.simulator.intyg.IntygSeed.PuSwitches;
import se.conformance.simulator.intyg.store.ReferenceRepository;

/**
 * The population register (PU) as the rules ask it: unreachable (the person's or the global switch),
 * otherwise not found (no row, or the person's or the global switch), otherwise the person with the
 * global switches for protected identity, deceased and test indication added to their own.
 */
final class PopulationRegister {

    enum State { FOUND, NOT_FOUND, UNREACHABLE }

    record Lookup(State state, Person person) {}

    private final ReferenceRepository reference;

    PopulationRegister(ReferenceRepository reference) {
        this.reference = reference;
    }

    Lookup lookup(Connection c, String personId) throws SQLException {
        PuSwitches global = reference.puSwitches(c);
        Optional<Person> row = reference.person(c, personId);
        if (global.unreachable() || row.map(Person::unreachable).orElse(false)) return new Lookup(State.UNREACHABLE, null);
        if (global.notFound() || row.isEmpty() || row.get().notFound()) return new Lookup(State.NOT_FOUND, null);
        Person p = row.get();
        return new Lookup(State.FOUND, new Person(p.personId(), p.fornamn(), p.mellannamn(), p.efternamn(), p.postadress(),
                p.postnummer(), p.postort(), p.protectedIdentity() || global.protectedIdentity(),
                p.deceased() || global.deceased(), p.testIndicated() || global.testIndicated(), false, false));
    }
}
