package se.conformance.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.control.ControlApi;
import se.conformance.simulator.control.ControlTokens;
import se.conformance.simulator.control.IntygControl;
import se.conformance.simulator.efrikort.EfrikortService;
import se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed;
import se.conformance.simulator.efrikort.soap.EfrikortSoapAdapter;
import se.conformance.simulator.evidence.EvidenceSigner;
import se.conformance.simulator.evidence.OperatorKey;
import se.conformance.simulator.fault.FaultRules;
import se.conformance.simulator.intyg.ErrorId;
import se.conformance.simulator.intyg.IntygService;
import se.conformance.simulator.intyg.Outcome;
import se.conformance.simulator.intyg.rules.CertificateTypeRules;
import se.conformance.simulator.intyg.seed.JdbcIntygSeed;
import se.conformance.simulator.intyg.notification.HttpRecipientGateway;
import se.conformance.simulator.intyg.notification.NotificationDelivery;
import se.conformance.simulator.intyg.soap.IntygSoapAdapter;
import se.conformance.simulator.intyg.store.NotificationEndpoints;
import se.conformance.simulator.intyg.store.NotificationOutbox;
import se.conformance.simulator.intyg.store.RecipientInbox;
import se.conformance.simulator.journal.Journal;
import se.conformance.simulator.journal.JournalRecorder;
import se.conformance.simulator.pki.TlsSettings;
import se.conformance.simulator.soap.ServiceAdapter;
import se.conformance.simulator.soap.SoapDispatcher;
import se.conformance.simulator.soap.SoapOperation;
import se.conformance.simulator.store.Database;
import se.conformance.simulator.transport.GuardedJettyServerFactory;
import se.conformance.simulator.transport.RequestLimits;

