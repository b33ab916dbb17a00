package se.conformance.simulator.efrikort;

import java.time.Instant;
import java.time.LocalDate;
import se.conformance.simulator.efrikort.EfrikortSeed.CardTypeDefinition;
import se.conformance.simulator.efrikort.EfrikortSeed.Region;
import se.conformance.simulator.efrikort.card.PeriodCalculator;
import se.conformance.simulator.efrikort.ceiling.CeilingTable;

/** What one call works within: the region, the card type and the simulated instant it was made at. */
record Scope(Region region, CardTypeDefinition cardType, Instant now, LocalDate today) {

    CeilingTable ceilings() {
        return new CeilingTable(region.id(), region.ceilings());
    }

    PeriodCalculator calculator() {
        return new PeriodCalculator(ceilings());
    }

    String carePrincipalId() {
        return region.id();
    }

    String cardTypeId() {
        return cardType.id();
    }
}
