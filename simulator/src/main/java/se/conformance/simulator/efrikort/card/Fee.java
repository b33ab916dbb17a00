package se.conformance.simulator.efrikort.card;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * An ACTIVE transaction as the period rules see it. {@code sequence} orders fees of the same
 * date by when they were first registered, so the crossing fee is always the same one.
 */
public record Fee(String transactionId, String personId, LocalDate date, BigDecimal amount, long sequence) {

    /** Evaluation order: transaction date, then first registration. */
    public static final Comparator<Fee> CHRONOLOGICAL =
            Comparator.comparing(Fee::date).thenComparingLong(Fee::sequence).thenComparing(Fee::transactionId);

    public Fee {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
    }
}
