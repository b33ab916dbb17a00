package se.conformance.simulator.pki;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * When a certificate is valid. Real (wall-clock) time, never the simulator's simulated clock: a
 * vendor that moves the business date to 2019 must still be able to connect.
 */
public record Validity(Instant notBefore, Instant notAfter) {

    /** Back-dating absorbs clock skew between the machine that issues and the one that checks. */
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    public Validity {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter (" + notAfter + ") must be after notBefore (" + notBefore + ")");
        }
    }

    /** From a few minutes ago for {@code days} days. */
    public static Validity days(int days) {
        if (days < 1) throw new IllegalArgumentException("days must be at least 1, is " + days);
        Instant now = Instant.now();
        return new Validity(now.minus(BACKDATE), now.plus(Duration.ofDays(days)));
    }

    /** From the start of {@code from} to the end of {@code until} (UTC), e.g. a window in the past for an expired certificate. */
    public static Validity between(LocalDate from, LocalDate until) {
        return new Validity(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1));
    }
}
