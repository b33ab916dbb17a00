package se.conformance.simulator.pki;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How the simulator serves HTTPS: its server key store, the CAs whose client certificates it
 * trusts, and whether a client certificate is required ("shared mode") or only used when sent.
 *
 * <pre>{@code
 * Simulator.builder().withTls(TlsSettings.keyStore(dir.resolve("server.p12"), "changeit")
 *         .trustStore(dir.resolve("truststore.p12"), "changeit")
 *         .requireClientCertificate(true))
 * }</pre>
 */
public final class TlsSettings {

    private final KeyStore keyStore;
    private final char[] keyPassword;
    private KeyStore trustStore;
    private boolean requireClientCertificate;

    private TlsSettings(KeyStore keyStore, char[] keyPassword) {
        this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
        this.keyPassword = keyPassword.clone();
    }

    /** The server's key and certificate chain from a PKCS#12 (or JKS) file. */
    public static TlsSettings keyStore(Path file, String password) {
        return new TlsSettings(TlsStores.load(file, TlsStores.chars(password)), TlsStores.chars(password));
    }

    public static TlsSettings keyStore(KeyStore keyStore, String password) {
        return new TlsSettings(keyStore, TlsStores.chars(password));
    }

    /** Client certificates are judged against the trusted entries of this store. */
    public TlsSettings trustStore(Path file, String password) {
        return trustStore(TlsStores.load(file, TlsStores.chars(password)));
    }

    public TlsSettings trustStore(KeyStore trustStore) {
        this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
        return this;
    }

    /** Shared mode: every request needs a valid function certificate; without this a missing one is allowed. */
    public TlsSettings requireClientCertificate(boolean required) {
        this.requireClientCertificate = required;
        return this;
    }

    public boolean clientCertificateRequired() {
        return requireClientCertificate;
    }

    /** The judge of client certificates, or null when no trust store is given (client certificates not asked for). */
    public ClientCertificates clientCertificates() {
        if (trustStore == null) {
            if (requireClientCertificate) {
                throw new IllegalArgumentException("requiring client certificates needs a trust store (the test CA's truststore.p12)");
            }
            return null;
        }
        return new ClientCertificates(trustStore);
    }

    public SSLContext serverContext() {
        return TlsStores.serverContext(keyStore, keyPassword);
    }
}
