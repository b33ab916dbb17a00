package se.conformance.simulator.efrikort.card;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The period of a card whose dates no longer follow its fees: a FINAL or EXPIRED card, or a card
 * registered by RegisterCard. {@code preliminaryCardDate} is the date the card became valid.
 */
public record FixedPeriod(LocalDate startDate, LocalDate preliminaryCardDate, LocalDate endDate) {
    public FixedPeriod {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(preliminaryCardDate, "preliminaryCardDate");
        Objects.requireNonNull(endDate, "endDate");
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }
}
