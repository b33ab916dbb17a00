package se.conformance.simulator.journal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Trace ids of exchanges: UUIDs of version 7 (RFC 9562), whose first 48 bits are the Unix time in
 * milliseconds. The journal indexes entries by trace id; time-ordered ids land at the end of that
 * index instead of on a random page of it, so storing an entry rewrites one index page, not one per
 * entry (the writer's largest cost with random version-4 ids). The 74 other bits are random: a trace
 * id is still not guessable from another, and it is no credential anyway (journal reads are scoped
 * to the caller).
 */
public final class TraceIds {

    private TraceIds() {}

    /** A new trace id, as its 36-character string. */
    public static String next() {
        return next(System.currentTimeMillis()).toString();
    }

    static UUID next(long unixMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
