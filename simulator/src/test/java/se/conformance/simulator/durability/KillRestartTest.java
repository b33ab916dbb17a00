package se.conformance.simulator.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.conformance.simulator.intyg.soap.IntygRequest;
import se.conformance.simulator.support.SoapRequests;
import se.conformance.simulator.support.TestDatabase;

/**
 * Nothing answered is lost: the simulator runs as its own process under a load of e-frikort
 * RegisterTransaction and Intygstjänsten RegisterCertificate calls from several clients, is killed
 * with SIGKILL in the middle of it, and is started again on the same store. Every call that was
 * answered OK must then be there exactly once; a call that had no answer yet (in flight at the
 * kill) may be there once or not at all, never twice. The journal's hash chain must verify too.
 * On the embedded H2 file database and on PostgreSQL ({@code SIM_TEST_PG_URL}, skipped visibly without).
 */
class KillRestartTest {

    private static final int CLIENTS = 8;
    /** The kill comes after this many OK answers, while the clients keep sending. */
    private static final int KILL_AFTER_OK = 400;
    private static final int PERSONS = 16;
    private static final String STOCKHOLM = "SE2321000016-39KJ";
    private static final String UNIT = "TSTNMT2321000156-1077";
    private static final String TOLVAN = IntygRequest.EXAMPLE_PATIENT;

    @TempDir
    Path dir;

    @Test
    void embeddedH2FileDatabase() throws Exception {
        Path data = dir.resolve("data");
        killAndRestart("H2", List.of("--data", data.toString()));
    }

