package se.conformance.simulator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import se.conformance.simulator.journal.JournalChain.Problem;
import se.conformance.simulator.journal.JournalChain.Verification;
import se.conformance.simulator.support.TestDatabase;

/**
 * The chain as the database keeps it: entries appended from many threads verify; an entry altered,
 * deleted or inserted with SQL behind the journal's back is detected and named. On H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Engine.class)
class JournalChainStoreTest {

    @Parameter
    TestDatabase.Engine engine;

    private TestDatabase database;
    private Journal journal;

    @BeforeEach
    void open() {
        database = TestDatabase.open(engine, "chain");
        journal = new Journal(database.database());
    }

    @AfterEach
    void close() {
        if (journal != null) journal.close();
        if (database != null) database.close();
    }

    private void appendAndStore(int n) {
        for (int i = 0; i < n; i++) journal.append(JournalChainTest.entry(0, "<answer n='" + i + "'/>"));
        journal.flush();
    }

    private void sql(String statement, Object... args) throws SQLException {
        try (Connection c = database.database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            assertThat(ps.executeUpdate()).as(statement).isEqualTo(1);
        }
    }

    @Test
    void entriesAppendedConcurrentlyFormOneUnbrokenChain() throws Exception {
        int threads = 16;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        journal.append(JournalChainTest.entry(0, "<answer thread='" + thread + "' n='" + i + "'/>"));
                        if (i % 50 == 0) journal.flush(); // readers in between, as the control API has them
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        long started = System.nanoTime();
        Verification v = journal.verify();
        System.out.printf("JournalChainStoreTest[%s]: %d entries from %d threads verified in %d ms%n", engine,
                v.entriesChecked(), threads, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(v.ok()).as(v.reason()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(threads * perThread);
        assertThat(v.lastSeq()).isEqualTo(journal.lastSeq());
    }

    @Test
    void aRowAlteredWithSqlIsDetected() throws SQLException {
        appendAndStore(10);
        sql("UPDATE journal_entry SET response_body = ? WHERE seq = 4", "<answer>OK, forged</answer>");

        Verification v = journal.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.problem()).isEqualTo(Problem.ALTERED);
        assertThat(v.brokenSeq()).isEqualTo(4);
        assertThat(v.entriesChecked()).isEqualTo(3);
    }

    @Test
    void aRowDeletedWithSqlIsDetected() throws SQLException {
        appendAndStore(10);
        sql("DELETE FROM journal_entry WHERE seq = 6");

        Verification v = journal.verify();
        assertThat(v.problem()).isEqualTo(Problem.REMOVED);
        assertThat(v.brokenSeq()).isEqualTo(6);
        assertThat(v.reason()).isEqualTo("entry 6 missing before entry 7");
    }

    @Test
    void theLastRowDeletedWithSqlIsDetected() throws SQLException {
        appendAndStore(10);
        sql("DELETE FROM journal_entry WHERE seq = 10");

        Verification v = journal.verify();
        assertThat(v.problem()).isEqualTo(Problem.REMOVED);
        assertThat(v.brokenSeq()).isEqualTo(10);
    }

    @Test
    void aRowInsertedWithSqlIsDetected() throws SQLException {
        appendAndStore(10);
        sql("INSERT INTO journal_entry (seq, trace_id, direction, service, operation, simulated_time, wall_time,"
                + " validation, result_code, request_body, response_body, prev_hash, entry_hash)"
                + " SELECT 11, trace_id, direction, service, operation, simulated_time, wall_time, validation, result_code,"
                + " request_body, response_body, entry_hash, entry_hash FROM journal_entry WHERE seq = 10");

        Verification v = journal.verify();
        assertThat(v.problem()).isEqualTo(Problem.INSERTED);
        assertThat(v.brokenSeq()).isEqualTo(11);
    }

    @Test
    void aRowReplacedWithSqlIsDetected() throws SQLException {
        appendAndStore(10);
        sql("DELETE FROM journal_entry WHERE seq = 5");
        sql("INSERT INTO journal_entry (seq, trace_id, direction, service, operation, simulated_time, wall_time,"
                + " validation, result_code) SELECT 5, trace_id, direction, service, operation, simulated_time, wall_time,"
                + " validation, 'OK' FROM journal_entry WHERE seq = 4");

        Verification v = journal.verify();
        assertThat(v.problem()).isEqualTo(Problem.INSERTED);
        assertThat(v.brokenSeq()).isEqualTo(5);
    }

    @Test
    void afterAClearTheChainGoesOnAndVerifies() {
        appendAndStore(5);
        assertThat(journal.clear()).isEqualTo(5);
        appendAndStore(3);

        Verification v = journal.verify();
        assertThat(v.ok()).as(v.reason()).isTrue();
        assertThat(v.baseSeq()).isEqualTo(5);
        assertThat(v.entriesChecked()).isEqualTo(3);
        assertThat(journal.find(JournalQuery.all())).extracting(JournalEntry::seq).containsExactly(6L, 7L, 8L);
    }

    @Test
    void aNewJournalOnTheSameStoreChainsOnFromItsHead() {
        appendAndStore(4);
        journal.close();
        journal = new Journal(database.database()); // a restart: the head is read from the store
        appendAndStore(4);

        Verification v = journal.verify();
        assertThat(v.ok()).as(v.reason()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(8);
    }
}
