package se.conformance.simulator.efrikort.card;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import se.conformance.simulator.efrikort.ceiling.CeilingTable;
import se.conformance.simulator.efrikort.ceiling.NoCeilingException;

/**
 * The period rules of frikort.md §1.1–1.2 and §6 over one card's ACTIVE fees. Pure: the same fees,
 * ceilings and date always give the same {@link Evaluation}.
 *
 * <p>{@link #evaluate} replays the fees in chronological order ({@link Fee#CHRONOLOGICAL}):
 * <ol>
 *   <li>Below the ceiling the window slides: before a fee dated {@code T} is added, fees dated
 *       before {@link Periods#windowStart(LocalDate) windowStart(T)} expire.</li>
 *   <li>After adding it, the window's sum is compared with the ceiling in force on {@code T}
 *       (transition rule: a card still below the limit on 1 January must reach the new amount;
 *       one reached before keeps the old).</li>
 *   <li>At or above it the card is reached on {@code T}: {@code startDate} = first fee of the window,
 *       {@code endDate} = {@link Periods#endOf(LocalDate) endOf(startDate)}. Later fees dated up to
 *       {@code endDate} are overcharges (counted, {@code amountToLimit} negative); fees dated after it
 *       start the next card ({@link Evaluation#later()}).</li>
 *   <li>If never reached, the window slides once more to {@code asOf} and the ceiling in force on
 *       {@code asOf} gives {@code amountToLimit}.</li>
 * </ol>
 * {@link #evaluateFixed} classifies fees against a period that no longer moves.
 */
public final class PeriodCalculator {

    private final CeilingTable ceilings;

    public PeriodCalculator(CeilingTable ceilings) {
        this.ceilings = ceilings;
    }

    /**
     * Replays {@code fees} as of {@code asOf}.
     *
     * @throws NoCeilingException when no ceiling applies on a fee's date or on {@code asOf}
     */
    public Evaluation evaluate(List<Fee> fees, LocalDate asOf) {
        List<Fee> sorted = new ArrayList<>(fees);
        sorted.sort(Fee.CHRONOLOGICAL);
        Deque<Fee> window = new ArrayDeque<>();
        List<Fee> expired = new ArrayList<>();
        List<Fee> later = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        Fee crossing = null;
        BigDecimal limit = null;
        LocalDate start = null;
        LocalDate end = null;
        for (Fee fee : sorted) {
            if (crossing != null) {
                if (fee.date().isAfter(end)) later.add(fee);
                else {
                    window.addLast(fee);
                    sum = sum.add(fee.amount());
                }
                continue;
            }
            sum = sum.subtract(expireBefore(Periods.windowStart(fee.date()), window, expired));
            window.addLast(fee);
            sum = sum.add(fee.amount());
            BigDecimal limitOnDate = ceilings.requireLimitOn(fee.date());
            if (sum.compareTo(limitOnDate) >= 0) {
                crossing = fee;
                limit = limitOnDate;
                start = window.peekFirst().date();
                end = Periods.endOf(start);
            }
        }
        if (crossing == null) {
            sum = sum.subtract(expireBefore(Periods.windowStart(asOf), window, expired));
            limit = ceilings.requireLimitOn(asOf);
            start = window.isEmpty() ? null : window.peekFirst().date();
            return new Evaluation(false, start, null, null, null, limit, sum, limit.subtract(sum),
                    List.copyOf(window), expired, later);
        }
        return new Evaluation(true, start, crossing.date(), end, crossing, limit, sum, limit.subtract(sum),
                List.copyOf(window), expired, later);
    }

    /**
     * Classifies {@code fees} against a fixed {@code period}: fees inside count, earlier ones are
     * expired, later ones belong to the next card.
     *
     * @param limit the ceiling the card was reached under, or {@code null} for a registered card
     *              (then every counted krona is an overcharge: {@code amountToLimit = −currentAmount})
     */
    public static Evaluation evaluateFixed(List<Fee> fees, FixedPeriod period, BigDecimal limit) {
        List<Fee> sorted = new ArrayList<>(fees);
        sorted.sort(Fee.CHRONOLOGICAL);
        List<Fee> counted = new ArrayList<>();
        List<Fee> expired = new ArrayList<>();
        List<Fee> later = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Fee fee : sorted) {
            if (fee.date().isBefore(period.startDate())) expired.add(fee);
            else if (fee.date().isAfter(period.endDate())) later.add(fee);
            else {
                counted.add(fee);
                sum = sum.add(fee.amount());
            }
        }
        BigDecimal toLimit = limit == null ? sum.negate() : limit.subtract(sum);
        return new Evaluation(true, period.startDate(), period.preliminaryCardDate(), period.endDate(), null, limit,
                sum, toLimit, counted, expired, later);
    }

    private static BigDecimal expireBefore(LocalDate windowStart, Deque<Fee> window, List<Fee> expired) {
        BigDecimal removed = BigDecimal.ZERO;
        while (!window.isEmpty() && window.peekFirst().date().isBefore(windowStart)) {
            Fee old = window.pollFirst();
            expired.add(old);
            removed = removed.add(old.amount());
        }
        return removed;
    }
}
