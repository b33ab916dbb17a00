package se.conformance.simulator.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.conformance.simulator.soap.PayloadFields;
import se.conformance.simulator.store.Database;
import se.conformance.simulator.store.StoreException;

/**
 * The exchange journal: the record of what every vendor system sent and was answered, in the
 * simulator's database. Append-only for the simulator; read by the control API and the harness.
 *
 * <p>{@link #append} only queues the entry; one writer thread stores queued entries in batches,
 * one transaction per batch, so recording costs a request thread next to nothing. Every read
 * ({@link #find}, {@link #clear}) first waits until everything appended before it is stored: an
 * entry appended before an answer was sent is visible to any reader that holds the answer. What
 * is still queued when the process is killed is lost: the writer gathers entries for up to 5 ms before it
 * commits them, so at most the exchanges of the last few milliseconds.
 *
 * <p>The journal is hash-chained ({@link JournalChain}): the writer gives each entry its seq and its
 * hash and moves the chain's head row in the transaction that stores the batch, so a chain never
 * has a gap, even after a crash; {@link #verify} walks it.
 */
public final class Journal implements AutoCloseable {

    private static final String COLUMNS = "trace_id, direction, service, operation, simulated_time, wall_time, caller,"
            + " client_address, logical_address, care_principal_id, person_id, validation, validation_text,"
            + " result_code, fault_text, fault_rule_id, http_status, duration_ms, request_body, response_body, caller_kind";

    private static final int COLUMN_COUNT = COLUMNS.split(",").length;
    private static final int MAX_BATCH = 256;
    /** How long the writer waits for more entries after the first of a batch: the most a kill -9 can lose. */
    private static final long LINGER_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(5);
    private static final System.Logger LOG = System.getLogger(Journal.class.getName());

    private final Database db;
    private final java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    /** Held while the chain's head moves (a batch stored, the journal cleared) or is walked. */
    private final Object chainLock = new Object();
    private JournalChain.Head head;

