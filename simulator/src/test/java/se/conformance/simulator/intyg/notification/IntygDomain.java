package se.conformance.simulator.intyg.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.intyg.notification.IntygFixtures.DOCTOR;
import static se.conformance.simulator.intyg.notification.IntygFixtures.PROVIDER;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.intyg.IntygCommands;
import se.conformance.simulator.intyg.IntygCommands.IntygId;
import se.conformance.simulator.intyg.IntygService;
import se.conformance.simulator.intyg.Outcome;
import se.conformance.simulator.intyg.RecipientGateway;
import se.conformance.simulator.intyg.ResultCode;
import se.conformance.simulator.intyg.seed.JdbcIntygSeed;
import se.conformance.simulator.intyg.store.InboxRecipientGateway;
import se.conformance.simulator.intyg.store.NotificationEndpoints;
import se.conformance.simulator.intyg.store.NotificationOutbox;
import se.conformance.simulator.intyg.store.NotificationOutbox.Notification;
import se.conformance.simulator.intyg.store.RecipientInbox;
import se.conformance.simulator.journal.Journal;
import se.conformance.simulator.journal.JournalEntry;
import se.conformance.simulator.journal.JournalQuery;
import se.conformance.simulator.store.Database;
import se.conformance.simulator.support.TestDatabase;

/**
 * The intyg domain on a private database (H2 in-memory, or a fresh PostgreSQL schema when
 * {@code SIM_TEST_PG_URL} is set), for real events: the default seed, the clock
 * stopped at 2025-03-10 08:00 Swedish time, the journal empty. Drafts are created by Ajla Doktor, who
 * holds medarbetaruppdrag on both units of the default care provider; creating one makes its unit
 * integrated for LISJP.
 */
final class IntygDomain implements AutoCloseable {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    static final String TOLVAN = JdbcIntygSeed.TOLVAN;

    private final TestDatabase database;
    final Database db;
    final SimulatedClock clock = new SimulatedClock();
    final JdbcIntygSeed seed;
    final Journal journal;
    final NotificationOutbox outbox;
    final NotificationEndpoints endpoints;
    final RecipientInbox inbox;
    final IntygService service;

    /** With the simulated recipients. */
    IntygDomain(TestDatabase.Engine engine) {
        this(engine, domain -> new InboxRecipientGateway(domain.inbox, domain.clock));
    }

    IntygDomain(TestDatabase.Engine engine, Function<IntygDomain, RecipientGateway> gateway) {
        this.database = TestDatabase.open(engine, "notification");
        this.db = database.database();
        this.seed = new JdbcIntygSeed(db);
        this.journal = new Journal(db);
        this.outbox = new NotificationOutbox(db);
        this.endpoints = new NotificationEndpoints(db, clock);
        this.inbox = new RecipientInbox(db);
        this.service = new IntygService(db, clock, gateway.apply(this));
    }

    /** The default seed, the clock at 08:00 today, an empty journal. */
    void reset() {
        seed.resetToDefault();
        journal.clear();
        clock.setDate(TODAY);
    }

    /** A LISJP draft for Tolvan on {@code unit} (SKAPAT); its id. */
    String createDraft(String unit) {
        Outcome<IntygId> created = service.createDraftCertificate(new IntygCommands.CreateDraftCertificate("LISJP",
                new IntygCommands.Patient(TOLVAN, List.of("Tolvan"), null, "Tolvansson"), DOCTOR, "Ajla Doktor", unit,
                "Testvårdenhet NMT", "journal-ref-1", IntygFixtures.draft()));
        ok(created);
        return created.value().extension();
    }

    /** Signs draft {@code id} (SIGNAT) with the signed certificate's XML. */
    void sign(String id, String unit) {
        ok(service.signDraft(new IntygCommands.SignDraft(registration(id, unit, null), DOCTOR)));
    }

    static IntygCommands.RegisterCertificate registration(String id, String unit, IntygCommands.MessageRef svarPa) {
        return new IntygCommands.RegisterCertificate(new IntygId(unit, id), "LISJP", "1.3", TOLVAN, unit, PROVIDER,
                DOCTOR, "Ajla Doktor", LocalDateTime.of(2025, 3, 10, 7, 30), null, svarPa,
                List.of(new IntygCommands.SickLeavePeriod("HELT_NEDSATT", LocalDate.of(2025, 3, 1),
                        LocalDate.of(2025, 3, 14))), "J20", IntygFixtures.signed(id, unit));
    }

    /** Försäkringskassan asks for a complement (NYFRFM with KOMPLT, answer by 24 March). */
    void complementRequest(String id) {
        ok(service.recipientSendsMessage(new IntygCommands.RecipientMessage(id, JdbcIntygSeed.FKASSA, "KOMPLT",
                "Komplettering", "Ange grund för medicinskt underlag", null, null,
                List.of(new IntygCommands.Complement("1", 1, "Saknas")), LocalDate.of(2025, 3, 24))));
    }

    Notification only(String certificateId) {
        List<Notification> all = outbox.forCertificate(certificateId);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    List<JournalEntry> journal(String operation) {
        return journal.find(new JournalQuery(null, "intyg", operation, null, null, null, null, null, null, null,
                JournalQuery.MAX_LIMIT));
    }

    static void ok(Outcome<?> outcome) {
        assertThat(outcome.resultCode()).as("%s %s", outcome.kind(), outcome.resultText()).isEqualTo(ResultCode.OK);
    }

    /** Waits (in real time, at most {@code max}) until {@code condition} holds. */
    static void eventually(Duration max, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
