package se.conformance.simulator;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.conformance.simulator.control.ControlTokens;
import se.conformance.simulator.evidence.OperatorKey;
import se.conformance.simulator.pki.PkiCommand;
import se.conformance.simulator.pki.TestCa;
import se.conformance.simulator.pki.TlsSettings;
import se.conformance.simulator.store.Database;

/**
 * {@code java -jar simulator.jar --port N --data DIR} — the simulator as a standalone process;
 * {@code --tls-keystore} (and for shared mode {@code --tls-truststore --require-client-cert})
 * serve HTTPS instead; {@code pki …} is the test CA (docs/trust-tls.md).
 */
@Command(name = "simulator", mixinStandardHelpOptions = true, version = "simulator 0.1.0",
        description = "Reference simulator of e-frikort (CGI eFrikort v3) and Intygstjänster/Webcert (RIV-TA BP 2.1).",
        subcommands = PkiCommand.class)
public final class SimulatorMain implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8088", description = "Port on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
    String bind;

    @Option(names = "--data", defaultValue = "data", description = "Directory of the embedded database. Default: ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL database to use instead of the embedded one")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (PostgreSQL)")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (PostgreSQL)")
    String dbPassword;

    @Option(names = "--control-tokens", paramLabel = "FILE", description = "YAML file of control-API tokens (shared"
            + " mode): an operator token and per vendor (tenant) an id, a token and its calling systems' HSA-ids."
            + " Every /control request then needs 'Authorization: Bearer <token>'. See docs/trust-authorization.md")
    Path controlTokens;

    @Option(names = "--operator-key", description = "PKCS#12 file with the operator's key and certificate that evidence"
            + " bundles are signed with. Default: ${data}/operator-key.p12, made on the first start")
    Path operatorKey;

    @Option(names = "--operator-key-password", arity = "0..1", interactive = true, defaultValue = "${env:SIM_OPERATOR_KEY_PASSWORD}",
            description = "Password of the operator key file (or env SIM_OPERATOR_KEY_PASSWORD; without a value: asked for)")
    char[] operatorKeyPassword;

    @Option(names = "--tls-keystore", paramLabel = "P12",
            description = "Serve HTTPS (only) with this server key store, e.g. server.p12 from 'pki issue-server'")
    Path tlsKeyStore;

    @Option(names = "--tls-keystore-password", defaultValue = TestCa.DEFAULT_PASSWORD, description = "Default: ${DEFAULT-VALUE}")
    String tlsKeyStorePassword;

    @Option(names = "--tls-truststore", paramLabel = "P12",
            description = "Ask for client certificates and trust those issued by the CAs in this store (truststore.p12 of 'pki init')")
    Path tlsTrustStore;

    @Option(names = "--tls-truststore-password", defaultValue = TestCa.DEFAULT_PASSWORD, description = "Default: ${DEFAULT-VALUE}")
    String tlsTrustStorePassword;

    @Option(names = "--require-client-cert",
            description = "Shared mode: every request needs a valid function certificate (HSA-id in subject serialNumber)")
    boolean requireClientCert;

    @Option(names = "--warm-up", description = "Start on a throw-away store, answer one call of each service, stop."
            + " bin/simulator runs this once with -XX:ArchiveClassesAtExit to build a class-data archive that halves start-up.")
    boolean warmUp;

    /** One real call per service over HTTP, so the classes a start and a first answer need are loaded. */
    private int warmUp() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("simulator-warm-up");
        try (Database db = Database.embedded(dir);
                Simulator sim = Simulator.builder().withPort(0).withDatabase(db).start()) {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            for (String[] call : new String[][] {
                    {"/efrikortService/GetCardForPerson/3/rivtabp21", WARM_UP_EFRIKORT},
                    {"/clinicalprocess/healthcond/certificate/GetCertificateTypeInfo/1/rivtabp21", WARM_UP_INTYG}}) {
                java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(sim.baseUrl() + call[0]))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(call[1])).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                System.out.println("warm-up " + call[0] + ": HTTP " + r.statusCode());
            }
        } finally {
            try (var paths = java.nio.file.Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private static final String WARM_UP_EFRIKORT = "<soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'"
            + " xmlns:a='urn:riv:itintegration:registry:1' xmlns:r='urn:riv:cgi:healthcare:efrikort:GetCardForPersonResponder:3'>"
            + "<soap:Header><a:LogicalAddress>SE2321000016-39KJ</a:LogicalAddress></soap:Header><soap:Body><r:GetCardForPerson>"
            + "<r:carePrincipalId>SE2321000016-39KJ</r:carePrincipalId><r:personId>191212121212</r:personId>"
            + "<r:cardTypeId>CARE_VISIT</r:cardTypeId></r:GetCardForPerson></soap:Body></soap:Envelope>";

    private static final String WARM_UP_INTYG = "<soap:Envelope xmlns:soap='http://schemas.xmlsoap.org/soap/envelope/'"
            + " xmlns:a='urn:riv:itintegration:registry:1'"
            + " xmlns:r='urn:riv:clinicalprocess:healthcond:certificate:GetCertificateTypeInfoResponder:1'>"
            + "<soap:Header><a:LogicalAddress>5565594230</a:LogicalAddress></soap:Header><soap:Body><r:GetCertificateTypeInfo>"
            + "<r:intygs-id>warm-up</r:intygs-id></r:GetCertificateTypeInfo></soap:Body></soap:Envelope>";

    /** The shared mode's tokens, or null: no tokens, an open control API (the quickstart). */
    private ControlTokens controlTokens() {
        try {
            return controlTokens == null ? null : ControlTokens.load(controlTokens);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--control-tokens " + e.getMessage(), e);
        }
    }

    /**
     * The key {@code --operator-key} names, read now; null: the one kept in the data directory (also with a
     * PostgreSQL store), which the simulator reads or makes while it opens the store.
     */
    private OperatorKey operatorKey() {
        return operatorKey != null ? OperatorKey.load(operatorKey, operatorKeyPassword()) : null;
    }

    private char[] operatorKeyPassword() {
        return operatorKeyPassword != null && operatorKeyPassword.length > 0 ? operatorKeyPassword
                : OperatorKey.DEFAULT_PASSWORD.toCharArray();
    }

    /** The TLS settings the options ask for, or null for plain HTTP (the quickstart). */
    private TlsSettings tls() {
        if (tlsKeyStore == null) {
            if (tlsTrustStore != null || requireClientCert) {
                throw new IllegalArgumentException("--tls-truststore and --require-client-cert need --tls-keystore (the server certificate)");
            }
            return null;
        }
        TlsSettings t = TlsSettings.keyStore(tlsKeyStore, tlsKeyStorePassword);
        if (tlsTrustStore != null) t.trustStore(tlsTrustStore, tlsTrustStorePassword);
        t.requireClientCertificate(requireClientCert);
        t.clientCertificates(); // refuses --require-client-cert without a trust store now, not at the first request
        return t;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (warmUp) return warmUp();
        long started = System.nanoTime();
        // every file an option names is read before the store is opened: a bad one stops the start (exit 2)
        ControlTokens tokens;
        OperatorKey key;
        TlsSettings tls;
        try {
            tokens = controlTokens();
            key = operatorKey();
            tls = tls();
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage());
            return 2;
        }
        Database db = dbUrl != null ? Database.open(dbUrl, dbUser, dbPassword) : Database.embedded(data);
        Simulator.Builder builder = Simulator.builder().withPort(port).withBindAddress(bind).withDatabase(db)
                .withControlTokens(tokens);
        if (key != null) builder.withOperatorKey(key);
        else builder.withOperatorKeyFile(data.resolve(OperatorKey.FILE_NAME), operatorKeyPassword());
        if (tls != null) builder.withTls(tls); // requiring client certificates also ignores declared callers
        Simulator sim;
        try {
            sim = builder.start();
        } catch (IllegalArgumentException e) { // e.g. the operator key kept in the data directory cannot be read
            db.close();
            System.err.println("simulator: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            db.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        String store = dbUrl != null ? "PostgreSQL " + dbUrl.replaceAll("password=[^&]*", "password=***")
                : "embedded H2 in " + data.toAbsolutePath();
        System.out.println("simulator ready in " + millis + " ms on " + sim.baseUrl()
                + " — e-frikort at " + sim.baseUrl() + "/efrikortService/<Operation>/3/rivtabp21, Intygstjänster and Webcert at "
                + sim.baseUrl() + "/clinicalprocess/healthcond/certificate/<Operation>/<major>/rivtabp21 (?wsdl), control at "
                + sim.baseUrl() + "/control/health, store: " + store + (tls == null ? ""
                        : tls.clientCertificateRequired() ? ", TLS: client certificate required (shared mode)"
                        : tlsTrustStore != null ? ", TLS: client certificates used when sent" : ", TLS: server only"));
        String curlTls = tls == null ? "" : "--cacert CA_DIR/ca.pem " + (tlsTrustStore == null ? ""
                : "--cert CA_DIR/HSA-ID.pem --key CA_DIR/HSA-ID.key.pem ");
        System.out.println("evidence signed by " + sim.operatorKey().certificate().getSubjectX500Principal().getName()
                + " (SHA-256 " + sim.operatorKey().fingerprint() + ", " + sim.baseUrl() + "/control/evidence/certificate)");
        System.out.println("try: curl -s " + curlTls + "-H 'Content-Type: text/xml; charset=UTF-8' --data-binary @docs/examples/efrikort/"
                + "GetCardForPerson.xml " + sim.baseUrl() + "/efrikortService/GetCardForPerson/3/rivtabp21");
        stopped.await();
        return 0;
    }
}
