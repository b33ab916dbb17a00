package se.conformance.simulator.pki;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Who is calling: the judgement of a TLS client's certificate chain against the CAs the
 * simulator trusts, and the caller-identity contract. For every request the simulator sets
 * {@link #HSA_ID_HEADER} to the HSA-id in the subject serialNumber of the verified client
 * certificate and removes any copy of that header a client sent, on every connector.
 */
public final class ClientCertificates {

    /** The request header carrying the HSA-id of the verified calling system; never taken from a client. */
    public static final String HSA_ID_HEADER = "x-conformance-tls-client-hsaid";

    /** Response header of a refusal: the {@link Reason} as a code, for programs. */
    public static final String REFUSAL_HEADER = "x-conformance-tls-refusal";

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Set<TrustAnchor> anchors;

    /** Trusting the certificate entries of {@code trustStore} (e.g. the test CA's truststore.p12). */
    public ClientCertificates(KeyStore trustStore) {
        Set<TrustAnchor> a = new HashSet<>();
        try {
            for (String alias : Collections.list(trustStore.aliases())) {
                if (trustStore.isCertificateEntry(alias) && trustStore.getCertificate(alias) instanceof X509Certificate c) {
                    a.add(new TrustAnchor(c, null));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable trust store: " + e.getMessage(), e);
        }
        if (a.isEmpty()) throw new IllegalArgumentException("the trust store holds no trusted certificate");
        this.anchors = Set.copyOf(a);
    }

    public enum Reason { NO_CERTIFICATE, EXPIRED, NOT_YET_VALID, UNTRUSTED_ISSUER, NOT_FOR_CLIENT_AUTHENTICATION, NO_HSA_ID, INVALID }

    /** The outcome for one chain: a caller with an HSA-id, or a refusal with a reason a person can act on. */
    public sealed interface Verdict {
        record Accepted(String hsaId, String subject) implements Verdict {}

        record Refused(Reason reason, String message) implements Verdict {}
    }

    /** Judges {@code chain} (leaf first, as TLS presents it; null or empty when the client sent none) at {@code now}. */
    public Verdict verify(X509Certificate[] chain, Instant now) {
        if (chain == null || chain.length == 0) {
            return new Verdict.Refused(Reason.NO_CERTIFICATE, "Klientcertifikat saknas: simulatorn kräver ett"
                    + " funktionscertifikat (SITHS-likt) utfärdat av testutfärdaren");
        }
        X509Certificate leaf = chain[0];
        String who = describe(leaf);
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate c : chain) {
            // the path ends below the anchor: a self-signed certificate the client sent along is left out
            if (!path.isEmpty() && c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) break;
            path.add(c);
        }
        try {
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false); // the test CA publishes no revocation lists
            params.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
        } catch (CertPathValidatorException e) {
            X509Certificate at = e.getIndex() >= 0 && e.getIndex() < path.size() ? path.get(e.getIndex()) : leaf;
            String atWho = at == leaf ? "Klientcertifikatet " + who : "Certifikatet " + describe(at)
                    + " i kedjan för " + who;
            if (e.getReason() == BasicReason.EXPIRED) {
                return new Verdict.Refused(Reason.EXPIRED, atWho + " gick ut " + WHEN.format(at.getNotAfter().toInstant()));
            }
            if (e.getReason() == BasicReason.NOT_YET_VALID) {
                return new Verdict.Refused(Reason.NOT_YET_VALID, atWho + " gäller först från "
                        + WHEN.format(at.getNotBefore().toInstant()));
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.INVALID_SIGNATURE
                    || e.getReason() == java.security.cert.PKIXReason.NO_TRUST_ANCHOR) {
                return new Verdict.Refused(Reason.UNTRUSTED_ISSUER, "Klientcertifikatet " + who + " är inte utfärdat av"
                        + " en utfärdare som simulatorn litar på (utfärdare: "
                        + X500Name.getInstance(BCStyle.INSTANCE, leaf.getIssuerX500Principal().getEncoded()) + ")");
            }
            return new Verdict.Refused(Reason.INVALID, "Klientcertifikatet " + who + " godtas inte: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            return new Verdict.Refused(Reason.INVALID, "Klientcertifikatet " + who + " kan inte prövas: " + e.getMessage());
        }
        try {
            List<String> purposes = leaf.getExtendedKeyUsage();
            if (purposes == null || !purposes.contains(CLIENT_AUTH)) {
                return new Verdict.Refused(Reason.NOT_FOR_CLIENT_AUTHENTICATION, "Klientcertifikatet " + who
                        + " är inte utfärdat för klientautentisering (extendedKeyUsage clientAuth saknas)");
            }
        } catch (CertificateParsingException e) {
            return new Verdict.Refused(Reason.INVALID, "Klientcertifikatet " + who + ": oläslig extendedKeyUsage");
        }
        Optional<String> hsaId = hsaId(leaf);
        if (hsaId.isEmpty()) {
            return new Verdict.Refused(Reason.NO_HSA_ID, "Klientcertifikatet " + who + " har inget HSA-id i subject"
                    + " serialNumber (2.5.4.5)");
        }
        if (!CertificateProfile.FunctionCertificate.HSA_ID.matcher(hsaId.get()).matches()) {
            return new Verdict.Refused(Reason.NO_HSA_ID, "Klientcertifikatet " + who + ": serialNumber '" + hsaId.get()
                    + "' är inget HSA-id");
        }
        return new Verdict.Accepted(hsaId.get(), who);
    }

    /** The subject as people read it, serialNumber by name (the JDK prints it as hex). */
    public static String describe(X509Certificate certificate) {
        return X500Name.getInstance(BCStyle.INSTANCE, certificate.getSubjectX500Principal().getEncoded()).toString();
    }

    /** The subject serialNumber (OID 2.5.4.5) of {@code certificate}, where a SITHS function certificate carries the HSA-id. */
    public static Optional<String> hsaId(X509Certificate certificate) {
        RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.SERIALNUMBER);
        if (rdns.length != 1) return Optional.empty(); // none, or ambiguous
        var value = rdns[0].getFirst().getValue();
        return Optional.of(value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value));
    }
}
