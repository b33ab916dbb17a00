package se.conformance.simulator.journal;

import java.time.Instant;

/**
 * A filter over the journal; {@code null} fields do not filter. Entries come oldest first,
 * after {@code afterSeq}, at most {@code limit} of them.
 */
public record JournalQuery(String traceId, String service, String operation, String resultCode, String personId,
        String carePrincipalId, String caller, Instant since, Instant until, Long afterSeq, int limit) {

    public static final int MAX_LIMIT = 1000;

    public JournalQuery {
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT);
        }
    }

    public static JournalQuery all() {
        return new JournalQuery(null, null, null, null, null, null, null, null, null, null, MAX_LIMIT);
    }
}
