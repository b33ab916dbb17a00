package se.conformance.simulator.efrikort.card;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link PeriodCalculator} concludes about one card's fees.
 *
 * @param reached         the ceiling is reached (the card is a frikort, or was)
 * @param startDate       first counted fee, or the fixed start; {@code null} when nothing counts
 * @param preliminaryCardDate the date the ceiling was reached; {@code null} below the limit
 * @param endDate         last day of the period; {@code null} below the limit (the window slides)
 * @param crossingFee     the fee that reached the ceiling; {@code null} when not reached by fees
 * @param limit           the ceiling applied; {@code null} for a registered card (no ceiling involved)
 * @param currentAmount   sum of the counted fees
 * @param amountToLimit   {@code limit − currentAmount}, negative when overcharged; for a registered
 *                        card {@code −currentAmount}
 * @param counted         fees of the period (including overcharges), chronological
 * @param expired         fees that no longer belong to the period ({@code expiredTransactions})
 * @param later           fees dated after {@code endDate}: they belong to the next card
 */
public record Evaluation(boolean reached, LocalDate startDate, LocalDate preliminaryCardDate, LocalDate endDate,
        Fee crossingFee, BigDecimal limit, BigDecimal currentAmount, BigDecimal amountToLimit,
        List<Fee> counted, List<Fee> expired, List<Fee> later) {

    public Evaluation {
        counted = List.copyOf(counted);
        expired = List.copyOf(expired);
        later = List.copyOf(later);
    }

    /** True when fees beyond the ceiling are counted: the patient paid too much. */
    public boolean overcharged() {
        return amountToLimit.signum() < 0;
    }
}
