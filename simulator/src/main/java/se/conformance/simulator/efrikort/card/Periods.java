package se.conformance.simulator.efrikort.card;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * Calendar arithmetic of the 12-month högkostnadsperiod (frikort.md §1.2), in one place so that
 * the period end and the sliding window agree.
 *
 * <ul>
 *   <li>A period starting on {@code S} ends the day before {@code S}'s anniversary: 2022-04-25 →
 *       2023-04-24, 2023-03-01 → 2024-02-29. A period starting on 29 February has its anniversary
 *       on 1 March, so 2024-02-29 → 2025-02-28; no day is ever left outside two consecutive periods.</li>
 *   <li>The window of fees that count on {@code T} starts on {@code T − 12 months + 1 day}
 *       (RJL: "count from the newest receipt one year back"), the earliest start whose period
 *       still contains {@code T}.</li>
 * </ul>
 * The exact CGI boundary arithmetic is [UNCONFIRMED] (frikort.md §6 step 2); this is the tested choice.
 */
public final class Periods {
    private Periods() {}

    private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

    /** The last day of the 12-month period that starts on {@code start}. */
    public static LocalDate endOf(LocalDate start) {
        if (MonthDay.from(start).equals(LEAP_DAY)) {
            return start.plusYears(1).withDayOfMonth(28);
        }
        return start.plusYears(1).minusDays(1);
    }

    /** The first date whose fees still count on {@code asOf}; older fees have expired. */
    public static LocalDate windowStart(LocalDate asOf) {
        return asOf.minusMonths(12).plusDays(1);
    }
}
