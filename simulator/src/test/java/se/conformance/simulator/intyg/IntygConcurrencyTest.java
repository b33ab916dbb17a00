package se.conformance.simulator.intyg;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.FKASSA;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.TOLVAN;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Concurrent duplicates are decided once, by the database, and answered as the real service answers them. */
class IntygConcurrencyTest extends IntygServiceTestBase {

    private static final int THREADS = 12;

    @Test
    void theSameCertificateRegisteredConcurrentlyIsStoredOnceAndTheOthersAreInfo() throws Exception {
        String id = newId();
        List<Outcome<Void>> outcomes = concurrently(i -> () -> service.registerCertificate(lisjp(id, TOLVAN)));

        assertThat(outcomes).filteredOn(o -> o.resultCode() == ResultCode.OK).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.resultCode() == ResultCode.INFO)
                .hasSize(THREADS - 1).allSatisfy(o -> assertThat(o.resultText()).isEqualTo("Certificate already exists"));
    }

    @Test
    void concurrentSendsDeliverOnce() throws Exception {
        String id = registered();
        List<Outcome<Void>> outcomes = concurrently(i -> () -> service.sendCertificateToRecipient(send(id, TOLVAN, FKASSA)));

        assertThat(outcomes).filteredOn(o -> o.resultCode() == ResultCode.OK).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.resultCode() == ResultCode.INFO).hasSize(THREADS - 1);
        assertThat(inbox.received(FKASSA)).hasSize(1);
    }

    @Test
    void theSameMessageIdConcurrentlyIsStoredOnce() throws Exception {
        String id = sentToFk();
        List<Outcome<Void>> outcomes = concurrently(i -> () -> service.sendMessageToCare(question("m1", id, "OVRIGT")));

        assertThat(outcomes).filteredOn(o -> o.resultCode() == ResultCode.OK).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.resultCode() == ResultCode.ERROR).hasSize(THREADS - 1)
                .allSatisfy(o -> assertThat(o.resultText()).contains("MEDDELANDE_ID_NOT_UNIQUE_ERROR"));
        assertThat(service.messages(id).value()).hasSize(1);
    }

    @Test
    void concurrentAnswersToOneQuestionLeaveOneAnswer() throws Exception {
        String id = sentToFk();
        assertOk(service.sendMessageToRecipient(careQuestion("q", id, "KONTKT")));
        List<Outcome<Void>> outcomes = concurrently(i -> () -> service.sendMessageToCare(
                answerFromFk("a" + i, id, "KONTKT", "q")));

        assertThat(outcomes).filteredOn(o -> o.resultCode() == ResultCode.OK).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.resultCode() == ResultCode.ERROR).hasSize(THREADS - 1)
                .allSatisfy(o -> assertThat(o.resultText()).isEqualTo("Answer already exist for this message"));
        assertThat(service.messages(id).value()).hasSize(2);
    }

    private static <T> List<T> concurrently(IntFunction<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                Callable<T> task = work.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get(60, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
