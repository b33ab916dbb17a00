package se.conformance.simulator.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Key stores (PKCS#12 or JKS) and the TLS contexts made from them: the one place TLS is set up in this module. */
public final class TlsStores {

    private TlsStores() {}

    /** A key store file of either type; a missing file or a wrong password is said plainly. */
    public static KeyStore load(Path file, char[] password) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("key store " + file.toAbsolutePath() + " does not exist");
        try {
            return KeyStore.getInstance(file.toFile(), password);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read key store " + file + ": wrong password or not a PKCS#12/JKS file ("
                    + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read key store " + file + ": " + e.getMessage(), e);
        }
    }

    static void write(KeyStore ks, Path file, char[] password) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password);
        }
    }

    /**
     * The simulator's server context. With {@code askForClientCertificate} the handshake takes any
     * client certificate whose key the client proves it holds, and the certificate is judged per
     * request by {@link ClientCertificates}, which can then say why it is refused (expired until
     * when, which issuer, no HSA-id) instead of a bare TLS alert.
     */
    public static SSLContext serverContext(KeyStore keyStore, char[] password) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), new TrustManager[] {new JudgedPerRequest()}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the server key store: " + e.getMessage(), e);
        }
    }

    /** A client context: its own certificate from {@code keyStore} (may be null: none), trusting {@code trustStore} (null: the JDK's CAs). */
    public static SSLContext clientContext(KeyStore keyStore, char[] password, KeyStore trustStore) {
        try {
            KeyManagerFactory kmf = null;
            if (keyStore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, password);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** {@link #clientContext(KeyStore, char[], KeyStore)} from files; null paths mean none. */
    public static SSLContext clientContext(Path keyStore, String password, Path trustStore, String trustStorePassword) {
        return clientContext(keyStore == null ? null : load(keyStore, chars(password)), chars(password),
                trustStore == null ? null : load(trustStore, chars(trustStorePassword)));
    }

    /** {@code password}, or the test CA's default when none is given. */
    public static char[] chars(String password) {
        return (password == null ? TestCa.DEFAULT_PASSWORD : password).toCharArray();
    }

    /**
     * Server side only: lets the handshake finish with whatever certificate the client presents
     * (JSSE still checks the client's proof of the private key). The decision is
     * {@link ClientCertificates#verify}, made for every request before anything else sees it.
     * No accepted issuers are named, so a client presents the certificate it has and hears why
     * it is refused.
     */
    private static final class JudgedPerRequest extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("the simulator's server context does not connect to servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("the simulator's server context does not connect to servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the simulator's server context does not connect to servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
