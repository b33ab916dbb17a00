package se.conformance.harness.simulator;

import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import org.apache.http.conn.ssl.SSLSocketFactory;
import se.conformance.simulator.pki.ClientCertificates;
import se.conformance.simulator.pki.TlsStores;

/**
 * The harness's one TLS set-up towards the simulator: in shared mode its own function
 * certificate and the CA of the simulator's server certificate (docs/trust-tls.md); otherwise
 * nothing (plain HTTP, the quickstart). Every call the harness makes to the simulator goes
 * through {@link #config(RestAssuredConfig)}.
 */
public final class SimulatorTls {

    private static final SimulatorTls NONE = new SimulatorTls(null, null);

    private final SSLContext context;
    private final String ownHsaId;

    private SimulatorTls(SSLContext context, String ownHsaId) {
        this.context = context;
        this.ownHsaId = ownHsaId;
    }

    public static SimulatorTls none() {
        return NONE;
    }

    /** From PKCS#12 files (e.g. of {@code simulator pki}); {@code keyStore} may be null when the simulator asks for no certificate. */
    public static SimulatorTls of(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {
        KeyStore own = keyStore == null ? null : TlsStores.load(keyStore, TlsStores.chars(keyStorePassword));
        SSLContext context = TlsStores.clientContext(own, TlsStores.chars(keyStorePassword),
                trustStore == null ? null : TlsStores.load(trustStore, TlsStores.chars(trustStorePassword)));
        return new SimulatorTls(context, own == null ? null : hsaIdIn(own, keyStore));
    }

    /** The HSA-id the simulator knows the harness by in shared mode (its certificate's serialNumber), or null. */
    public String ownHsaId() {
        return ownHsaId;
    }

    private static String hsaIdIn(KeyStore ks, Path file) {
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate c) {
                    return ClientCertificates.hsaId(c).orElse(null);
                }
            }
            return null;
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public boolean enabled() {
        return context != null;
    }

    /** {@code base} with this TLS set-up (hostnames checked against the server certificate); {@code base} itself when none. */
    @SuppressWarnings("deprecation") // rest-assured takes the HttpClient 4 socket factory
    public RestAssuredConfig config(RestAssuredConfig base) {
        if (context == null) return base;
        return base.sslConfig(SSLConfig.sslConfig().sslSocketFactory(
                new SSLSocketFactory(context, SSLSocketFactory.STRICT_HOSTNAME_VERIFIER)));
    }
}
