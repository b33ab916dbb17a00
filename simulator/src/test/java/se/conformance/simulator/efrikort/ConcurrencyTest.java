package se.conformance.simulator.efrikort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import se.conformance.simulator.efrikort.Model.CardStatus;
import se.conformance.simulator.efrikort.Model.ExportType;
import se.conformance.simulator.efrikort.Model.ExtendedCardView;
import se.conformance.simulator.efrikort.Model.TransactionReceipt;

/** Concurrent writes never lose a fee, never cross the ceiling twice and never surface a lock conflict. */
class ConcurrencyTest extends ServiceTestBase {

    private static final int THREADS = 32;
    private static final int FEES_PER_THREAD = 3;

    @Test
    void concurrentFeesForOnePersonAreAllCountedAndCrossTheCeilingOnce() throws Exception {
        List<Answer<TransactionReceipt>> answers = runConcurrently(THREADS, i -> () -> {
            List<Answer<TransactionReceipt>> mine = new ArrayList<>();
            for (int n = 0; n < FEES_PER_THREAD; n++) mine.add(register(ADULT, "2025-03-01", "50"));
            return mine;
        });

        assertThat(answers).hasSize(THREADS * FEES_PER_THREAD).allSatisfy(ServiceTestBase::assertOk);
        assertThat(answers).extracting(a -> a.value().cardSystemId()).containsOnly(answers.get(0).value().cardSystemId());
        assertThat(answers).extracting(a -> a.value().transactionId()).doesNotHaveDuplicates();
        ExtendedCardView card = extended(ADULT);
        assertThat(card.transactions()).hasSize(96);
        assertThat(card.card().currentAmount()).isEqualByComparingTo("4800");
        assertThat(card.card().amountToLimit()).isEqualByComparingTo("-3350");
        assertThat(card.card().status()).isEqualTo(CardStatus.PRELIMINARY);
        assertThat(card.exportStatus()).filteredOn(e -> e.exportType() == ExportType.CARD).hasSize(1);
        assertThat(card.exportStatus()).filteredOn(e -> e.exportType() == ExportType.OVERCHARGED)
                .as("every fee after the 29th (29 × 50 = 1 450) is an overcharge").hasSize(96 - 29);
        assertThat(allCards(ADULT)).hasSize(1);
    }

    @Test
    void concurrentWritesOnAGroupAndOnSeparatePersonsDoNotDeadlock() throws Exception {
        TransactionReceipt parent = registered(ADULT, "2025-03-01", "10");
        String[] persons = {ADULT, CHILD, OTHER_CHILD, RESERV, OTHER_ADULT, "197505059878", "195001010114",
                "201201012323"};

        List<Answer<?>> answers = runConcurrently(THREADS, i -> () -> {
            List<Answer<?>> mine = new ArrayList<>();
            String person = persons[i % persons.length];
            if (i < 3) mine.add(service.groupPerson(group(parent.cardSystemId(), persons[i + 1])));
            for (int n = 0; n < FEES_PER_THREAD; n++) mine.add(register(person, "2025-03-02", "10"));
            return mine;
        });

        assertThat(answers).allSatisfy(a -> assertThat(a.code().performed()).as(a.text()).isTrue());
        assertThat(card(ADULT).persons()).hasSize(4);
        assertThat(card(ADULT).currentAmount()).as("parent and three grouped persons, 4 threads each × 3 fees + 10")
                .isEqualByComparingTo("490");
        assertThat(card(OTHER_ADULT).currentAmount()).isEqualByComparingTo("120");
    }

    @FunctionalInterface
    private interface Work<T> {
        Callable<List<T>> forThread(int index);
    }

    private static <T> List<T> runConcurrently(int threads, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<List<T>> task = work.forThread(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<T>> f : futures) all.addAll(f.get(60, TimeUnit.SECONDS)); // an escaped exception fails here
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
