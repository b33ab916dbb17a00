package se.conformance.simulator.journal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The journal's hash chain: entry n stores {@code SHA-256(hash of entry n-1 || canonical encoding of
 * entry n)}, the first entry links to {@link #GENESIS}. Changing, removing or inserting an entry
 * breaks the chain at that entry; {@link Verifier} walks it and names the first break.
 *
 * <p>Canonical encoding, version 1: the tag {@code journal-chain-v1}, then every component of
 * {@link JournalEntry} in declaration order ({@code seq} included, so an entry cannot move): a
 * null is the byte 0; a value is the byte 1, the 4-byte big-endian length of its UTF-8 text and the
 * text. Texts: strings as they are, numbers in decimal, instants as ISO-8601 UTC at microseconds
 * (what both databases keep; {@link #storable} truncates before hashing). A component added to the
 * record is covered without a change here.
 */
public final class JournalChain {

    /** The hash the first entry links to. */
    public static final String GENESIS = "0".repeat(64);

    private static final byte[] TAG = "journal-chain-v1".getBytes(StandardCharsets.UTF_8);
    private static final RecordComponent[] COMPONENTS = JournalEntry.class.getRecordComponents();
    private static final MethodHandle[] ACCESSORS = accessors();
    /** One digest per thread (the journal's writer, a verifier), reset before each use: getInstance looks up providers. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(JournalChain::sha256);

    private JournalChain() {}

    /** The hash of {@code e} stored after the entry whose hash is {@code prevHash}. */
    public static String hash(String prevHash, JournalEntry e) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        sha.update(HexFormat.of().parseHex(prevHash));
        sha.update(TAG);
        ByteBuffer length = ByteBuffer.allocate(4);
        for (MethodHandle accessor : ACCESSORS) {
            Object value;
            try {
                value = (Object) accessor.invokeExact(e);
            } catch (Throwable t) {
                throw new IllegalStateException("reading a journal entry for its hash", t);
            }
            if (value == null) {
                sha.update((byte) 0);
                continue;
            }
            byte[] text = text(value).getBytes(StandardCharsets.UTF_8);
            sha.update((byte) 1);
            sha.update(length.clear().putInt(text.length).array());
            sha.update(text);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The entry as the database will give it back: instants at microseconds. */
    public static JournalEntry storable(JournalEntry e, long seq) {
        return new JournalEntry(seq, e.traceId(), e.direction(), e.service(), e.operation(), micros(e.simulatedTime()),
                micros(e.wallTime()), e.caller(), e.clientAddress(), e.logicalAddress(), e.carePrincipalId(),
                e.personId(), e.validation(), e.validationText(), e.resultCode(), e.faultText(), e.faultRuleId(),
                e.httpStatus(), e.durationMillis(), e.requestBody(), e.responseBody(), e.callerKind());
    }

    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(Object value) {
        if (value instanceof Instant t) return t.toString();
        return value.toString();
    }

    private static MethodHandle[] accessors() {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle[] out = new MethodHandle[COMPONENTS.length];
        try {
            for (int i = 0; i < COMPONENTS.length; i++) {
                // typed (JournalEntry)Object, so that hash() can invokeExact: no generic conversion per field
                out[i] = lookup.unreflect(COMPONENTS[i].getAccessor())
                        .asType(java.lang.invoke.MethodType.methodType(Object.class, JournalEntry.class));
            }
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Where the chain starts and where it ends now, as the journal_chain row keeps it. */
    public record Head(long baseSeq, String baseHash, long lastSeq, String lastHash) {}

    /** One stored entry with its two hashes as the row holds them (either may be null in a forged row). */
    public record Link(JournalEntry entry, String prevHash, String entryHash) {}

    /** What is wrong at the first broken entry. */
    public enum Problem {
        /** an entry's fields, or its link to the entry before, are not what was hashed when it was stored */
        ALTERED,
        /** an entry the chain had is gone */
        REMOVED,
        /** an entry the chain never had is there */
        INSERTED
    }

    /**
     * The outcome of a walk along the chain.
     *
     * @param ok             no break found
     * @param entriesChecked entries found intact before the first break (all of the chain when ok)
     * @param brokenSeq      the seq of the first broken entry (for REMOVED: the first missing one); null when ok
     * @param problem        null when ok
     * @param reason         what was found, in words
     * @param baseSeq        the chain covers entries after this seq
     * @param lastSeq        the seq of the chain's last entry, per its head
     * @param lastHash       the hash of the chain's last entry, per its head (to anchor outside the database)
     * @param unchained      entries at or below baseSeq (stored before the chain existed), not covered
     */
    public record Verification(boolean ok, long entriesChecked, Long brokenSeq, Problem problem, String reason,
            long baseSeq, long lastSeq, String lastHash, long unchained) {}

    /** Walks stored entries in seq order; {@link #accept} each, then {@link #result}. Stops looking at the first break. */
    public static final class Verifier {
        private final Head head;
        private long expectedSeq;
        private String prev;
        private long checked;
        private long unchained;
        private Verification broken;

        public Verifier(Head head) {
            this.head = head;
            this.expectedSeq = head.baseSeq() + 1;
            this.prev = head.baseHash();
        }

        /** Whether a break was found (the rest need not be read). */
        public boolean broken() {
            return broken != null;
        }

        public void accept(Link link) {
            if (broken != null) return;
            long seq = link.entry().seq();
            if (seq <= head.baseSeq()) {
                unchained++;
                return;
            }
            if (seq > head.lastSeq()) {
                fail(seq, Problem.INSERTED, "entry " + seq + " is after the chain's last entry " + head.lastSeq());
            } else if (seq > expectedSeq) {
                fail(expectedSeq, Problem.REMOVED, (seq - expectedSeq == 1 ? "entry " + expectedSeq
                        : "entries " + expectedSeq + " to " + (seq - 1)) + " missing before entry " + seq);
            } else if (link.prevHash() == null || link.entryHash() == null) {
                fail(seq, Problem.INSERTED, "entry " + seq + " has no hash: the journal did not store it");
            } else if (!link.prevHash().equals(prev)) {
                fail(seq, Problem.ALTERED, "entry " + seq + " does not link to entry " + (seq - 1)
                        + " as stored (" + (seq - 1 == head.baseSeq() ? "the chain's start" : "that entry")
                        + " or this link was changed)");
            } else if (!hash(link.prevHash(), link.entry()).equals(link.entryHash())) {
                fail(seq, Problem.ALTERED, "entry " + seq + ": its fields do not match its hash");
            } else {
                prev = link.entryHash();
                expectedSeq++;
                checked++;
            }
        }

        public Verification result() {
            if (broken != null) return broken;
            if (expectedSeq <= head.lastSeq()) {
                fail(expectedSeq, Problem.REMOVED, (head.lastSeq() == expectedSeq ? "entry " + expectedSeq
                        : "entries " + expectedSeq + " to " + head.lastSeq()) + " missing at the end of the journal");
            } else if (!prev.equals(head.lastHash())) {
                fail(head.lastSeq(), Problem.ALTERED, "entry " + head.lastSeq() + " is not the one the chain's head names");
            } else {
                return new Verification(true, checked, null, null, "intact", head.baseSeq(), head.lastSeq(),
                        head.lastHash(), unchained);
            }
            return broken;
        }

        private void fail(long seq, Problem problem, String reason) {
            broken = new Verification(false, checked, seq, problem, reason, head.baseSeq(), head.lastSeq(),
                    head.lastHash(), unchained);
        }
    }
}