    public Journal(Database db) {
        this.db = db;
        this.head = readHead();
        this.writer = new Thread(this::writeLoop, "journal-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Queues an entry; its {@code seq} is ignored and assigned by the store. When the entry names
     * neither care principal nor person, they are read from the request body, off the caller's thread.
     */
    public void append(JournalEntry e) {
        if (closed) throw new IllegalStateException("journal closed");
        queue.add(e);
    }

    /** Waits until every entry appended before this call is stored. */
    public void flush() {
        if (Thread.currentThread() == writer) return;
        java.util.concurrent.CountDownLatch stored = new java.util.concurrent.CountDownLatch(1);
        queue.add(stored);
        try {
            if (!stored.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("journal writer did not catch up within 30 s");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the journal", ex);
        }
    }

    private void writeLoop() {
        List<Object> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                gather(batch);
                List<JournalEntry> entries = new ArrayList<>(batch.size());
                for (Object o : batch) if (o instanceof JournalEntry e) entries.add(e);
                if (!entries.isEmpty()) store(entries);
                for (Object o : batch) if (o instanceof java.util.concurrent.CountDownLatch l) l.countDown();
                if (closed && queue.isEmpty()) return;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The vendors already have their answers; a lost batch must be loud for the operator.
                LOG.log(System.Logger.Level.ERROR, "journal batch of " + batch.size() + " entries lost", e);
                for (Object o : batch) if (o instanceof java.util.concurrent.CountDownLatch l) l.countDown();
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Waits for the first entry, then gathers what arrives within {@link #LINGER_NANOS} of it (up to
     * {@link #MAX_BATCH}): every commit writes the journal's changed B-tree pages to the file, so one
     * commit per few entries costs a multiple of one per batch. A waiting reader ({@link #flush}) or
     * closing ends the wait at once.
     */
    private void gather(List<Object> batch) throws InterruptedException {
        batch.add(queue.take());
        long deadline = System.nanoTime() + LINGER_NANOS;
        while (batch.size() < MAX_BATCH && !closed && !(batch.get(batch.size() - 1) instanceof java.util.concurrent.CountDownLatch)) {
            int before = batch.size();
            queue.drainTo(batch, MAX_BATCH - batch.size());
            for (int i = before; i < batch.size(); i++) {
                if (batch.get(i) instanceof java.util.concurrent.CountDownLatch) return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || batch.size() >= MAX_BATCH) return;
            Object next = queue.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS);
            if (next == null) return;
            batch.add(next);
        }
    }

    private static final int CHAIN_ATTEMPTS = 3;

    /** A batch in one transaction, chained on from the head; the head moves only when the batch is stored. */
    private void store(List<JournalEntry> entries) {
        String sql = "INSERT INTO journal_entry (" + COLUMNS + ", seq, prev_hash, entry_hash) VALUES ("
                + "?,".repeat(COLUMN_COUNT + 2) + "?)";
        synchronized (chainLock) {
            for (int attempt = 1; ; attempt++) {
                List<JournalChain.Link> links = new ArrayList<>(entries.size());
                long seq = head.lastSeq();
                String prev = head.lastHash();
                for (JournalEntry e : entries) {
                    JournalEntry stored = JournalChain.storable(indexed(e), ++seq);
                    String hash = JournalChain.hash(prev, stored);
                    links.add(new JournalChain.Link(stored, prev, hash));
                    prev = hash;
                }
                JournalChain.Head from = head;
                JournalChain.Head to = new JournalChain.Head(from.baseSeq(), from.baseHash(), seq, prev);
                boolean moved = db.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (JournalChain.Link link : links) {
                            bind(ps, link.entry());
                            ps.setLong(COLUMN_COUNT + 1, link.entry().seq());
                            ps.setString(COLUMN_COUNT + 2, link.prevHash());
                            ps.setString(COLUMN_COUNT + 3, link.entryHash());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    try (PreparedStatement ps = c.prepareStatement("UPDATE journal_chain SET last_seq = ?, last_hash = ?"
                            + " WHERE id = 1 AND last_seq = ? AND last_hash = ?")) {
                        ps.setLong(1, to.lastSeq());
                        ps.setString(2, to.lastHash());
                        ps.setLong(3, from.lastSeq());
                        ps.setString(4, from.lastHash());
                        if (ps.executeUpdate() == 1) return true;
                    }
                    c.rollback(); // another process moved the head: chain on from where it is now
                    return false;
                });
                if (moved) {
                    head = to;
                    return;
                }
                head = readHead();
                if (attempt >= CHAIN_ATTEMPTS) throw new IllegalStateException("journal chain head keeps moving under this writer");
            }
        }
    }

    private JournalChain.Head readHead() {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT base_seq, base_hash, last_seq, last_hash FROM journal_chain WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new IllegalStateException("journal_chain has no head row (migration V204)");
            return new JournalChain.Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4));
        } catch (SQLException ex) {
            throw new StoreException(ex);
        }
    }

    /**
     * Walks the whole chain: every stored entry rehashed and linked to the one before, the last one
     * matched with the head. Stops at the first break and names it.
     */
    public JournalChain.Verification verify() {
        flush();
        synchronized (chainLock) {
            return db.inTransaction(c -> {
                JournalChain.Head h = readHead();
                JournalChain.Verifier verifier = new JournalChain.Verifier(h);
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT seq, " + COLUMNS + ", prev_hash, entry_hash FROM journal_entry ORDER BY seq")) {
                    ps.setFetchSize(256); // PostgreSQL: a cursor, not the whole journal in memory
                    try (ResultSet rs = ps.executeQuery()) {
                        while (!verifier.broken() && rs.next()) {
                            verifier.accept(new JournalChain.Link(read(rs), rs.getString("prev_hash"),
                                    rs.getString("entry_hash")));
                        }
                    }
                }
                return verifier.result();
            });
        }
    }

    private static JournalEntry indexed(JournalEntry e) {
        if (e.carePrincipalId() != null || e.personId() != null || e.requestBody() == null) return e;
        Map<String, String> fields = PayloadFields.of(e.requestBody().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new JournalEntry(e.seq(), e.traceId(), e.direction(), e.service(), e.operation(), e.simulatedTime(),
                e.wallTime(), e.caller(), e.clientAddress(), e.logicalAddress(),
                fields.get(PayloadFields.CARE_PRINCIPAL_ID), fields.get(PayloadFields.PERSON_ID), e.validation(),
                e.validationText(), e.resultCode(), e.faultText(), e.faultRuleId(), e.httpStatus(), e.durationMillis(),
                e.requestBody(), e.responseBody(), e.callerKind());
    }

    /** Stores what is queued and stops the writer. */
    @Override
    public void close() {
        if (closed) return;
        flush();
        closed = true;
        writer.interrupt();
    }

    private static void bind(PreparedStatement ps, JournalEntry e) throws SQLException {
        {
            int i = 1;
            ps.setString(i++, e.traceId());
            ps.setString(i++, e.direction());
            ps.setString(i++, e.service());
            ps.setString(i++, e.operation());
            ps.setTimestamp(i++, Timestamp.from(e.simulatedTime()));
            ps.setTimestamp(i++, Timestamp.from(e.wallTime()));
            ps.setString(i++, e.caller());
            ps.setString(i++, e.clientAddress());
            ps.setString(i++, e.logicalAddress());
            ps.setString(i++, e.carePrincipalId());
            ps.setString(i++, e.personId());
            ps.setString(i++, e.validation());
            ps.setString(i++, e.validationText());
            ps.setString(i++, e.resultCode());
            ps.setString(i++, e.faultText());
            ps.setString(i++, e.faultRuleId());
            setInt(ps, i++, e.httpStatus());
            setInt(ps, i++, e.durationMillis());
            ps.setString(i++, e.requestBody());
            ps.setString(i++, e.responseBody());
            ps.setString(i, e.callerKind());
        }
    }

    public List<JournalEntry> find(JournalQuery q) {
        return find(q, JournalVisibility.ALL);
    }

    /** The entries {@code q} selects among those {@code visibility} lets the reader see. */
    public List<JournalEntry> find(JournalQuery q, JournalVisibility visibility) {
        flush();
        StringBuilder sql = new StringBuilder("SELECT seq, " + COLUMNS + " FROM journal_entry WHERE "
                + visibility.condition());
        List<Object> args = new ArrayList<>(visibility.arguments());
        filter(sql, args, "trace_id", q.traceId());
        filter(sql, args, "service", q.service());
        filter(sql, args, "operation", q.operation());
        filter(sql, args, "result_code", q.resultCode());
        filter(sql, args, "person_id", q.personId());
        filter(sql, args, "care_principal_id", q.carePrincipalId());
        filter(sql, args, "caller", q.caller());
        if (q.since() != null) {
            sql.append(" AND simulated_time >= ?");
            args.add(Timestamp.from(q.since()));
        }
        if (q.until() != null) {
            sql.append(" AND simulated_time < ?");
            args.add(Timestamp.from(q.until()));
        }
        if (q.afterSeq() != null) {
            sql.append(" AND seq > ?");
            args.add(q.afterSeq());
        }
        sql.append(" ORDER BY seq LIMIT ").append(q.limit());
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            List<JournalEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        } catch (SQLException ex) {
            throw new StoreException(ex);
        }
    }

    /** The highest sequence number in the journal, 0 when it is empty: where "from now on" starts for a poller. */
    public long lastSeq() {
        return lastSeq(JournalVisibility.ALL);
    }

    /** As {@link #lastSeq()} among the entries {@code visibility} lets the reader see. */
    public long lastSeq(JournalVisibility visibility) {
        flush();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) FROM journal_entry WHERE " + visibility.condition())) {
            List<Object> args = visibility.arguments();
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException ex) {
            throw new StoreException(ex);
        }
    }

