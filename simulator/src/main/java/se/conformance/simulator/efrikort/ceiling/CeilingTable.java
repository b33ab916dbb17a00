package se.conformance.simulator.efrikort.ceiling;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import se.conformance.simulator.efrikort.EfrikortSeed.Ceiling;

/**
 * A care principal's högkostnadstak as a dated table {@code validFrom → amount} (frikort.md §1.1):
 * the ceiling on a date is the entry with the latest {@code validFrom} not after that date.
 * Nothing is hard-coded; the amounts come from the region's configuration.
 */
public final class CeilingTable {

    private final String carePrincipalId;
    private final NavigableMap<LocalDate, BigDecimal> byDate;

    /** @throws IllegalArgumentException on a duplicate date or a non-positive amount */
    public CeilingTable(String carePrincipalId, List<Ceiling> ceilings) {
        this.carePrincipalId = Objects.requireNonNull(carePrincipalId);
        TreeMap<LocalDate, BigDecimal> map = new TreeMap<>();
        for (Ceiling c : ceilings) {
            if (c.amount().signum() <= 0) {
                throw new IllegalArgumentException("takbeloppet måste vara större än 0: " + c);
            }
            if (map.put(c.validFrom(), c.amount()) != null) {
                throw new IllegalArgumentException("två takbelopp gäller från " + c.validFrom());
            }
        }
        this.byDate = Collections.unmodifiableNavigableMap(map);
    }

    public String carePrincipalId() {
        return carePrincipalId;
    }

    /** The ceiling in force on {@code date}; empty before the first entry. */
    public Optional<BigDecimal> limitOn(LocalDate date) {
        return Optional.ofNullable(byDate.floorEntry(date)).map(Map.Entry::getValue);
    }

    /** The ceiling in force on {@code date}. @throws NoCeilingException when none applies */
    public BigDecimal requireLimitOn(LocalDate date) {
        return limitOn(date).orElseThrow(() -> new NoCeilingException(carePrincipalId, date));
    }
}
