package se.conformance.vendor.soap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The vendor's TLS towards the services: its function certificate (PKCS#12 from {@code simulator
 * pki issue-system}) and the CA it trusts for the server (truststore.p12), with the JDK only,
 * since the vendor does not depend on the simulator at run time.
 */
public final class Tls {

    private Tls() {}

    /** A context presenting {@code keyStore} (null: no certificate) and trusting {@code trustStore} (null: the JDK's CAs). */
    public static SSLContext context(Path keyStore, String keyPassword, Path trustStore, String trustPassword) {
        try {
            KeyManagerFactory kmf = null;
            if (keyStore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keyStore, keyPassword), keyPassword.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore == null ? null : load(trustStore, trustPassword));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS set-up failed: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("key store " + file.toAbsolutePath() + " does not exist");
        try {
            return KeyStore.getInstance(file.toFile(), password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read key store " + file + ": wrong password or not PKCS#12/JKS ("
                    + e.getMessage() + ")", e);
        }
    }
}
