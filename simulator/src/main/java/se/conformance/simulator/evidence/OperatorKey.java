package se.conformance.simulator.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The simulator operator's signing key and its X.509 certificate: what evidence bundles are
 * signed with, so an approver can check offline that a bundle came from this simulator and was
 * not changed. Either the operator's own (a PKCS#12 file given with {@code --operator-key}), or
 * one the simulator makes itself: an EC P-256 key with a self-signed certificate whose subject
 * says what it is (simulator operator, evidence signing, host and creation date), kept in the
 * data directory so bundles of later runs carry the same signer.
 *
 * <p>Only the JDK's providers are used; BouncyCastle builds the certificate, it is not
 * registered as a provider (nothing global changes in the JVM).
 */
public final class OperatorKey {

    /** The file the generated key is kept in, in the simulator's data directory. */
    public static final String FILE_NAME = "operator-key.p12";

    /**
     * The password of a generated key's file when the operator gives none. The file is
     * readable by its owner only; the password only satisfies the PKCS#12 format.
     */
    public static final String DEFAULT_PASSWORD = "simulator-operator";

    private static final String ALIAS = "operator";

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private OperatorKey(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = Objects.requireNonNull(privateKey);
        if (chain.isEmpty()) throw new IllegalArgumentException("no certificate for the operator key");
        this.chain = List.copyOf(chain);
        checkPair();
    }

    /** A new key with a self-signed certificate valid for ten years (not kept anywhere). */
    public static OperatorKey generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = g.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "SE")
                    .addRDN(BCStyle.O, "Connection-approval simulator")
                    .addRDN(BCStyle.OU, "Evidence signing")
                    .addRDN(BCStyle.CN, "Simulator operator " + hostName() + " " + LocalDate.ofInstant(now, ZoneOffset.UTC))
                    .build();
            BigInteger serial = new BigInteger(127, new SecureRandom()).setBit(126);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(3653))),
                    subject, pair.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            // digitalSignature + nonRepudiation: what S/MIME-style verifiers (openssl cms) want of a signer.
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(pair.getPublic()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new OperatorKey(pair.getPrivate(), List.of(cert));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create an operator key: " + e.getMessage(), e);
        }
    }

    /**
     * The key in a PKCS#12 file (the first private-key entry, with its certificate chain).
     *
     * @throws IllegalArgumentException naming the file when it cannot be read, the password is
     *                                  wrong, or it holds no private key with a certificate
     */
    public static OperatorKey load(Path file, char[] password) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("operator key " + file + " does not exist");
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            for (String alias : java.util.Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) continue;
                PrivateKey key = (PrivateKey) ks.getKey(alias, password);
                Certificate[] certs = ks.getCertificateChain(alias);
                if (certs == null || certs.length == 0) continue;
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate c : certs) chain.add((X509Certificate) c);
                return new OperatorKey(key, chain);
            }
            throw new IllegalArgumentException("operator key " + file + ": no private key with a certificate in it");
        } catch (IOException e) {
            // PKCS12 reports a wrong password as an IOException whose cause is UnrecoverableKeyException
            throw new IllegalArgumentException("operator key " + file + ": cannot be read (wrong password or not PKCS#12): "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("operator key " + file + ": " + e.getMessage(), e);
        }
    }

    /** The key kept in {@code file}; made and written there (owner-only) the first time. */
    public static synchronized OperatorKey loadOrCreate(Path file, char[] password) {
        if (Files.exists(file)) return load(file, password);
        OperatorKey key = generate();
        key.save(file, password);
        return key;
    }

    /** Writes the key and certificate as PKCS#12, readable by the owner only where the file system allows. */
    public void save(Path file, char[] password) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".operator-key", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's permissions protect it
                }
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry(ALIAS, privateKey, password, chain.toArray(new Certificate[0]));
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    ks.store(out, password);
                }
                // a half-written key file must never be found by the next start
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the operator key to " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the operator key to " + file + ": " + e.getMessage(), e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The signer's certificate (first of the chain). */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    /** The JCA signature algorithm for this key: SHA-256 with ECDSA or RSA, or Ed25519. */
    public String signatureAlgorithm() {
        return switch (privateKey.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("operator key algorithm " + privateKey.getAlgorithm()
                    + " is not supported (EC, RSA or Ed25519)");
        };
    }

    /** The certificate chain as PEM, signer first. */
    public String pem() {
        StringBuilder b = new StringBuilder();
        Base64.Encoder enc = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        try {
            for (X509Certificate c : chain) {
                b.append("-----BEGIN CERTIFICATE-----\n").append(enc.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return b.toString();
    }

    /** SHA-256 of the signer certificate's DER, upper-case hex pairs separated by colons (as openssl prints it). */
    public String fingerprint() {
        return fingerprint(certificate());
    }

    public static String fingerprint(X509Certificate cert) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key that does not belong to its certificate would sign bundles nobody can verify: refuse it at start. */
    private void checkPair() {
        try {
            byte[] probe = "operator-key-check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(signatureAlgorithm());
            s.initSign(privateKey);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(signatureAlgorithm());
            v.initVerify(certificate().getPublicKey());
            v.update(probe);
            if (!v.verify(sig)) throw new IllegalArgumentException("the operator key does not match its certificate");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the operator key cannot sign: " + e.getMessage(), e);
        }
    }

    /** The machine's name for the certificate's subject, without a DNS lookup (which can hang a start). */
    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = Files.readString(Path.of("/etc/hostname"), StandardCharsets.US_ASCII).strip();
            } catch (IOException | RuntimeException e) {
                h = null;
            }
        }
        String name = h == null ? "" : h.replaceAll("[^A-Za-z0-9.-]", "");
        return name.isEmpty() ? "localhost" : name;
    }
}
