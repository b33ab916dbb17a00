package se.conformance.vendor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import se.conformance.vendor.defect.Defect;
import se.conformance.vendor.driver.DriverHandler;
import se.conformance.vendor.efrikort.EfrikortClient;
import se.conformance.vendor.efrikort.FrikortDesk;
import se.conformance.vendor.intyg.IntygClient;
import se.conformance.vendor.intyg.JournalDesk;
import se.conformance.vendor.intyg.NotificationReceiver;
import se.conformance.vendor.soap.SoapClient;
import se.conformance.vendor.soap.Tls;

/**
 * The reference vendor: a small cash-register and journal system ("Referenskassan") that the
 * approval harness tests. One HTTP server (the JDK's) serves the test driver at {@code /driver}
 * and the journal's CertificateStatusUpdateForCare at {@code /intyg/CertificateStatusUpdateForCare};
 * the system calls e-frikort and Intygstjänster/Webcert at the simulator's URL.
 *
 * <pre>{@code
 * try (ReferenceVendor v = ReferenceVendor.builder().withPort(0).withSimulatorUrl(sim.baseUrl())
 *         .withDefect(Defect.FULL_FEE_AT_CROSSING).start()) { ... v.baseUrl() + "/driver" ... }
 * }</pre>
 */
public final class ReferenceVendor implements AutoCloseable {

    public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    public static final String NOTIFICATION_PATH = "/intyg/CertificateStatusUpdateForCare";

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final VendorState state = new VendorState();
    private final Set<Defect> defects;

    private ReferenceVendor(Builder b) throws IOException {
        this.defects = Collections.unmodifiableSet(b.defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(b.defects));
        SoapClient soap = new SoapClient(b.callTimeout, b.keyStore == null && b.trustStore == null ? null
                : Tls.context(b.keyStore, b.keyStorePassword, b.trustStore, b.trustStorePassword));
        Clock clock = b.clock;
        FrikortDesk frikort = new FrikortDesk(new EfrikortClient(soap, b.simulatorUrl), state, defects,
                () -> LocalDate.now(clock));
        JournalDesk journal = new JournalDesk(new IntygClient(soap, b.simulatorUrl), state, () -> LocalDateTime.now(clock));
        NotificationReceiver receiver = new NotificationReceiver(state, defects);

        DriverHandler driver = new DriverHandler(state::clear)
                .action("efrikort.lookup-card", frikort::lookupCard)
                .action("efrikort.register-visit", frikort::registerVisit)
                .action("efrikort.correct-fee", frikort::correctFee)
                .action("efrikort.cancel-fee", frikort::cancelFee)
                .action("efrikort.register-card", frikort::registerCard)
                .action("efrikort.update-card", frikort::updateCard)
                .action("efrikort.order-card", frikort::orderCard)
                .action("efrikort.read-consent", frikort::readConsent)
                .action("efrikort.group", frikort::group)
                .action("intyg.create-draft", journal::createDraft)
                .action("intyg.list-certificates", journal::listCertificates)
                .action("intyg.answer-question", journal::answerQuestion)
                .action("intyg.complement", journal::complement)
                .action("intyg.shown-notifications", journal::shownNotifications);

        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(b.threads, b.threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                r -> {
                    Thread t = new Thread(r, "reference-vendor-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.server = HttpServer.create(new InetSocketAddress(b.bindAddress, b.port), 64);
        server.createContext("/driver", driver);
        server.createContext(NOTIFICATION_PATH, ex -> notification(ex, receiver));
        server.createContext("/", ex -> {
            try (ex) {
                byte[] body = "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(404, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.setExecutor(executor);
    }

    private static void notification(HttpExchange ex, NotificationReceiver receiver) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("POST")) {
                byte[] body = "use POST".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(405, body.length);
                ex.getResponseBody().write(body);
                return;
            }
            byte[] request;
            try (InputStream in = ex.getRequestBody()) {
                request = in.readAllBytes();
            }
            NotificationReceiver.Reply reply = receiver.handle(request);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/xml; charset=UTF-8");
            ex.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private ReferenceVendor startServer() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String driverUrl() {
        return baseUrl() + "/driver";
    }

    public String notificationUrl() {
        return baseUrl() + NOTIFICATION_PATH;
    }

    public Set<Defect> defects() {
        return defects;
    }

    public VendorState state() {
        return state;
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    public static final class Builder {
        private int port = 9190;
        private String bindAddress = "127.0.0.1";
        private String simulatorUrl = "http://127.0.0.1:8088";
        private final Set<Defect> defects = EnumSet.noneOf(Defect.class);
        private Duration callTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.system(SWEDEN);
        private int threads = 8;
        private java.nio.file.Path keyStore;
        private String keyStorePassword;
        private java.nio.file.Path trustStore;
        private String trustStorePassword;

        private Builder() {
        }

        /**
         * The system's function certificate (PKCS#12, e.g. from {@code simulator pki issue-system}),
         * presented when the simulator asks for it (shared mode, docs/trust-tls.md).
         */
        public Builder withClientCertificate(java.nio.file.Path keyStore, String password) {
            this.keyStore = Objects.requireNonNull(keyStore);
            this.keyStorePassword = Objects.requireNonNull(password);
            return this;
        }

        /** The CA the simulator's server certificate is checked against (the test CA's truststore.p12). */
        public Builder withTrustStore(java.nio.file.Path trustStore, String password) {
            this.trustStore = Objects.requireNonNull(trustStore);
            this.trustStorePassword = Objects.requireNonNull(password);
            return this;
        }

        /** 0 = any free port. Default 9190 (the vendor profile's example). */
        public Builder withPort(int port) {
            this.port = port;
            return this;
        }

        public Builder withBindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress);
            return this;
        }

        /** Where e-frikort and Intygstjänster/Webcert are, e.g. {@code http://127.0.0.1:8088}. */
        public Builder withSimulatorUrl(String url) {
            this.simulatorUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            return this;
        }

        public Builder withDefect(Defect defect) {
            defects.add(defect);
            return this;
        }

        public Builder withDefects(Set<Defect> set) {
            defects.addAll(set);
            return this;
        }

        /** How long a call to the services is waited for before the user is told (default 30 s). */
        public Builder withCallTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("callTimeout must be positive");
            }
            this.callTimeout = timeout;
            return this;
        }

        /**
         * The vendor's clock: "today" (when the driver call gives no {@code today}) and the time of
         * what the journal signs and sends. Default: the system clock in Swedish time.
         */
        public Builder withClock(Clock clock) {
            this.clock = Objects.requireNonNull(clock).withZone(SWEDEN);
            return this;
        }

        /** Threads of the HTTP server (bounded pool; default 8). */
        public Builder withThreads(int threads) {
            if (threads < 2) {
                throw new IllegalArgumentException("at least 2 threads");
            }
            this.threads = threads;
            return this;
        }

        public ReferenceVendor build() {
            try {
                return new ReferenceVendor(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public ReferenceVendor start() {
            return build().startServer();
        }
    }

    /** Starts a built vendor (for {@link Builder#build()}). */
    public ReferenceVendor start() {
        return startServer();
    }
}