    /**
     * Empties the journal (control API, on request only: a reset of the simulator keeps it). The
     * chain goes on: its next entry links to the last removed one, whose seq and hash the head keeps.
     */
    public int clear() {
        flush();
        synchronized (chainLock) {
            int cleared = db.inTransaction(c -> {
                int removed;
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM journal_entry")) {
                    removed = ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE journal_chain SET base_seq = last_seq, base_hash = last_hash WHERE id = 1")) {
                    ps.executeUpdate();
                }
                return removed;
            });
            head = readHead();
            return cleared;
        }
    }

    private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) ps.setNull(i, Types.INTEGER);
        else ps.setInt(i, v);
    }

    private static JournalEntry read(ResultSet rs) throws SQLException {
        return new JournalEntry(rs.getLong("seq"), rs.getString("trace_id"), rs.getString("direction"),
                rs.getString("service"), rs.getString("operation"), instant(rs, "simulated_time"),
                instant(rs, "wall_time"), rs.getString("caller"), rs.getString("client_address"),
                rs.getString("logical_address"), rs.getString("care_principal_id"), rs.getString("person_id"),
                rs.getString("validation"), rs.getString("validation_text"), rs.getString("result_code"),
                rs.getString("fault_text"), rs.getString("fault_rule_id"), (Integer) rs.getObject("http_status"),
                (Integer) rs.getObject("duration_ms"), rs.getString("request_body"), rs.getString("response_body"),
                rs.getString("caller_kind"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
