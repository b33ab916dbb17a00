package se.conformance.simulator.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import se.conformance.simulator.Simulator;
import se.conformance.simulator.support.SoapRequests;
import se.conformance.simulator.support.TestDatabase;

/**
 * 64 vendor clients register fees for the same patient on the same card at the same moment, over
 * real HTTP: every answer is OK (no lock timeout or deadlock reaches a caller), the sums are exact,
 * and the high-cost ceiling is crossed exactly once (one free card issued, every later fee an
 * overcharge). On H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Engine.class)
class ConcurrentFeesTest {

    private static final int CLIENTS = 64;
    private static final int FEES_PER_CLIENT = 2;
    private static final BigDecimal FEE = new BigDecimal("25");
    private static final BigDecimal CEILING = new BigDecimal("1450"); // CARE_VISIT in Region Stockholm (seed)
    private static final String PATIENT = SoapHttp.personnummer("19700101123");

    @Parameter
    TestDatabase.Engine engine;

    static TestDatabase database;
    static Simulator simulator;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase.Engine engine) {
        database = TestDatabase.open(engine, "fees");
        simulator = Simulator.builder().withPort(0).withDatabase(database.database()).start();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (simulator != null) simulator.close();
        if (database != null) database.close();
    }

    @Test
    void sixtyFourClientsOnOneCardCrossTheCeilingOnceAndLoseNoFee() throws Exception {
        String request = SoapRequests.efrikort("RegisterTransaction").with("personId", PATIENT)
                .with("amount", FEE.toPlainString()).without("transactionDate").xml();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        long began;
        List<SoapHttp.Answer> answers = new ArrayList<>();
        try {
            List<Future<List<SoapHttp.Answer>>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    start.await();
                    List<SoapHttp.Answer> mine = new ArrayList<>();
                    for (int n = 0; n < FEES_PER_CLIENT; n++) {
                        long t = System.nanoTime();
                        mine.add(SoapHttp.post(simulator.baseUrl(), "/efrikortService/RegisterTransaction/3/rivtabp21", request));
                        latenciesMicros.add((System.nanoTime() - t) / 1000);
                    }
                    return mine;
                }));
            }
            began = System.nanoTime();
            start.countDown();
            for (Future<List<SoapHttp.Answer>> f : clients) answers.addAll(f.get(120, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        int fees = CLIENTS * FEES_PER_CLIENT;
        assertThat(answers).hasSize(fees).allSatisfy(a -> {
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.resultCode()).as(a.body()).isEqualTo("OK");
        });
        List<String> transactionIds = answers.stream().map(a -> SoapHttp.values(a.body(), "transactionId").get(0)).toList();
        assertThat(transactionIds).doesNotHaveDuplicates();
        assertThat(answers).extracting(a -> SoapHttp.values(a.body(), "cardSystemId").get(0)).as("one card for all")
                .containsOnly(SoapHttp.values(answers.get(0).body(), "cardSystemId").get(0));

        SoapHttp.Answer card = SoapHttp.post(simulator.baseUrl(), "/efrikortService/GetExtendedCardForPerson/3/rivtabp21",
                SoapRequests.efrikort("GetExtendedCardForPerson").with("personId", PATIENT).xml());
        BigDecimal total = FEE.multiply(BigDecimal.valueOf(fees));
        int feesToCeiling = CEILING.divide(FEE).intValueExact();
        assertThat(SoapHttp.values(card.body(), "transactionId")).containsExactlyInAnyOrderElementsOf(transactionIds);
        assertThat(new BigDecimal(SoapHttp.values(card.body(), "currentAmount").get(0))).isEqualByComparingTo(total);
        assertThat(new BigDecimal(SoapHttp.values(card.body(), "amountToLimit").get(0)))
                .isEqualByComparingTo(CEILING.subtract(total));
        assertThat(SoapHttp.values(card.body(), "status")).as("card status").contains("PRELIMINARY");
        List<String> exports = SoapHttp.values(card.body(), "exportType");
        assertThat(exports).filteredOn("CARD"::equals).as("free cards issued: the ceiling crossed once").hasSize(1);
        assertThat(exports).filteredOn("OVERCHARGED"::equals).as("every fee after the %dth is an overcharge", feesToCeiling)
                .hasSize(fees - feesToCeiling);

        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        System.out.printf("ConcurrentFeesTest[%s]: %d clients × %d fees of %s SEK on one card in %d ms: all OK, sum %s,"
                        + " 1 free card, %d overcharges; latency p50 %.1f ms, max %.1f ms%n",
                engine, CLIENTS, FEES_PER_CLIENT, FEE, wallMillis, total.toPlainString(), fees - feesToCeiling,
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
    }
}
