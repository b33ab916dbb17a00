package se.conformance.simulator.intyg.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When Webcert delivers a CertificateStatusUpdateForCare again after a delivery that may be resent,
 * written as Webcert's redelivery template {@code <deliveries>#<wait>:<unit>,<wait>:<unit>,…}
 * (intyg.md §8). {@value #STANDARD_TEMPLATE} — the standard strategy — allows at most 30 deliveries
 * and waits 1 minute after the first, 5 minutes after the second, then 1 hour, 6 hours, 12 hours, and
 * one day after every later one: the last wait repeats. Units are {@code s}, {@code m}, {@code h},
 * {@code d}. Waits are measured on the simulated clock from the failed delivery.
 */
public final class RedeliverySchedule {

    private static final Pattern TEMPLATE = Pattern.compile("(\\d{1,4})#(.+)");
    private static final Pattern WAIT = Pattern.compile("(\\d{1,6}):([smhd])");

    public static final String STANDARD_TEMPLATE = "30#1:m,5:m,1:h,6:h,12:h,1:d";

    /** Webcert's standard strategy. */
    public static final RedeliverySchedule STANDARD = parse(STANDARD_TEMPLATE);

    private final String template;
    private final int maxDeliveries;
    private final List<Duration> waits;

    private RedeliverySchedule(String template, int maxDeliveries, List<Duration> waits) {
        this.template = template;
        this.maxDeliveries = maxDeliveries;
        this.waits = List.copyOf(waits);
    }

    /**
     * @throws IllegalArgumentException when {@code template} is not {@code n#w:u[,w:u]…} with n ≥ 1 and
     *                                  every wait positive
     */
    public static RedeliverySchedule parse(String template) {
        Objects.requireNonNull(template, "template");
        String compact = template.replaceAll("\\s+", "");
        Matcher m = TEMPLATE.matcher(compact);
        if (!m.matches()) throw invalid(template, "expected <deliveries>#<wait>:<unit>[,<wait>:<unit>]…");
        int max = Integer.parseInt(m.group(1));
        if (max < 1) throw invalid(template, "at least one delivery");
        List<Duration> waits = new ArrayList<>();
        for (String item : m.group(2).split(",", -1)) {
            Matcher w = WAIT.matcher(item);
            if (!w.matches()) throw invalid(template, "'" + item + "' is not <number>:<s|m|h|d>");
            long amount = Long.parseLong(w.group(1));
            if (amount == 0) throw invalid(template, "'" + item + "' waits no time");
            waits.add(switch (w.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return new RedeliverySchedule(compact, max, waits);
    }

    private static IllegalArgumentException invalid(String template, String why) {
        return new IllegalArgumentException("redelivery template '" + template + "': " + why);
    }

    /** The most deliveries of one notification, the first included. */
    public int maxDeliveries() {
        return maxDeliveries;
    }

    /** The waits in order; the last one repeats. */
    public List<Duration> waits() {
        return waits;
    }

    /**
     * The wait after delivery number {@code delivery} (1 = the first) failed in a way that may be resent,
     * or empty when that was the last delivery allowed.
     */
    public Optional<Duration> waitAfter(int delivery) {
        if (delivery < 1) throw new IllegalArgumentException("deliveries count from 1: " + delivery);
        if (delivery >= maxDeliveries) return Optional.empty();
        return Optional.of(waits.get(Math.min(delivery, waits.size()) - 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RedeliverySchedule other && template.equals(other.template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    /** The template, without blanks. */
    @Override
    public String toString() {
        return template;
    }
}
