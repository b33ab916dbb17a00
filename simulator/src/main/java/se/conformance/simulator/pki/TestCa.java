package se.conformance.simulator.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The built-in test CA: a self-signed root that issues SITHS-like function certificates for
 * vendor systems and server certificates for the simulator. It is a test CA and nothing else:
 * its key sits in a PKCS#12 file next to the certificates, protected by a password everybody
 * knows by default. Keys are RSA 2048 signed with SHA-256, like SITHS e-tjänstekort.
 *
 * <p>Directory layout ({@link #save}): {@code ca.p12} (key and certificate), {@code ca.pem} (the
 * certificate, for curl and openssl), {@code truststore.p12} (the certificate as a trusted entry,
 * for Java clients and the simulator's {@code --tls-truststore}).
 */
public final class TestCa {

    public static final String DEFAULT_PASSWORD = "changeit";
    public static final String DEFAULT_NAME = "Conformance Test CA";
    static final String CA_FILE = "ca.p12";
    static final String CA_PEM = "ca.pem";
    public static final String TRUST_STORE_FILE = "truststore.p12";
    private static final String ALIAS = "ca";
    private static final String SIGNATURE = "SHA256withRSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;

    private TestCa(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** A new CA with a fresh key: subject C=SE, O=Conformance test environment, CN={@code name}. */
    public static TestCa create(String name, Validity validity) {
        Objects.requireNonNull(validity, "validity");
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "SE")
                .addRDN(BCStyle.O, "Conformance test environment")
                .addRDN(BCStyle.CN, name == null || name.isBlank() ? DEFAULT_NAME : name).build();
        KeyPair keys = rsa();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new TestCa(keys.getPrivate(), sign(b, keys.getPrivate()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("could not create the test CA", e);
        }
    }

    /** The CA saved in {@code dir} by {@link #save}. */
    public static TestCa load(Path dir, char[] password) {
        Path file = dir.resolve(CA_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no test CA in " + dir.toAbsolutePath() + " (" + CA_FILE
                    + " missing; create one with: pki init --dir " + dir + ")");
        }
        KeyStore ks = TlsStores.load(file, password);
        try {
            return new TestCa((PrivateKey) ks.getKey(ALIAS, password), (X509Certificate) ks.getCertificate(ALIAS));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": no CA key under alias '" + ALIAS + "'", e);
        }
    }

    /** Writes ca.p12, ca.pem and truststore.p12 into {@code dir} (created when missing). */
    public void save(Path dir, char[] password) {
        try {
            Files.createDirectories(dir);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key, password, new X509Certificate[] {certificate});
            TlsStores.write(ks, dir.resolve(CA_FILE), password);
            Pem.writeCertificates(dir.resolve(CA_PEM), List.of(certificate));
            TlsStores.write(trustStore(), dir.resolve(TRUST_STORE_FILE), password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A key store with the CA certificate as its only trusted entry. */
    public KeyStore trustStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("conformance-test-ca", certificate);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new key pair and a certificate for it, signed by this CA. */
    public IssuedCertificate issue(CertificateProfile profile, Validity validity) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(validity, "validity");
        KeyPair keys = rsa();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(validity.notBefore()), Date.from(validity.notAfter()), profile.subject(), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(profile.purpose()))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate.getPublicKey()));
            if (profile.alternativeNames() != null) {
                b.addExtension(Extension.subjectAlternativeName, false, profile.alternativeNames());
            }
            return new IssuedCertificate(keys.getPrivate(), sign(b, key), certificate);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("could not issue a certificate for " + profile, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Random positive 127-bit serial numbers: unique without a counter file. */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }
}
