package se.conformance.simulator.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * What one HTTP request may cost the simulator before any service sees it: body size, time to
 * arrive, header size. Each limit is refused with an answer that names it (docs/trust-hostile-input.md).
 *
 * @param maxBodyBytes        largest request body, checked before it is buffered; the biggest legitimate
 *                            request (a certificate with its answers) is a few tens of KB
 * @param requestDeadline     a request's head and body must have arrived completely within this time
 *                            after its first byte, however steadily it trickles (slow loris)
 * @param idleTimeout         a connection with no traffic at all is closed after this time
 * @param maxHeaderBytes      request line and headers together
 * @param minBodyBytesPerSecond a body arriving slower than this is refused (408) instead of holding a
 *                            request thread
 */
public record RequestLimits(int maxBodyBytes, Duration requestDeadline, Duration idleTimeout, int maxHeaderBytes,
        int minBodyBytesPerSecond) {

    public static final RequestLimits DEFAULT = new RequestLimits(1 << 20, Duration.ofSeconds(10),
            Duration.ofSeconds(30), 8 * 1024, 1024);

    public RequestLimits {
        Objects.requireNonNull(requestDeadline, "requestDeadline");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxBodyBytes <= 0 || maxHeaderBytes <= 0 || minBodyBytesPerSecond < 0) {
            throw new IllegalArgumentException("request limits must be positive");
        }
    }

    /** {@code 1 MiB (1048576 byte)}: the limit as the refusals state it. */
    static String bytes(long n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) return (n >> 20) + " MiB (" + n + " byte)";
        if (n >= 1 << 10 && n % (1 << 10) == 0) return (n >> 10) + " KiB (" + n + " byte)";
        return n + " byte";
    }
}
