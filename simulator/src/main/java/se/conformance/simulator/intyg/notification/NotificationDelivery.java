package se.conformance.simulator.intyg.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.intyg.store.CertificateRepository;
import se.conformance.simulator.intyg.store.CertificateRow;
import se.conformance.simulator.intyg.store.NotificationEndpoints;
import se.conformance.simulator.intyg.store.NotificationOutbox;
import se.conformance.simulator.intyg.store.NotificationOutbox.Notification;
import se.conformance.simulator.journal.Journal;
import se.conformance.simulator.journal.TraceIds;
import se.conformance.simulator.store.Database;

/**
 * Webcert's notification sender: delivers the outbox's CertificateStatusUpdateForCare notifications to
 * the endpoint each care unit's journal system registered ({@link NotificationEndpoints}), one SOAP call
 * per delivery, addressed to the unit, and decides after each delivery as Webcert does (intyg.md §8):
 *
 * <table>
 *   <caption>What follows a delivery</caption>
 *   <tr><th>answer</th><th>notification</th></tr>
 *   <tr><td>OK, INFO</td><td>delivered (an INFO text is kept in the journal)</td></tr>
 *   <tr><td>ERROR with errorId TECHNICAL_ERROR</td><td>resent on the schedule</td></tr>
 *   <tr><td>ERROR with any other or no errorId</td><td>failed, not resent</td></tr>
 *   <tr><td>SOAP fault with "Marshalling Error" or "Unmarshalling Error"</td><td>failed, not resent</td></tr>
 *   <tr><td>any other SOAP fault, timeout, no connection, HTTP error status</td><td>resent on the schedule</td></tr>
 *   <tr><td>a 2xx answer that is not a valid CertificateStatusUpdateForCareResponse</td><td>failed, not resent
 *       (Webcert's client cannot unmarshal it; resending the same call cannot cure the vendor's answer)</td></tr>
 *   <tr><td>our own request does not validate (never sent)</td><td>failed</td></tr>
 * </table>
 *
 * <p>Resends follow the {@link RedeliverySchedule} on the simulated clock, counted from the failed
 * delivery; after the schedule's last allowed delivery the notification has failed. Moving the clock past
 * several waits makes a notification due once, not once per skipped wait.
 *
 * <p>Guarantees: every delivery is one journal entry (direction OUTBOUND), written before the outcome is
 * recorded on the notification; a notification whose outcome could not be recorded is left alone for a
 * minute of real time rather than called again at every look. A unit's notifications go out one at a time, oldest event
 * first, so the first deliveries of one certificate's events are in the order of the events (a resend may
 * come after later events: ordering is not guaranteed to journal systems either). Units are served in
 * parallel, up to {@link DeliverySettings#threads()} at once, so a slow endpoint holds up only its own
 * unit. A notification of a unit without a registered endpoint is not attempted: it stays due and goes
 * out once an endpoint is registered. Assumes one sender per database.
 *
 * <p>{@link #start()} runs a background worker that looks for due notifications every
 * {@link DeliverySettings#pollInterval()} and at once after {@link #wake()}; {@link #deliverDue()} delivers
 * what is due synchronously, with or without the worker.
 */
public final class NotificationDelivery implements AutoCloseable {

    /** What follows a delivery. */
    enum Verdict { DELIVERED, RESEND, FAILED }

    private static final System.Logger LOG = System.getLogger(NotificationDelivery.class.getName());
    private static final int LANE_BATCH = 50;
    private static final int MAX_ROUNDS = 10;
    /** Real time a notification whose outcome could not be recorded is left alone. */
    private static final Duration QUARANTINE = Duration.ofMinutes(1);

    private final Database db;
    private final SimulatedClock clock;
    private final CertificateRepository certificates = new CertificateRepository();
    private final NotificationOutbox outbox;
    private final NotificationEndpoints endpoints;
    private final DueNotifications due;
    private final OutboundJournal journal;
    private final SoapClient client;
    private final DeliverySettings settings;
    private final ExecutorService executor;
    private final Map<String, CompletableFuture<Void>> lanes = new ConcurrentHashMap<>();
    private final Map<String, Long> quarantine = new ConcurrentHashMap<>();
    private final AtomicInteger deliveries = new AtomicInteger(); // recorded outcomes
    private final Object signal = new Object();
    private boolean woken; // guarded by signal
    private volatile boolean closed;
    private Thread worker;

    public NotificationDelivery(Database db, SimulatedClock clock, Journal journal, NotificationOutbox outbox,
            NotificationEndpoints endpoints, DeliverySettings settings) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.due = new DueNotifications(db, outbox);
        this.journal = new OutboundJournal(journal);
        this.client = new SoapClient(settings);
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "notification-delivery-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** With {@link DeliverySettings#defaults()} and the outbox and endpoints of {@code db}. */
    public NotificationDelivery(Database db, SimulatedClock clock, Journal journal) {
        this(db, clock, journal, new NotificationOutbox(db), new NotificationEndpoints(db, clock),
                DeliverySettings.defaults());
    }

    /** Starts the background worker. */
    public synchronized void start() {
        if (closed) throw new IllegalStateException("notification delivery is closed");
        if (worker != null) throw new IllegalStateException("notification delivery is already started");
        worker = new Thread(this::work, "notification-dispatcher");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Makes the worker look for due notifications now: after an event was written, the clock moved or an
     * endpoint was registered.
     */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * Delivers every notification that is due on the simulated clock now, and returns when they have been
     * delivered (or resent, or failed) — also those the worker had started. Events written meanwhile are
     * included.
     *
     * @return the number of deliveries made (and recorded) by this call and by the worker meanwhile
     */
    public int deliverDue() {
        if (closed) throw new IllegalStateException("notification delivery is closed");
        int before = deliveries.get();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int atStart = deliveries.get();
            dispatch();
            awaitIdle();
            if (deliveries.get() == atStart || due.unitsWithDue(clock.now()).isEmpty()) break;
        }
        return deliveries.get() - before;
    }

