package se.conformance.simulator.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The simulator's one clock. Every date-driven rule (12-month period, preliminary to final,
 * expiry, notification retries) reads time from here, never from {@code System}.
 *
 * <p>It follows the real clock until it is set; once set it stands still at the set instant
 * and moves only when advanced, so a test decides exactly when 48 hours have passed.
 * Thread-safe.
 */
public final class SimulatedClock {

    /** Dates in the contracts carry no zone; the services run on Swedish time. */
    public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final Clock system;
    private volatile Instant fixed; // null while following the system clock
    private final java.util.List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public SimulatedClock() {
        this(Clock.systemUTC());
    }

    public SimulatedClock(Clock system) {
        this.system = Objects.requireNonNull(system);
    }

    public Instant now() {
        Instant f = fixed;
        return f != null ? f : system.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), SWEDEN);
    }

    public LocalDateTime localNow() {
        return LocalDateTime.ofInstant(now(), SWEDEN);
    }

    /** Stops the clock at 08:00 Swedish time on {@code date}. */
    public void setDate(LocalDate date) {
        set(date.atTime(8, 0).atZone(SWEDEN).toInstant());
    }

    /** Stops the clock at {@code instant}. */
    public void set(Instant instant) {
        this.fixed = Objects.requireNonNull(instant);
        changed();
    }

    /** Moves the clock forward (or back, for a negative amount); a following clock becomes fixed. */
    public synchronized void advance(Duration amount) {
        this.fixed = now().plus(amount);
        changed();
    }

    /** Follows the real clock again. */
    public void release() {
        this.fixed = null;
        changed();
    }

    /**
     * Runs {@code listener} after every set, advance or release, on the thread that moved the
     * clock: work that waits for a time (a notification's next attempt) can look again at once.
     */
    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    public boolean isFixed() {
        return fixed != null;
    }
}
