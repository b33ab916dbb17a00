package se.conformance.simulator.intyg.notification;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulator calls a vendor's endpoint: the HTTP timeouts (a connection must be open within
 * {@code connectTimeout}, the whole answer must have arrived within {@code readTimeout} after that),
 * and, for the notification sender, how many endpoints it calls at once ({@code threads}), how often it
 * looks for due notifications in real time ({@code pollInterval}) and when it delivers again
 * ({@code schedule}, on the simulated clock).
 */
public record DeliverySettings(Duration connectTimeout, Duration readTimeout, int threads, Duration pollInterval,
        RedeliverySchedule schedule) {

    public DeliverySettings {
        positive(connectTimeout, "connectTimeout");
        positive(readTimeout, "readTimeout");
        positive(pollInterval, "pollInterval");
        if (threads < 1) throw new IllegalArgumentException("threads: at least 1, was " + threads);
        Objects.requireNonNull(schedule, "schedule");
    }

    /** Notifications: connect 2 s, read 5 s, 4 endpoints at once, a look every 200 ms, the standard schedule. */
    public static DeliverySettings defaults() {
        return new DeliverySettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 4, Duration.ofMillis(200),
                RedeliverySchedule.STANDARD);
    }

    /**
     * Recipient endpoints, called while the change holds its certificate's row lock: connect 1 s,
     * read 3 s (the other fields are not used).
     */
    public static DeliverySettings forRecipients() {
        return defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    public DeliverySettings withTimeouts(Duration connect, Duration read) {
        return new DeliverySettings(connect, read, threads, pollInterval, schedule);
    }

    public DeliverySettings withThreads(int count) {
        return new DeliverySettings(connectTimeout, readTimeout, count, pollInterval, schedule);
    }

    public DeliverySettings withPollInterval(Duration interval) {
        return new DeliverySettings(connectTimeout, readTimeout, threads, interval, schedule);
    }

    public DeliverySettings withSchedule(RedeliverySchedule redelivery) {
        return new DeliverySettings(connectTimeout, readTimeout, threads, pollInterval, redelivery);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + ": must be positive, was " + d);
    }
}
