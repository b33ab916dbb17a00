package se.conformance.simulator.evidence;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.util.Objects;
import java.util.function.Supplier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs evidence with the operator's key: a detached CMS (PKCS#7) SignedData in DER over the
 * given bytes, SHA-256, with the operator's certificate chain embedded and the signing time as a
 * signed attribute. What {@code openssl cms -verify -binary -inform DER -content FILE} and
 * the harness's verifier check.
 */
public final class EvidenceSigner {

    /** The largest content signed: a manifest of a run is a few kB. */
    public static final int MAX_CONTENT_BYTES = 1 << 20;

    private final Supplier<OperatorKey> key;

    public EvidenceSigner(OperatorKey key) {
        Objects.requireNonNull(key);
        this.key = () -> key;
    }

    /** With a key still being made or read when the signer is built (the simulator's start). */
    public EvidenceSigner(Supplier<OperatorKey> key) {
        this.key = Objects.requireNonNull(key);
    }

    public OperatorKey key() {
        return key.get();
    }

    /** The detached signature (DER) over {@code content}. */
    public byte[] sign(byte[] content) {
        if (content.length == 0) throw new IllegalArgumentException("nothing to sign: the content is empty");
        if (content.length > MAX_CONTENT_BYTES) {
            throw new IllegalArgumentException("content of " + content.length + " bytes is larger than "
                    + MAX_CONTENT_BYTES + " bytes (a manifest, not the files themselves, is signed)");
        }
        OperatorKey k = key();
        try {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(k.signatureAlgorithm()).build(k.privateKey()), k.certificate()));
            gen.addCertificates(new JcaCertStore(k.chain()));
            CMSSignedData signed = gen.generate(new CMSProcessableByteArray(content), false);
            return signed.getEncoded("DER");
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot sign evidence: " + e.getMessage(), e);
        }
    }
}
