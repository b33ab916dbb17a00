package se.conformance.simulator.efrikort.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.conformance.simulator.efrikort.EfrikortSeed.CardTypeDefinition;
import se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed;
import se.conformance.simulator.store.Database;

/** The in-memory snapshot of reference data never shows uncommitted or replaced data. */
class ReferenceDataRepositoryTest {

    private Database db;
    private ReferenceDataRepository repository;

    @BeforeEach
    void open() {
        db = Database.inMemory("reference-" + System.nanoTime());
        new JdbcEfrikortSeed(db).resetToDefault();
        repository = ReferenceDataRepository.of(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String cardTypeName(String id) {
        return db.inTransaction(c -> repository.cardType(c, id).map(CardTypeDefinition::name).orElse(null));
    }

    @Test
    void oneRepositoryPerStore() {
        assertThat(ReferenceDataRepository.of(db)).isSameAs(repository);
    }

    @Test
    void aChangeThroughTheSeedIsSeenByTheNextRead() {
        assertThat(cardTypeName("CARE_VISIT")).isEqualTo("Öppen sjukvård"); // snapshot loaded
        new JdbcEfrikortSeed(db).putCardType(new CardTypeDefinition("CARE_VISIT", "Besök"));
        assertThat(cardTypeName("CARE_VISIT")).isEqualTo("Besök");
        new JdbcEfrikortSeed(db).putCardType(new CardTypeDefinition("DENTAL", "Tandvård"));
        assertThat(cardTypeName("DENTAL")).isEqualTo("Tandvård");
    }

    @Test
    void aChangeOutsideChangeIsRefused() {
        assertThatThrownBy(() -> db.inTransaction(c -> {
            repository.putCardType(c, new CardTypeDefinition("X", "x"));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("change");
        assertThat(cardTypeName("X")).isNull();
    }

    @Test
    void aRolledBackChangeLeavesNoTrace() {
        assertThat(cardTypeName("CARE_VISIT")).isEqualTo("Öppen sjukvård");
        assertThatThrownBy(() -> repository.change(() -> db.inTransaction(c -> {
            repository.putCardType(c, new CardTypeDefinition("CARE_VISIT", "Ångrad"));
            // read inside the change: sees its own write, which must not be cached
            assertThat(repository.cardType(c, "CARE_VISIT").orElseThrow().name()).isEqualTo("Ångrad");
            throw new IllegalArgumentException("rolled back");
        }))).hasMessage("rolled back");
        assertThat(cardTypeName("CARE_VISIT")).isEqualTo("Öppen sjukvård");
    }

    @Test
    void readsDuringARunningChangeSeeOnlyCommittedData() throws Exception {
        assertThat(cardTypeName("CARE_VISIT")).isEqualTo("Öppen sjukvård");
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> change = writer.submit(() -> repository.change(() -> db.inTransaction(c -> {
                repository.putCardType(c, new CardTypeDefinition("CARE_VISIT", "Ny"));
                written.countDown();
                try {
                    assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            })));
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(cardTypeName("CARE_VISIT")).isEqualTo("Öppen sjukvård");
            read.countDown();
            change.get(10, TimeUnit.SECONDS);
            assertThat(cardTypeName("CARE_VISIT")).isEqualTo("Ny");
        } finally {
            writer.shutdownNow();
        }
    }
}
