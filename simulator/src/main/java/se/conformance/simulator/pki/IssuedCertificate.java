package se.conformance.simulator.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A key and its certificate, issued by a {@link TestCa}, with the CA certificate as the rest of the chain. */
public record IssuedCertificate(PrivateKey privateKey, X509Certificate certificate, X509Certificate issuer) {

    /** A PKCS#12 key store holding the key under {@code alias} with the chain [certificate, CA]. */
    public KeyStore keyStore(String alias, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(alias, privateKey, password, new X509Certificate[] {certificate, issuer});
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes {@code <name>.p12} (key and chain), {@code <name>.pem} (certificate and CA certificate)
     * and {@code <name>.key.pem} (the unencrypted PKCS#8 key, for curl) into {@code dir}; returns the .p12.
     */
    public Path writeTo(Path dir, String name, char[] password) {
        try {
            Files.createDirectories(dir);
            Path p12 = dir.resolve(name + ".p12");
            TlsStores.write(keyStore(name, password), p12, password);
            Pem.writeCertificates(dir.resolve(name + ".pem"), List.of(certificate, issuer));
            Pem.writePrivateKey(dir.resolve(name + ".key.pem"), privateKey);
            return p12;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