    /** Stops the worker and the deliveries; a call under way ends within the timeouts, its notification stays due. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) return;
            closed = true;
            running = worker;
        }
        wake();
        long grace = settings.connectTimeout().plus(settings.readTimeout()).plusSeconds(1).toMillis();
        executor.shutdown();
        try {
            if (running != null) running.join(grace);
            if (!executor.awaitTermination(grace, TimeUnit.MILLISECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        while (!closed) {
            try {
                dispatch();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "looking for due notifications failed", e);
            }
            synchronized (signal) {
                try {
                    if (!woken && !closed) signal.wait(settings.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                woken = false;
            }
        }
    }

    /** Starts a lane for every unit with due notifications that has none running. */
    private void dispatch() {
        for (String unit : due.unitsWithDue(clock.now())) {
            if (closed) return;
            CompletableFuture<Void> lane = new CompletableFuture<>();
            if (lanes.putIfAbsent(unit, lane) != null) continue;
            try {
                executor.execute(() -> {
                    try {
                        serve(unit);
                    } catch (CancellationException e) {
                        // stopping
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "delivering notifications of unit " + unit + " failed", e);
                    } finally {
                        lanes.remove(unit, lane);
                        lane.complete(null);
                        wake(); // events of this unit written while it ran wait for no poll
                    }
                });
            } catch (RejectedExecutionException e) {
                lanes.remove(unit, lane);
                lane.complete(null);
            }
        }
    }

    private void awaitIdle() {
        while (!lanes.isEmpty()) {
            for (CompletableFuture<Void> lane : List.copyOf(lanes.values())) lane.join();
        }
    }

    /** One unit's due notifications, one at a time in event order, until none is due. */
    private void serve(String unit) {
        Set<String> tried = new HashSet<>();
        while (!closed) {
            List<Notification> batch = due.dueFor(unit, clock.now(), LANE_BATCH);
            batch.removeIf(n -> tried.contains(n.eventId()) || quarantined(n.eventId()));
            if (batch.isEmpty()) return;
            for (Notification n : batch) {
                if (closed) return;
                tried.add(n.eventId());
                deliver(n);
            }
        }
    }

    private void deliver(Notification n) {
        Optional<String> url = endpoints.find(n.unitId());
        if (url.isEmpty()) return; // the endpoint was removed meanwhile: the notification waits for a new one
        int delivery = n.attempts() + 1;
        Instant at = clock.now();
        Instant wall = Instant.now();
        String traceId = TraceIds.next();
        CertificateRow certificate = db.inTransaction(c -> certificates.find(c, n.certificateId())).orElse(null);
        OutboundRequest request = StatusUpdateRequest.build(n, certificate == null ? null : certificate.typeVersion(),
                certificate == null ? null : certificate.careProviderId());
        SoapClient.Response response = request.sendable() ? client.call(url.get(), request, traceId)
                : OutboundJournal.notSent(request);
        Reply reply = response.reply();
        Verdict verdict = verdict(reply);
        RedeliverySchedule schedule = settings.schedule();
        Optional<Duration> wait = verdict == Verdict.RESEND ? schedule.waitAfter(delivery) : Optional.empty();
        String next = switch (verdict) {
            case DELIVERED -> "delivered";
            case FAILED -> "failed, not resent";
            case RESEND -> wait.map(w -> "resend at " + at.plus(w) + " (after " + w + ")").orElse("failed: "
                    + schedule.maxDeliveries() + " deliveries made, the most the schedule allows");
        };
        String answer = reply.contractAnswer() ? ": " + reply.summary() : "";
        journal.record(traceId, request, at, wall, response, "attempt " + delivery + " of " + schedule.maxDeliveries()
                + " to " + url.get() + answer + "; " + next);
        String outcome = reply.resultCode() + (reply.text() == null || reply.text().isEmpty() ? "" : " " + reply.text())
                + "; " + next;
        try {
            if (verdict == Verdict.DELIVERED) outbox.markDelivered(n.eventId(), at, outcome);
            else if (wait.isPresent()) outbox.markAttempt(n.eventId(), at, outcome, at.plus(wait.get()));
            else outbox.markFailed(n.eventId(), at, outcome);
        } catch (RuntimeException e) {
            // still due in the store: without a pause the worker would call the vendor again at every look
            quarantine.put(n.eventId(), System.nanoTime() + QUARANTINE.toNanos());
            LOG.log(System.Logger.Level.ERROR, "the outcome of notification " + n.eventId() + " could not be recorded; "
                    + "not delivered again for " + QUARANTINE, e);
            return;
        }
        deliveries.incrementAndGet();
    }

    private boolean quarantined(String eventId) {
        Long until = quarantine.get(eventId);
        if (until == null) return false;
        if (System.nanoTime() - until < 0) return true;
        quarantine.remove(eventId, until);
        return false;
    }

    /** Webcert's decision after one delivery (intyg.md §8), before the schedule is consulted. */
    static Verdict verdict(Reply reply) {
        return switch (reply.kind()) {
            case OK, INFO -> Verdict.DELIVERED;
            case ERROR -> "TECHNICAL_ERROR".equals(reply.errorId()) ? Verdict.RESEND : Verdict.FAILED;
            case SOAP_FAULT -> reply.marshallingFault() ? Verdict.FAILED : Verdict.RESEND;
            case TIMEOUT, CONNECTION_ERROR, HTTP_ERROR -> Verdict.RESEND;
            case INVALID_RESPONSE, NOT_SENT -> Verdict.FAILED;
        };
    }
}