/**
 * The reference simulator, in-process or standalone: one WireMock server on one port that
 * answers the national services' SOAP contracts and the JSON control API, one clock, one store,
 * one journal.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.builder().withPort(0).withInMemoryDatabase("test").start()) {
 *     String endpoint = sim.baseUrl() + "/efrikortService/GetCardForPerson/3/rivtabp21";
 *     ...
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {

    /** Reference answers come from the dispatcher at this priority; fault rules (priority 1) win over them. */
    private static final int REFERENCE_PRIORITY = 10;

    private final WireMockServer server;
    private final Database database;
    private final SimulatedClock clock;
    private final ControlApi control;
    private final Journal journal;
    private NotificationDelivery notifications;
    private final boolean ownsDatabase;
    private final OperatorKey operatorKey;
    private final boolean tls;

    private Simulator(Builder b) {
        this.clock = b.clock;
        this.tls = b.tls != null;
        // the operator's evidence-signing key: given, kept in the data directory, or made for this start;
        // made or read (BouncyCastle, ~0.3 s on a first start) while the store is opened, not before it
        CompletableFuture<OperatorKey> keyAhead = b.operatorKey != null ? CompletableFuture.completedFuture(b.operatorKey)
                : CompletableFuture.supplyAsync(() -> b.operatorKeyFile != null
                        ? OperatorKey.loadOrCreate(b.operatorKeyFile, b.operatorKeyPassword)
                        : b.dataDir != null ? OperatorKey.loadOrCreate(b.dataDir.resolve(OperatorKey.FILE_NAME),
                                OperatorKey.DEFAULT_PASSWORD.toCharArray())
                        : OperatorKey.generate());
        this.ownsDatabase = b.database == null;
        this.database = b.database != null ? b.database
                : b.dataDir != null ? Database.embedded(b.dataDir) : Database.inMemory(b.inMemoryName);
        try {
            JdbcEfrikortSeed seed = new JdbcEfrikortSeed(database);
            if (seed.regions().isEmpty()) seed.resetToDefault(); // a new store starts from the documented seed
            JdbcIntygSeed intygSeed = new JdbcIntygSeed(database);
            intygSeed.loadDefaultIfEmpty();
            this.journal = new Journal(database);
            IntygService intyg = new IntygService(database, clock, new HttpRecipientGateway(database, clock, journal));
            this.notifications = new NotificationDelivery(database, clock, journal);
            IntygSoapAdapter intygAdapter = new IntygSoapAdapter(intyg, CertificateTypeRules.lazilyOnClasspath());
            List<ServiceAdapter> adapters = List.of(new EfrikortSoapAdapter(new EfrikortService(database, clock)),
                    intygAdapter);

            Map<String, SoapOperation> operations = new LinkedHashMap<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (ServiceAdapter a : adapters) {
                for (SoapOperation op : a.operations()) {
                    operations.put(op.service() + "/" + op.name(), op);
                    counts.merge(op.service(), 1, Integer::sum);
                }
            }
            FaultRules faults = new FaultRules(operations, Map.of("efrikort", EfrikortSoapAdapter.PATH_PATTERN,
                    "intyg", IntygSoapAdapter.PATH_PATTERN), b.acceptsDeclaredCaller());
            this.control = new ControlApi(clock, seed, intygSeed, faults, journal, database, counts,
                    new IntygControl(intyg, intygSeed, new NotificationEndpoints(database, clock),
                            new NotificationOutbox(database), new RecipientInbox(database),
                            (id, hsaId, answers) -> intyg.certificate(id)
                                    .map(draft -> intygAdapter.signDraft(draft, clock.localNow(), answers, hsaId))
                                    .orElseGet(() -> Outcome.error(ErrorId.VALIDATION_ERROR, "Utkast " + id + " finns inte")),
                            notifications::deliverDue),
                    new EvidenceSigner(keyAhead::join), b.controlTokens);

            WireMockConfiguration config = options()
                    .port(b.port)
                    .bindAddress(b.bindAddress)
                    .disableRequestJournal() // our journal is the record; WireMock's in-memory one would only grow
                    .stubRequestLoggingDisabled(true) // a log line per request that nobody reads
                    .containerThreads(Math.max(b.threads, 8))
                    .jettyAcceptors(1)
                    // body, header and time limits; the caller-identity gate; our TLS context
                    .httpServerFactory(new GuardedJettyServerFactory(b.limits, b.tls))
                    .adminAuthenticator(request -> false) // WireMock's HTTP admin API (/__admin) is not ours to offer
                    .extensions(new SoapDispatcher(adapters, faults, b.acceptsDeclaredCaller()), control, faults.matcher(),
                            new JournalRecorder(journal, clock));
            if (b.tls != null) {
                // HTTPS only: a plain port next to it would be a way round the client certificates
                config.httpDisabled(true).httpsPort(b.port);
            }
            this.operatorKey = ready(keyAhead); // a bad key file stops the start, as the store would
            this.server = new WireMockServer(config);
            faults.attach(server);
            server.stubFor(any(urlPathMatching(EfrikortSoapAdapter.PATH_PATTERN)).atPriority(REFERENCE_PRIORITY)
                    .willReturn(aResponse().withTransformers(SoapDispatcher.NAME)));
            server.stubFor(any(urlPathMatching(IntygSoapAdapter.PATH_PATTERN)).atPriority(REFERENCE_PRIORITY)
                    .willReturn(aResponse().withTransformers(SoapDispatcher.NAME)));
            server.stubFor(any(urlPathMatching("/control/.*")).atPriority(REFERENCE_PRIORITY)
                    .willReturn(aResponse().withTransformers(ControlApi.NAME)));
            server.start();
            notifications.start();
            clock.onChange(notifications::wake);
        } catch (RuntimeException e) {
            if (notifications != null) notifications.close();
            if (ownsDatabase) database.close();
            throw e;
        }
    }

    private static OperatorKey ready(CompletableFuture<OperatorKey> key) {
        try {
            return key.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent configuration of a simulator; {@link #start()} builds and starts it. */
    public static final class Builder {
        private int port = 0;
        private String bindAddress = "127.0.0.1";
        private Path dataDir;
        private String inMemoryName = "simulator";
        private Database database;
        private SimulatedClock clock = new SimulatedClock();
        private int threads = 32;
        private boolean declaredCallerIdentity = true;
        private ControlTokens controlTokens;
        private RequestLimits limits = RequestLimits.DEFAULT;
        private OperatorKey operatorKey;
        private Path operatorKeyFile;
        private char[] operatorKeyPassword;
        private TlsSettings tls;

        /** Port to listen on; 0 picks a free one. */
        public Builder withPort(int port) {
            this.port = port;
            return this;
        }

        public Builder withBindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress);
            return this;
        }

        /** The embedded database in {@code dataDir}: state survives a restart. */
        public Builder withDataDirectory(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** A private in-memory database, gone when the simulator stops. */
        public Builder withInMemoryDatabase(String name) {
            this.inMemoryName = name;
            this.dataDir = null;
            return this;
        }

        /** A database opened by the caller (e.g. PostgreSQL); the caller closes it. */
        public Builder withDatabase(Database database) {
            this.database = database;
            return this;
        }

        public Builder withClock(SimulatedClock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * The operator's key evidence is signed with. Default: kept in the data directory
         * ({@value OperatorKey#FILE_NAME}, made on the first start), or made for this start.
         */
        public Builder withOperatorKey(OperatorKey key) {
            this.operatorKey = Objects.requireNonNull(key);
            return this;
        }

        /**
         * The operator's key kept in {@code file}, made there on the first start; read or made while the
         * store is opened. A file that cannot be read stops {@link #start()} with an
         * {@link IllegalArgumentException} naming it.
         */
        public Builder withOperatorKeyFile(Path file, char[] password) {
            this.operatorKeyFile = Objects.requireNonNull(file);
            this.operatorKeyPassword = Objects.requireNonNull(password).clone();
            return this;
        }

        /** Request threads of the HTTP engine. */
        public Builder withThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Whether the RIV-TA header {@code x-rivta-original-serviceconsumer-hsaid} may name the calling system
         * when no client certificate does ({@link se.conformance.simulator.caller.CallerIdentity}). True (the
         * default) for the quickstart; false in shared mode, where only a verified certificate names a caller.
         */
        public Builder withDeclaredCallerIdentity(boolean accept) {
            this.declaredCallerIdentity = accept;
            return this;
        }

        /**
         * Shared mode's control API: every {@code /control} request then needs {@code Authorization: Bearer
         * <token>}; a tenant's token sees only its own journal, fault rules and seed data, and may not reset or
         * move the clock. Null (the default): no tokens, the control API is open (the quickstart).
         */
        public Builder withControlTokens(ControlTokens tokens) {
            this.controlTokens = tokens;
            return this;
        }

        /** Body size, header size and time limits of a request (default {@link RequestLimits#DEFAULT}). */
        public Builder withRequestLimits(RequestLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /**
         * HTTPS instead of HTTP on the same port, with the server key store and, for shared mode,
         * the trust store and {@link TlsSettings#requireClientCertificate(boolean)}; docs/trust-tls.md.
         */
        public Builder withTls(TlsSettings tls) {
            this.tls = Objects.requireNonNull(tls);
            return this;
        }

        /** Shared mode (client certificates required) never lets a header name the caller. */
        boolean acceptsDeclaredCaller() {
            return declaredCallerIdentity && (tls == null || !tls.clientCertificateRequired());
        }

        public Simulator start() {
            return new Simulator(this);
        }
    }

    public int port() {
        return tls ? server.httpsPort() : server.port();
    }

    /** Served over HTTPS ({@link Builder#withTls}). */
    public boolean tls() {
        return tls;
    }

    /** {@code http://127.0.0.1:<port>}, or {@code https://…} with TLS */
    public String baseUrl() {
        return (tls ? "https://" : "http://") + (server.getOptions().bindAddress().equals("0.0.0.0") ? "127.0.0.1"
                : server.getOptions().bindAddress()) + ":" + port();
    }

    public SimulatedClock clock() {
        return clock;
    }

    public Journal journal() {
        return journal;
    }

    public Database database() {
        return database;
    }

    /** The key the simulator signs evidence with ({@code POST /control/evidence/signature}). */
    public OperatorKey operatorKey() {
        return operatorKey;
    }

    /** The same as {@code POST /control/reset}. */
    public void reset() {
        control.reset();
    }

    @Override
    public void close() {
        notifications.close();
        server.stop();
        journal.close();
        if (ownsDatabase) database.close();
    }
}