    @Test
    void postgresql() throws Exception {
        String url = System.getenv(TestDatabase.PG_URL_VARIABLE);
        assumeTrue(url != null && !url.isBlank(), TestDatabase.PG_URL_VARIABLE + " not set: PostgreSQL variant skipped");
        String schema = "kill_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(url, "CREATE SCHEMA " + schema);
        try {
            killAndRestart("PostgreSQL", List.of("--db-url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema));
        } finally {
            execute(url, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** What the clients saw. */
    private static final class Load {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger answeredOk = new AtomicInteger();
        final AtomicInteger answeredOther = new AtomicInteger();
        final List<String> otherAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** transactionId → person, for every RegisterTransaction answered OK. */
        final Map<String, String> okTransactions = new ConcurrentHashMap<>();
        /** person → RegisterTransaction calls without an answer. */
        final Map<String, AtomicInteger> unansweredTransactions = new ConcurrentHashMap<>();
        final Set<String> okCertificates = ConcurrentHashMap.newKeySet();
        final Set<String> unansweredCertificates = ConcurrentHashMap.newKeySet();
        final Set<String> okTraceIds = ConcurrentHashMap.newKeySet();
        final AtomicBoolean killing = new AtomicBoolean();

        int unanswered() {
            return unansweredCertificates.size()
                    + unansweredTransactions.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    private void killAndRestart(String store, List<String> storeArgs) throws Exception {
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < PERSONS; i++) persons.add(SoapHttp.personnummer("1980010" + (1 + i % 9) + String.format("%03d", 100 + i)));
        Load load = new Load();

        SimulatorProcess first = SimulatorProcess.start(storeArgs, dir.resolve("first.log"));
        long killedAt;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    send(first.baseUrl(), client, persons, load);
                    return null;
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (load.answeredOk.get() < KILL_AFTER_OK && System.nanoTime() < deadline) Thread.sleep(5);
            load.killing.set(true);
            killedAt = System.nanoTime();
            first.kill();
            for (Future<?> f : running) f.get(60, TimeUnit.SECONDS);
        } finally {
            clients.shutdownNow();
            first.kill();
        }
        assertThat(load.answeredOk.get()).as("OK answers before the kill").isGreaterThanOrEqualTo(KILL_AFTER_OK);
        assertThat(load.otherAnswers).as("answers other than OK before the kill").isEmpty();

        try (SimulatorProcess second = SimulatorProcess.start(storeArgs, dir.resolve("second.log"))) {
            long restartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);

            // e-frikort: every fee on every person's card, by transaction id
            Map<String, Integer> foundTransactions = new HashMap<>();
            int extraTransactions = 0;
            for (String person : persons) {
                SoapHttp.Answer a = SoapHttp.post(second.baseUrl(), "/efrikortService/GetExtendedCardForPerson/3/rivtabp21",
                        SoapRequests.efrikort("GetExtendedCardForPerson").with("personId", person).xml());
                List<String> ids = SoapHttp.values(a.body(), "transactionId");
                int answered = 0;
                for (String id : ids) {
                    foundTransactions.merge(id, 1, Integer::sum);
                    if (person.equals(load.okTransactions.get(id))) answered++;
                }
                int extra = ids.size() - answered;
                int unanswered = load.unansweredTransactions.getOrDefault(person, new AtomicInteger()).get();
                assertThat(extra).as("fees of %s stored without an OK answer (%d calls were unanswered)", person, unanswered)
                        .isLessThanOrEqualTo(unanswered);
                extraTransactions += extra;
            }
            List<String> lostTransactions = load.okTransactions.keySet().stream()
                    .filter(id -> !foundTransactions.containsKey(id)).sorted().toList();
            long duplicateTransactions = foundTransactions.values().stream().filter(n -> n > 1).count();

            // Intygstjänsten: every certificate of the patient on the unit
            SoapHttp.Answer list = SoapHttp.post(second.baseUrl(),
                    "/clinicalprocess/healthcond/certificate/ListCertificatesForCare/3/rivtabp21",
                    IntygRequest.example("ListCertificatesForCare").xml());
            assertThat(list.status()).isEqualTo(200);
            Map<String, Integer> foundCertificates = new HashMap<>();
            for (String id : SoapHttp.values(list.body(), "extension")) {
                if (load.okCertificates.contains(id) || load.unansweredCertificates.contains(id)) {
                    foundCertificates.merge(id, 1, Integer::sum);
                }
            }
            List<String> lostCertificates = load.okCertificates.stream()
                    .filter(id -> !foundCertificates.containsKey(id)).sorted().toList();
            long duplicateCertificates = foundCertificates.values().stream().filter(n -> n > 1).count();
            long extraCertificates = foundCertificates.keySet().stream().filter(load.unansweredCertificates::contains).count();

            // the journal: hash chain intact after the crash; how many answered exchanges it holds
            SoapHttp.Answer verify = SoapHttp.get(second.baseUrl(), "/control/journal/verify");
            int journalled = journalledTraces(second.baseUrl(), load.okTraceIds);

            System.out.printf("KillRestartTest[%s]: sent %d, answered OK %d (fees %d, certificates %d), answered otherwise %d,"
                            + " in flight at the kill %d; after restart (%d ms after the kill): fees found %d of %d answered"
                            + " (+%d unanswered ones stored), certificates found %d of %d answered (+%d unanswered ones stored),"
                            + " lost %d, duplicates %d; journal holds %d of %d answered exchanges; verify: %s%n",
                    store, load.sent.get(), load.answeredOk.get(), load.okTransactions.size(), load.okCertificates.size(),
                    load.answeredOther.get(), load.unanswered(), restartMillis,
                    load.okTransactions.size() - lostTransactions.size(), load.okTransactions.size(), extraTransactions,
                    load.okCertificates.size() - lostCertificates.size(), load.okCertificates.size(), extraCertificates,
                    lostTransactions.size() + lostCertificates.size(), duplicateTransactions + duplicateCertificates,
                    journalled, load.okTraceIds.size(), verify.body().replaceAll("\\s+", " "));

            assertThat(lostTransactions).as("fees answered OK but missing after the restart").isEmpty();
            assertThat(lostCertificates).as("certificates answered OK but missing after the restart").isEmpty();
            assertThat(duplicateTransactions + duplicateCertificates).as("calls stored twice").isZero();
            assertThat(extraCertificates).isLessThanOrEqualTo(load.unansweredCertificates.size());
            assertThat(verify.status()).isEqualTo(200);
            assertThat(verify.body()).as("journal chain after the crash").contains("\"ok\" : true");
        }
    }

    /** One client: fees and certificates, alternately, until the kill; records what it was answered. */
    private static void send(String baseUrl, int client, List<String> persons, Load load) throws InterruptedException {
        for (int n = 0; !load.killing.get(); n++) {
            boolean fee = n % 2 == 0;
            String person = persons.get((client * 7 + n) % persons.size());
            String certificate = UUID.randomUUID().toString();
            String path;
            String xml;
            if (fee) {
                path = "/efrikortService/RegisterTransaction/3/rivtabp21";
                xml = SoapRequests.efrikort("RegisterTransaction").with("personId", person).with("amount", "1.0")
                        .without("transactionDate").xml();
            } else {
                path = "/clinicalprocess/healthcond/certificate/RegisterCertificate/3/rivtabp21";
                xml = IntygRequest.example("RegisterCertificate").certificate(certificate).xml();
            }
            load.sent.incrementAndGet();
            SoapHttp.Answer a;
            try {
                a = SoapHttp.post(baseUrl, path, xml);
            } catch (IOException e) {
                // no answer: in flight when the simulator died (or sent just as it died)
                if (fee) load.unansweredTransactions.computeIfAbsent(person, p -> new AtomicInteger()).incrementAndGet();
                else load.unansweredCertificates.add(certificate);
                continue;
            }
            if (a.status() == 200 && "OK".equals(a.resultCode())) {
                load.answeredOk.incrementAndGet();
                load.okTraceIds.add(a.traceId());
                if (fee) load.okTransactions.put(SoapHttp.values(a.body(), "transactionId").get(0), person);
                else load.okCertificates.add(certificate);
            } else {
                load.answeredOther.incrementAndGet();
                load.otherAnswers.add("HTTP " + a.status() + " " + a.body());
            }
        }
    }

    /** How many of {@code traceIds} the journal holds, read page by page through the control API. */
    private static int journalledTraces(String baseUrl, Set<String> traceIds) throws IOException, InterruptedException {
        int found = 0;
        long after = 0;
        while (true) {
            SoapHttp.Answer page = SoapHttp.get(baseUrl, "/control/journal?bodies=false&limit=1000&afterSeq=" + after);
            List<String> seqs = jsonValues(page.body(), "seq");
            if (seqs.isEmpty()) return found;
            for (String trace : jsonStrings(page.body(), "traceId")) if (traceIds.contains(trace)) found++;
            after = Long.parseLong(seqs.get(seqs.size() - 1));
        }
    }

    private static List<String> jsonValues(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\" : (\\d+)").matcher(json);
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static List<String> jsonStrings(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\" : \"([^\"]*)\"").matcher(json);
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
